/**
 * Fillable PDFs (`blank --fillable`, `fill --fillable`): every answer space a form field named by
 * its answers path, in reading order, with fixed font sizes; printed empty, the plain blank sheet;
 * prefilled, what pdf-lib reads is what MuPDF shows and reads.
 */
import * as mupdf from 'mupdf';
import { PDFCheckBox, PDFDict, PDFDocument, PDFDropdown, PDFHexString, PDFName, PDFTextField, type PDFField } from 'pdf-lib';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFilled } from '../src/api.js';
import { blankOnce, example, exampleOnce } from './support/rendered.js';
import type { Answers } from '../src/answers/index.js';
import { formMarker } from './support/form.js';
import { rasterise } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';

async function fieldsOf(pdf: Uint8Array): Promise<PDFField[]> {
  return (await PDFDocument.load(pdf)).getForm().getFields();
}

function kindOf(field: PDFField): string {
  if (field instanceof PDFTextField) return field.isMultiline() ? 'multi' : 'single';
  if (field instanceof PDFCheckBox) return 'checkbox';
  if (field instanceof PDFDropdown) return 'dropdown';
  return field.constructor.name;
}

function countKinds(fields: PDFField[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const field of fields) counts[kindOf(field)] = (counts[kindOf(field)] ?? 0) + 1;
  return counts;
}

describe('blank --fillable: fields per sheet', () => {
  it('goals: 28 fields, named by answers path, written answers multi-line', async () => {
    const fields = await fieldsOf(await blankOnce({ sheets: ['goals'], fillable: true }));
    expect(countKinds(fields)).toEqual({ single: 16, multi: 11 });
    expect(fields.map((f) => f.getName())).toEqual([
      'learner.name', 'learner.program', 'coach.name', 'session.date', 'session.number',
      'goals.priorities[0]', 'goals.priorities[1]', 'goals.priorities[2]', 'goals.priorities[3]', 'goals.priorities[4]',
      'goals.focus', 'goals.woop.timeframe', 'goals.woop.wish', 'goals.woop.outcome', 'goals.woop.feeling', 'goals.woop.obstacle',
      'goals.woop.plan.if', 'goals.woop.plan.then',
      'goals.smart.draft', 'goals.smart.specific', 'goals.smart.measurable', 'goals.smart.assignable', 'goals.smart.relevant',
      'goals.smart.timeBased', 'goals.smart.statement', 'goals.coachSupport', 'goals.nextCheckIn',
    ]);
    const byName = new Map(fields.map((f) => [f.getName(), f]));
    expect(kindOf(byName.get('goals.woop.wish')!)).toBe('multi');
    expect(kindOf(byName.get('goals.coachSupport')!)).toBe('multi');
    expect(kindOf(byName.get('goals.focus')!)).toBe('single');
    expect(kindOf(byName.get('goals.woop.feeling')!)).toBe('single'); // one ruled line
  });

  it('network: 20 contact rows per tie (name, area, role, notes), five people to add, four actions', async () => {
    const fields = await fieldsOf(await blankOnce({ sheets: ['network'], fillable: true }));
    expect(fields).toHaveLength(293);
    expect(countKinds(fields)).toEqual({ single: 195, multi: 33, dropdown: 65 });
    const names = fields.map((f) => f.getName());
    for (let i = 0; i < 60; i++) {
      for (const key of ['name', 'area', 'role', 'notes']) expect(names).toContain(`network.contacts[${i}].${key}`);
    }
    expect(names).not.toContain('network.contacts[60].name');
    for (let i = 0; i < 5; i++) for (const key of ['name', 'role', 'area', 'why', 'how', 'by']) expect(names).toContain(`network.toAdd[${i}].${key}`);
    for (let i = 0; i < 4; i++) for (const key of ['action', 'skill', 'support', 'by']) expect(names).toContain(`network.actions[${i}].${key}`);
    const area = fields.find((f) => f.getName() === 'network.contacts[0].area') as PDFDropdown;
    expect(area.getOptions().map((o) => o.trim()).filter(Boolean)).toEqual([
      'Academic network',
      'Expertise network',
      'Professional identity network',
      'Informal communities',
    ]);
  });

  it('A4 gives the connection lists their extra rows', async () => {
    const names = (await fieldsOf(await blankOnce({ sheets: ['network'], paper: 'a4', fillable: true }))).map((f) => f.getName());
    expect(names).toContain('network.contacts[62].name');
  });

  it('social: checkboxes for purposes (and Other) and boundaries; list rows; the bio', async () => {
    const fields = await fieldsOf(await blankOnce({ sheets: ['social'], fillable: true }));
    expect(countKinds(fields)).toEqual({ single: 35, multi: 4, checkbox: 14 });
    const boxes = fields.filter((f) => f instanceof PDFCheckBox).map((f) => f.getName());
    expect(boxes).toEqual([
      'social.purposes.learn', 'social.purposes.network', 'social.purposes.explore-specialties', 'social.purposes.share-work',
      'social.purposes.advocacy', 'social.purposes.community', 'social.purposes.other',
      'social.boundaries.patient-privacy', 'social.boundaries.one-identity', 'social.boundaries.permanence',
      'social.boundaries.patient-boundaries', 'social.boundaries.conflicts', 'social.boundaries.institution-policy', 'social.boundaries.self-audit',
    ]);
    expect(fields.every((f) => !(f instanceof PDFCheckBox) || !f.isChecked())).toBe(true);
  });

  it('every text field has a fixed font size (never 0, "auto"); the marker is in the Info dictionary, not a field', async () => {
    const doc = await PDFDocument.load(await blankOnce({ fillable: true }));
    for (const field of doc.getForm().getFields()) {
      if (!(field instanceof PDFTextField || field instanceof PDFDropdown)) continue;
      const da = field.acroField.getDefaultAppearance() ?? '';
      const size = Number(/\/\S+\s+([\d.]+)\s+Tf/.exec(da)?.[1]);
      expect(size, `${field.getName()}: ${da}`).toBeGreaterThanOrEqual(7);
    }
    expect(doc.getForm().getFields().map((f) => f.getName())).not.toContain('pln-worksheets');
    expect(formMarker(doc)).toMatchObject({ format: 'pln-worksheets-form', version: 1 });
  });

  it('every field has a tooltip (/TU) from its printed prompt, with row and column in tables and a format for the date and number', async () => {
    const tooltips = async (locale: string) => {
      const doc = await PDFDocument.load(await blankOnce({ fillable: true, locale }));
      return new Map(doc.getForm().getFields().map((f) => [f.getName(), f.acroField.dict.lookupMaybe(PDFName.of('TU'), PDFHexString)?.decodeText()]));
    };
    const en = await tooltips('en');
    expect([...en].filter(([, tip]) => !tip).map(([name]) => name)).toEqual([]);
    expect(en.get('network.toAdd[1].why')).toBe('Five people to add, row 2: Why this person');
    expect(en.get('network.contacts[0].name')).toBe('Strong connections, row 1: Name');
    expect(en.get('goals.priorities[2]')).toBe('Priorities, row 3');
    expect(en.get('session.date')).toBe('Date (year-month-day, e.g. 2025-10-14)');
    expect(en.get('session.number')).toBe('Session (a number, e.g. 3)');
    const weakRows = [...en].filter(([name, tip]) => name.endsWith('.notes') && tip?.startsWith('Weak connections, row 2: '));
    expect(weakRows.map(([, tip]) => tip)).toEqual(['Weak connections, row 2: Notes']);
    const es = await tooltips('es');
    expect(es.get('network.toAdd[1].why')).toBe('Cinco personas para sumar, fila 2: Por qué esta persona');
  });

  it('the connection lists tab down each list (strong, then weak, then mentors), not across them row by row', async () => {
    const doc = await PDFDocument.load(await blankOnce({ fillable: true, sheets: ['network'] }));
    const names = doc.getForm().getFields().filter((f) => /^network\.contacts\[\d+\]\.name$/.test(f.getName()));
    const annots = doc.getPage(0).node.Annots()!;
    const order = Array.from({ length: annots.size() }, (_, i) => annots.get(i).toString());
    const positions = names.map((f) => order.indexOf(String(doc.context.getObjectRef(f.acroField.getWidgets()[0]!.dict))));
    expect(positions.every((position) => position >= 0)).toBe(true);
    const byIndex = names.map((f, i) => [Number(/\[(\d+)\]/.exec(f.getName())![1]), positions[i]!] as const).sort((a, b) => a[1] - b[1]);
    expect(byIndex.map(([index]) => index)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('readers tab in the listed order (/Tabs /S on every page), show the title and know the language', async () => {
    const doc = await PDFDocument.load(await blankOnce({ fillable: true, locale: 'es' }));
    for (const [index, page] of doc.getPages().entries()) expect(page.node.get(PDFName.of('Tabs')), `page ${index + 1}`).toBe(PDFName.of('S'));
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe('(es)');
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    expect(doc.getTitle()).toBeTruthy();
  });

  it('tab order is reading order: each page lists its widgets header first, then down the page', async () => {
    const doc = await PDFDocument.load(await blankOnce({ sheets: ['goals'], fillable: true }));
    const widgetNames = (pageIndex: number) => {
      const annots = doc.getPage(pageIndex).node.Annots()!;
      const names: string[] = [];
      for (let i = 0; i < annots.size(); i++) {
        const widget = annots.lookup(i) as unknown as { lookup(name: PDFName): unknown };
        const parts: string[] = [];
        let node: unknown = widget;
        while (node && typeof (node as { lookup: unknown }).lookup === 'function') {
          const t = (node as { lookup(name: PDFName): unknown }).lookup(PDFName.of('T')) as { decodeText(): string } | undefined;
          if (t) parts.unshift(t.decodeText());
          node = (node as { lookup(name: PDFName): unknown }).lookup(PDFName.of('Parent'));
        }
        names.push(parts.join('.'));
      }
      return names;
    };
    expect(widgetNames(0)).toEqual([
      'learner.name', 'learner.program', 'coach.name', 'session.date', 'session.number',
      'goals.priorities[0]', 'goals.priorities[1]', 'goals.priorities[2]', 'goals.priorities[3]', 'goals.priorities[4]',
      'goals.focus', 'goals.woop.timeframe', 'goals.woop.wish', 'goals.woop.outcome', 'goals.woop.feeling', 'goals.woop.obstacle',
      'goals.woop.plan.if', 'goals.woop.plan.then',
    ]);
    // The header's fields are one field each, with a widget on every page.
    expect(widgetNames(1).slice(0, 5)).toEqual(['learner.name', 'learner.program', 'coach.name', 'session.date', 'session.number']);
    expect(doc.getForm().getTextField('learner.name').acroField.getWidgets()).toHaveLength(doc.getPageCount());
  });
});

describe.each(['letter', 'a4'] as const)('printed empty on %s, a fillable sheet is the blank sheet', (paper) => {
  let fillable: Buffer[];
  let plain: Buffer[];
  beforeAll(async () => {
    fillable = await rasterise(await blankOnce({ paper, fillable: true }));
    plain = await rasterise(await blankOnce({ paper }));
  });

  it('has the same pages, pixel for pixel within 0.01%', () => {
    expect(fillable).toHaveLength(plain.length);
    fillable.forEach((png, index) => {
      const a = PNG.sync.read(png);
      const b = PNG.sync.read(plain[index]!);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      const diff = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
      expect(diff / (a.width * a.height), `page ${index + 1}`).toBeLessThanOrEqual(0.0001);
    });
  });
});

describe('fill --fillable', () => {
  it('prefills every answer; MuPDF reads the same values pdf-lib does and shows them', async () => {
    const answers = await example('multilingual-long');
    const pdf = await exampleOnce('multilingual-long', { fillable: true });
    const form = (await PDFDocument.load(pdf)).getForm();
    expect(form.getTextField('goals.woop.wish').getText()).toBe(answers.goals!.woop!.wish);
    expect(form.getTextField('learner.name').getText()).toBe('陈静怡');
    expect(form.getCheckBox('social.purposes.learn').isChecked()).toBe(true);
    expect(form.getCheckBox('social.purposes.share-work').isChecked()).toBe(false);
    expect(form.getCheckBox('social.purposes.other').isChecked()).toBe(true);

    // MuPDF (the rasteriser of these tests) agrees on every widget's value and on-state.
    const pdfLibValues = new Map<string, string>();
    for (const field of form.getFields()) {
      if (field instanceof PDFTextField) pdfLibValues.set(field.getName(), field.getText() ?? '');
      else if (field instanceof PDFCheckBox) pdfLibValues.set(field.getName(), field.isChecked() ? 'Yes' : 'Off');
      else if (field instanceof PDFDropdown) pdfLibValues.set(field.getName(), field.getSelected()[0] ?? '');
    }
    const doc = mupdf.Document.openDocument(pdf, 'application/pdf').asPDF()!;
    try {
      let checked = 0;
      for (let i = 0; i < doc.countPages(); i++) {
        const page = doc.loadPage(i) as mupdf.PDFPage;
        for (const widget of page.getWidgets()) {
          const name = widget.getName();
          const value = widget.getValue();
          expect(pdfLibValues.has(name), name).toBe(true);
          expect(value.replace(/\r\n?/g, '\n'), name).toBe(pdfLibValues.get(name));
          checked++;
        }
        page.destroy();
      }
      expect(checked).toBeGreaterThan(200);
    } finally {
      doc.destroy();
    }

  });

  it('appearances draw every script (pixel baseline of the multilingual goal sheet)', async () => {
    const answers = await example('multilingual-long');
    await expectPagesMatchBaseline('fillable-multilingual-goals', await renderFilled(answers, { fillable: true, sheets: ['goals'] }));
  });

  it('rows grow to hold every item: 20 priorities, 25 strong ties, a long note', async () => {
    const answers = (await example('first-year-woop')) as Answers & { goals: NonNullable<Answers['goals']>; network: NonNullable<Answers['network']> };
    answers.goals.priorities = Array.from({ length: 20 }, (_, i) => `Priority number ${i + 1}`);
    answers.network.contacts = Array.from({ length: 25 }, (_, i) => ({
      name: `Person ${i + 1}`,
      tie: 'strong' as const,
      area: 'informal' as const,
      notes: i === 3 ? 'A long note about this person. '.repeat(12).trim() : undefined,
    })).map(({ notes, ...rest }) => (notes ? { ...rest, notes } : rest));
    const form = (await PDFDocument.load(await renderFilled(answers, { fillable: true }))).getForm();
    expect(form.getTextField('goals.priorities[19]').getText()).toBe('Priority number 20');
    expect(form.getTextField('network.contacts[24].name').getText()).toBe('Person 25');
    expect(form.getTextField('network.contacts[3].notes').getText()).toBe(answers.network.contacts[3]!.notes);
    expect(form.getTextField('network.contacts[3].notes').isMultiline()).toBe(true);
  });

  it('looks as reviewed (pixel baseline of the WOOP example)', async () => {
    await expectPagesMatchBaseline('fillable-first-year-woop', await exampleOnce('first-year-woop', { fillable: true }));
  });
});

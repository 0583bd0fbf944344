/**
 * `import`: a fillable PDF back into answers. The examples round-trip exactly through
 * `fill --fillable` and `import`; edits made as a reader makes them (typing in Polish, Chinese and
 * Arabic, picking an area, ticking boxes, clearing a field) come back; anything else is refused
 * with a clear message and exit code 1.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAnswers } from '../src/api.js';
import { blankOnce, exampleOnce } from './support/rendered.js';
import { parseAnswers, type Answers } from '../src/answers/index.js';
import { runCli } from './support/cli.js';
import { formMarker } from './support/form.js';

const EXAMPLES = new URL('../examples/', import.meta.url);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parsed(text: string, file: string): Answers {
  const result = parseAnswers(text, file);
  if (!result.ok) throw new Error(`${file} does not validate: ${JSON.stringify(result.problems)}`);
  return result.answers;
}

/** Saves as a reader does: values only (a reader redraws appearances with its own fonts). */
async function saveAsReader(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ updateFieldAppearances: false });
}

describe('round trip: fill --fillable, then import, gives back each example', async () => {
  const examples = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.json'));
  it.each(examples)('%s', async (name) => {
    const source = path.join(EXAMPLES.pathname, name);
    const pdfPath = path.join(dir, name.replace(/\.json$/, '.pdf'));
    const fill = await runCli(['fill', source, '--fillable', '--out', pdfPath]);
    expect(fill.stderr).toBe('');
    expect(fill.code).toBe(0);
    const imported = await runCli(['import', pdfPath]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const original = parsed(await readFile(source, 'utf8'), name);
    expect(parsed(imported.stdout.toString('utf8'), 'imported.json')).toEqual(original);
  });

  it('--out writes the answers file (and will not overwrite one without --force)', async () => {
    const pdfPath = path.join(dir, 'first-year-woop.pdf');
    const out = path.join(dir, 'back.json');
    const first = await runCli(['import', pdfPath, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout.toString().trim()).toBe(out);
    expect(parsed(await readFile(out, 'utf8'), out).learner.name).toBe('Amara Okonkwo');
    const again = await runCli(['import', pdfPath, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect((await runCli(['import', pdfPath, '--out', out, '--force'])).code).toBe(0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('edits made as a reader makes them', () => {
  it('a blank form: text in Polish, Chinese and Arabic, an area picked, boxes ticked; untouched fields stay absent', async () => {
    const doc = await PDFDocument.load(await blankOnce({ fillable: true }));
    const form = doc.getForm();
    form.getTextField('learner.name').setText('Łucja Wiśniewska-Żółć');
    form.getTextField('session.number').setText('3');
    form.getTextField('session.date').setText('2026-02-03');
    form.getTextField('goals.woop.wish').setText('在三月之前找到一位导师。\n第二行：用英文做报告。');
    form.getTextField('goals.priorities[2]').setText('Zdać egzamin z anatomii'); // the third row: rows close up
    form.getTextField('network.contacts[21].name').setText('أحمد الخطيب'); // weak ties: the second list
    form.getDropdown('network.contacts[21].area').select('Expertise network');
    form.getTextField('network.contacts[21].notes').setText('طبيب مقيم في طب الطوارئ');
    form.getTextField('network.contacts[0].name').setText('Jordan Lee');
    form.getDropdown('network.contacts[0].area').select('Academic network');
    form.getCheckBox('social.boundaries.self-audit').check();
    form.getCheckBox('social.boundaries.patient-privacy').check();
    form.getCheckBox('social.purposes.other').check();
    form.getTextField('social.otherPurpose').setText('Écrire en français');
    // A field typed into and then cleared.
    form.getTextField('goals.focus').setText('');

    const answers = await importAnswers(await saveAsReader(doc), 'edited.pdf');
    expect(answers).toEqual({
      version: 1,
      learner: { name: 'Łucja Wiśniewska-Żółć' },
      session: { date: '2026-02-03', number: 3 },
      goals: {
        priorities: ['Zdać egzamin z anatomii'],
        woop: { wish: '在三月之前找到一位导师。\n第二行：用英文做报告。' },
      },
      network: {
        contacts: [
          { name: 'Jordan Lee', tie: 'strong', area: 'academic' },
          { name: 'أحمد الخطيب', tie: 'weak', area: 'expertise', notes: 'طبيب مقيم في طب الطوارئ' },
        ],
      },
      social: { otherPurpose: 'Écrire en français', boundaries: ['patient-privacy', 'self-audit'] },
    });
  });

  it('a prefilled form: a changed answer, an unticked box, a cleared field, a new contact; line breaks as a reader stores them', async () => {
    const original = parsed(await readFile(new URL('multilingual-long.json', EXAMPLES), 'utf8'), 'multilingual-long.json');
    const doc = await PDFDocument.load(await exampleOnce('multilingual-long', { fillable: true }));
    const form = doc.getForm();
    // Acrobat stores line breaks in multi-line fields as carriage returns.
    form.getTextField('goals.woop.obstacle').acroField.setValue(PDFHexString.fromText('第一行\r第二行\r\n第三行'));
    form.getCheckBox('social.purposes.network').uncheck();
    form.getTextField('social.timeBudget').setText('');
    const strongRows = Object.entries(formMarker(doc).ties)
      .filter(([, tie]) => tie === 'mentor')
      .map(([index]) => Number(index))
      .filter((index) => index >= original.network!.contacts!.length);
    const row = strongRows[0]!;
    form.getTextField(`network.contacts[${row}].name`).setText('Dr. Zeynep Kaya');
    form.getDropdown(`network.contacts[${row}].area`).select('Professional identity network');

    const answers = await importAnswers(await saveAsReader(doc), 'edited.pdf');
    const expected = structuredClone(original) as Answers & { goals: { woop: object }; social: Record<string, unknown>; network: { contacts: unknown[] } };
    (expected.goals.woop as Record<string, string>).obstacle = '第一行\n第二行\n第三行';
    expected.social.purposes = ['learn', 'explore-specialties'];
    delete expected.social.timeBudget;
    expected.network.contacts.push({ name: 'Dr. Zeynep Kaya', tie: 'mentor', area: 'professional-identity' });
    expect(answers).toEqual(expected);
  });
});

describe('forms made before the marker moved to the Info dictionary', () => {
  it('a form whose marker is a hidden field (Info entry "1") still imports, contact ties included', async () => {
    const original = parsed(await readFile(new URL('resident-smart.json', EXAMPLES), 'utf8'), 'resident-smart.json');
    const doc = await PDFDocument.load(await exampleOnce('resident-smart', { fillable: true }));
    // Rebuilt as forms of before were made: the marker JSON in a hidden read-only text field.
    const marker = formMarker(doc);
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of('PlnWorksheetsForm'), PDFString.of('1'));
    const field = doc.getForm().createTextField('pln-worksheets');
    field.addToPage(doc.getPage(0), { x: 0, y: 0, width: 0, height: 0, hidden: true });
    field.setText(JSON.stringify(marker));
    field.enableReadOnly();
    expect(await importAnswers(await saveAsReader(doc), 'old.pdf')).toEqual(original);
  });
});

describe('refusals: exit 1, one clear line each', () => {
  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['not a PDF', async () => new TextEncoder().encode('{"learner": {"name": "Sam"}}'), /not a PDF file/],
    ['an empty file', async () => new Uint8Array(), /not a PDF file/],
    [
      'a truncated PDF',
      async () => (await blankOnce({ sheets: ['goals'], fillable: true })).slice(0, 40_000),
      /damaged or incomplete/,
    ],
    ['a PDF without our fields (the plain blank sheet)', async () => blankOnce({ sheets: ['goals'] }), /not a fillable worksheet from pln-worksheets/],
    [
      'some other PDF form',
      async () => {
        const doc = await PDFDocument.create();
        const page = doc.addPage();
        const field = doc.getForm().createTextField('learner.name');
        field.setText('Sam');
        field.addToPage(page);
        return doc.save();
      },
      /not a fillable worksheet from pln-worksheets/,
    ],
    [
      'a form without the learner\'s name',
      async () => blankOnce({ sheets: ['goals'], fillable: true }),
      /learner\.name: empty/,
    ],
    [
      'a contact without an area, a session date that is not a date',
      async () => {
        const doc = await PDFDocument.load(await blankOnce({ fillable: true }));
        const form = doc.getForm();
        form.getTextField('learner.name').setText('Sam');
        form.getTextField('session.date').setText('14/10/2025');
        form.getTextField('network.contacts[2].name').setText('Jordan Lee');
        return saveAsReader(doc);
      },
      /network\.contacts\[2\]\.area: empty/,
    ],
  ];
  it.each(cases)('%s', async (_name, make, message) => {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, await make());
    const result = await runCli(['import', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(file);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a date that is not a date is named with its field', async () => {
    const doc = await PDFDocument.load(await blankOnce({ sheets: ['goals'], fillable: true }));
    doc.getForm().getTextField('learner.name').setText('Sam');
    doc.getForm().getTextField('session.date').setText('14/10/2025');
    await expect(importAnswers(await saveAsReader(doc), 'x.pdf')).rejects.toThrow(/session\.date/);
  });

  it('a missing file', async () => {
    const result = await runCli(['import', path.join(dir, 'nope.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no such file/);
  });
});

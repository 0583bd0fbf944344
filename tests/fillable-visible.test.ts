/**
 * A prefilled form shows every answer whole, on screen and in print, as the plain filled PDF does:
 * each field's widgets draw all of its value (smaller, wrapped, or continued on the next page when
 * it is long), every character in a font that has it, runs in the order of the Unicode bidi
 * algorithm. And the font readers type with has glyphs for what a learner types later.
 */
import bidiModule from 'bidi-js';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderBlank, renderFilled } from '../src/api.js';
import { arbitraryAnswersWith, SAMPLE_TEXTS } from './answers/arbitrary.js';
import { example, exampleOnce } from './support/rendered.js';
import { found } from './support/content.js';
import { pdfLines } from './support/pdf.js';
import { shownFields } from './support/widgets.js';

const EXAMPLES = ['first-year-woop', 'resident-smart', 'multilingual-long'];
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/** The text fields whose widgets do not show their whole value: name, value, what is shown. */
function hiddenValues(pdf: Uint8Array, scriptsOnly = false): string[] {
  const hidden: string[] = [];
  for (const [name, field] of shownFields(pdf)) {
    if (field.type !== 'text' && field.type !== 'combobox') continue;
    if (field.value === '' || found(field.value, field.text, scriptsOnly)) continue;
    hidden.push(`${name}: ${JSON.stringify(field.value.slice(0, 60))} (${[...field.value].length} characters) shows ${JSON.stringify(field.text.slice(0, 60))}…${JSON.stringify(field.text.slice(-60))}`);
  }
  return hidden;
}

describe('every prefilled answer shows whole in its field', () => {
  for (const name of EXAMPLES) {
    it(name, async () => {
      const pdf = await exampleOnce(name, { fillable: true });
      expect(hiddenValues(pdf)).toEqual([]);
    });
  }

  it('a long program in the header, and an answer longer than a page', async () => {
    const answers = await example('first-year-woop');
    answers.learner.program = 'Y3 — Médecine, Université de Montréal';
    const long = Array.from({ length: 160 }, (_, i) => `Sentence ${i + 1} of a long wish, which the form must show whole.`).join(' ');
    answers.goals = { ...answers.goals, woop: { ...answers.goals?.woop, outcome: long } };
    const pdf = await renderFilled(answers, { fillable: true });
    const fields = shownFields(pdf);
    expect(fields.get('learner.program')!.text.replace(/\s+/gu, ' ')).toContain('Y3 — Médecine, Université de Montréal');
    // The answer continues over pages: its widgets are on more than one.
    const doc = await PDFDocument.load(pdf);
    const pages = new Set(doc.getForm().getTextField('goals.woop.outcome').acroField.getWidgets().map((w) => doc.getPages().findIndex((p) => p.ref === w.P())));
    expect(pages.size).toBeGreaterThan(1);
    expect(hiddenValues(pdf)).toEqual([]);
  });

  it('in generated answers, short and long, in every script (property)', async () => {
    // Long answers of 1,000 to 1,500 characters in one paragraph (answers of very many short
    // lines, in every kind of field: tests/fillable-flow.test.ts).
    const paragraphs = SAMPLE_TEXTS.filter((seed) => seed.trim() !== '' && !/[\n\r]/u.test(seed));
    const long = fc.tuple(fc.constantFrom(...paragraphs), fc.integer({ min: 1000, max: 1500 })).map(([seed, n]) => {
      const chars = [...`${seed} `];
      return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('').trim();
    });
    // Short answers: the sample texts of every promised script. Known limit, not generated here:
    // rare characters where one glyph of a subset stands for two texts (dotless ı drawn for "i" +
    // a mark after a real "ı") extract as the first text, and a few rare CJK characters in
    // contact notes were found missing.
    const text = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SAMPLE_TEXTS) }, { weight: 1, arbitrary: long });
    const cases = fc.sample(arbitraryAnswersWith({ text, listShare: 0.3 }), { numRuns: 2, seed: 20261203 });
    for (const [index, answers] of cases.entries()) {
      const pdf = await renderFilled(answers, { fillable: true });
      // Characters no bundled font has (emoji) are drawn as the placeholder in both PDFs: compared are the promised scripts.
      expect({ case: index, hidden: hiddenValues(pdf, true) }).toEqual({ case: index, hidden: [] });
    }
  }, 600_000);
});

describe('a label beside a prefilled field', () => {
  it('stands by the first line of a field of several lines, where its answer starts', async () => {
    const pdf = await exampleOnce('first-year-woop', { fillable: true });
    const doc = await PDFDocument.load(pdf);
    const [widget] = doc.getForm().getTextField('goals.woop.plan.then').acroField.getWidgets();
    const pageIndex = doc.getPages().findIndex((page) => page.ref === widget!.P());
    const rect = widget!.getRectangle();
    const top = doc.getPage(pageIndex).getHeight() - (rect.y + rect.height);
    expect(rect.height, 'the plan\'s "then" answer takes two lines').toBeGreaterThan(30);
    const label = (await pdfLines(pdf))[pageIndex]!.find((line) => line.text.startsWith('then I will'));
    expect(label).toBeDefined();
    // Beside the first line (its top within a line of the field's), not at the foot of the field.
    expect(label!.bbox[1]).toBeGreaterThan(top - 4);
    expect(label!.bbox[1]).toBeLessThan(top + 12);
  });
});

describe('every character drawn, in bidi order', () => {
  it('symbols after Latin text and full-width brackets after Latin text draw from a font that has them', async () => {
    const answers = await example('first-year-woop');
    answers.goals = { ...answers.goals, focus: 'Score ≥ 3 → done ✓', priorities: ['@dr_tanaka（田中）'] };
    const fields = shownFields(await renderFilled(answers, { fillable: true }));
    expect(fields.get('goals.focus')!.text.trim()).toBe('Score ≥ 3 → done ✓');
    expect(fields.get('goals.priorities[0]')!.text.trim()).toBe('@dr_tanaka（田中）');
  });

  it('mixed Hebrew and English in one line, in the order bidi-js gives', async () => {
    const answers = await example('first-year-woop');
    const focus = 'ד״ר יעל בן-דוד (Dr. Yael Ben-David) אמר 3 דברים';
    answers.goals = { ...answers.goals, focus };
    const field = shownFields(await renderFilled(answers, { fillable: true })).get('goals.focus')!;
    const expected = bidi.getReorderedString(focus, bidi.getEmbeddingLevels(focus, 'rtl'));
    expect(field.visualLines.map((line) => line.replace(/\s/gu, ''))).toEqual([expected.replace(/\s/gu, '')]);
  });
});

describe('the font readers type with', () => {
  it('is embedded whole and has glyphs for "Łódź — São Paulo ≥ 3" and the base family’s scripts', async () => {
    const pdf = await renderBlank({ sheets: ['goals'], fillable: true });
    const doc = await PDFDocument.load(pdf);
    const field = doc.getForm().getTextField('goals.focus');
    const da = field.acroField.getDefaultAppearance() ?? '';
    const resource = /\/(\S+) [\d.]+ Tf/u.exec(da)?.[1];
    expect(resource).toBe('DejaVuSans');
    // pdf.js types into the field as a reader: it draws the new value with the DA font.
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
    const loaded = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0, standardFontDataUrl }).promise;
    const typed = 'Łódź — São Paulo ≥ 3 Ελλάδα Москва';
    let saved: Uint8Array;
    try {
      const page = await loaded.getPage(1);
      const annotation = (await page.getAnnotations()).find((a: { fieldName?: string }) => a.fieldName === 'goals.focus') as { id: string };
      loaded.annotationStorage.setValue(annotation.id, { value: typed });
      saved = await loaded.saveDocument();
    } finally {
      await loaded.destroy();
    }
    const shown = shownFields(saved).get('goals.focus')!;
    expect(shown.value).toBe(typed);
    expect(shown.text.trim()).toBe(typed);
    expect([...shown.fonts]).toEqual(['DejaVuSans']);
  });
});

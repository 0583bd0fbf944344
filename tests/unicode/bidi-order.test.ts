/**
 * Mixed-direction learner text prints in the order the Unicode bidirectional algorithm (UAX #9)
 * gives, in every field kind: the drawn characters of each line, read left to right by position,
 * are compared with bidi-js's display order for that line (mirrored brackets included).
 */
import bidiModule from 'bidi-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFilled } from '../../src/api.js';
import type { Answers } from '../../src/answers/index.js';
import { prepareLearnerText } from '../../src/pdf/learner-text.js';
import { pdfVisualLines } from '../support/pdf.js';

const bidi = (bidiModule as unknown as typeof bidiModule.default)();
/** What draws nothing: spaces (the PDF's and MuPDF's own) and the bidi controls. */
const UNDRAWN = /[\s\p{Bidi_Control}]/gu;

/** Display order of text[start..end] (inclusive) as one line of its paragraph, spaces removed. */
function displayOrder(text: string, start = 0, end = text.length - 1): string {
  return bidi.getReorderedString(text, bidi.getEmbeddingLevels(text), start, end).slice(start, end + 1).replace(UNDRAWN, '');
}

/** Each paragraph of `text` (UAX #9 P1: split at line breaks) in display order. */
function paragraphsInDisplayOrder(text: string): string[] {
  return text.split('\n').map((paragraph) => displayOrder(paragraph));
}

const texts = {
  header: 'נועה לוי (Noa Levi)',
  plainField: 'مرحبا (Ahmed) 123 عالم',
  listItem: 'Meet د. أحمد (2024) today',
  paragraphs: 'שלום (רב) 12\nHello (world) 34!',
  isolate: '\u2067Dr. Smith\u2069 אמר שלום',
  tableCell: 'ד״ר כהן (Tel Aviv)',
  tableCellLatinFirst: 'POCUS (אולטרסאונד) 3',
  contact: 'أحمد (Ahmed)',
  wrappedCoach: 'ד״ר יעל בן-דוד (Dr. Yael Ben-David)',
};

const answers: Answers = {
  version: 1,
  learner: { name: texts.header },
  coach: { name: texts.wrappedCoach },
  goals: {
    focus: texts.plainField,
    priorities: [texts.listItem, texts.isolate],
    coachSupport: texts.paragraphs,
  },
  network: {
    contacts: [{ name: texts.contact, tie: 'weak', area: 'informal' }],
    toAdd: [{ name: texts.tableCell, why: texts.tableCellLatinFirst }],
  },
} as Answers;

let lines: string[];

beforeAll(async () => {
  const pdf = await renderFilled(answers, { sheets: ['goals', 'network'], paper: 'letter' });
  lines = (await pdfVisualLines(pdf)).flat().map((line) => line.replace(UNDRAWN, ''));
}, 120_000);

const printed = (visual: string) => lines.some((line) => line.includes(visual));

describe('mixed right-to-left and left-to-right text', () => {
  for (const [kind, text] of Object.entries(texts)) {
    if (kind === 'wrappedCoach') continue;
    it(`prints in bidi display order: ${kind}`, () => {
      for (const paragraph of paragraphsInDisplayOrder(text)) expect(printed(paragraph), `${paragraph}\n${lines.join('\n')}`).toBe(true);
    });
  }

  it('prints a wrapped header value line by line in bidi display order', () => {
    const text = texts.wrappedCoach;
    const breaks = [...text.matchAll(/ /gu)].map((m) => m.index);
    const wrapped = breaks.some((at) => printed(displayOrder(text, 0, at - 1)) && printed(displayOrder(text, at + 1)));
    expect(wrapped || printed(displayOrder(text)), lines.join('\n')).toBe(true);
  });
});

describe('prepareLearnerText', () => {
  it('lists the paragraphs only when their directions differ', () => {
    expect(prepareLearnerText('שלום\nHello')).toEqual({
      text: 'שלום\nHello',
      rtl: true,
      paragraphs: [
        { text: 'שלום\n', rtl: true },
        { text: 'Hello', rtl: false },
      ],
    });
    expect(prepareLearnerText('שלום\nעולם')).toEqual({ text: 'שלום\nעולם', rtl: true });
    expect(prepareLearnerText('a\tb\nc')).toEqual({ text: 'a    b\nc', rtl: false });
  });
});

/**
 * The promise to learners: every string in a valid answers file appears in the filled PDF, whole and
 * in order, however long, however many, whatever it contains.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers/index.js';
import { renderFilled } from '../src/api.js';
import type { Copy } from '../src/copy/copy.js';
import { loadCopy } from '../src/copy/load.js';
import { arbitraryAnswersWith, SAMPLE_TEXTS } from './answers/arbitrary.js';
import { comparable, learnerContent } from './support/content.js';
import { pdfText } from './support/pdf.js';

/** Enumerated values print as labels, ticks and markers, not as text; `$schema` is not learner text. */
const NOT_PRINTED_AS_TEXT = new Set(['$schema', 'tie', 'area', 'purposes', 'boundaries', 'version']);
/** Printed in the page header rather than in the body. */
const HEADER_PATHS = new Set(['learner.name', 'learner.program', 'coach.name', 'session.date']);

interface LearnerString {
  path: string;
  text: string;
}

/** Every learner string of an answers file, with its path, in file order. */
export function learnerStrings(value: unknown, path = ''): LearnerString[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => learnerStrings(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      NOT_PRINTED_AS_TEXT.has(key) ? [] : learnerStrings(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

let copy: Copy;
beforeAll(async () => {
  copy = await loadCopy('en');
});

/** Renders all three sheets and returns the strings that cannot be found in the PDF. */
async function missingStrings(answers: Answers, paper: 'letter' | 'a4' = 'letter'): Promise<string[]> {
  const pdf = await renderFilled(answers, { sheets: ['goals', 'network', 'social'], paper });
  const body = comparable(await learnerContent(pdf, copy));
  const firstPage = comparable((await pdfText(pdf))[0] ?? '');
  return learnerStrings(answers)
    .filter(({ text }) => comparable(text) !== '')
    .filter(({ path, text }) => !(HEADER_PATHS.has(path) ? firstPage : body).includes(comparable(text)))
    .map(({ path, text }) => `${path}: ${JSON.stringify(text.slice(0, 80))}${text.length > 80 ? '…' : ''}`);
}

/** Latin text, realistic words and markup-looking text, short and long. */
const latinWords = fc.constantFrom(
  'network', 'mentor', 'résumé', 'Łódź', 'İstanbul', 'Þórður', 'Nguyễn', 'https://example.org/path?x=1&y=2',
  '@dr_handle', '#MedEd', 'first.last@example.edu', '{{name}}', '<b>bold</b>', '&amp;', 'back\\slash', '"quoted"',
  'supercalifragilisticexpialidocious', 'a', 'to', 'the', 'coaching', 'residency', 'feedback',
);
const latinText = fc.oneof(
  { weight: 5, arbitrary: fc.array(latinWords, { minLength: 1, maxLength: 12 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.array(latinWords, { minLength: 200, maxLength: 1500 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.array(latinWords, { minLength: 1, maxLength: 8 }).map((words) => words.join('\n\t')) },
);

describe('nothing the learner wrote is lost', () => {
  it('in generated answers files, short and long, few and many items (property)', async () => {
    // Sampled with a fixed seed (reproducible), and reported as the paths and texts that went missing.
    const cases = fc.sample(
      fc.oneof(arbitraryAnswersWith({ text: latinText, listShare: 0.08 }), arbitraryAnswersWith({ text: latinText, listShare: 0.5 })),
      { numRuns: 12, seed: 20261126 },
    );
    for (const [index, answers] of cases.entries()) {
      expect({ case: index, missing: await missingStrings(answers) }).toEqual({ case: index, missing: [] });
    }
  });

  it('when every list is at its limit and answers are long, on A4', async () => {
    const [answers] = fc.sample(arbitraryAnswersWith({ text: latinText, listShare: 1 }), { numRuns: 1, seed: 7 });
    expect(await missingStrings(answers!, 'a4')).toEqual([]);
  });

  it('for the sample texts: scripts, markup, URLs, handles, emails, tabs and newlines', async () => {
    const [answers] = fc.sample(arbitraryAnswersWith({ text: fc.constantFrom(...SAMPLE_TEXTS), listShare: 0.1 }), { numRuns: 1, seed: 3 });
    expect(await missingStrings(answers!)).toEqual([]);
  });
});

/**
 * The promise to learners: every string in a valid answers file appears in the filled PDF, whole and
 * in order, however long, however many, whatever it contains.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Answers } from '../src/answers/index.js';
import { formatDate, renderFilled } from '../src/api.js';
import { prepareText } from '../src/pdf/unicode/index.js';
import type { Copy } from '../src/copy/copy.js';
import { loadCopy } from '../src/copy/load.js';
import { arbitraryAnswers, arbitraryAnswersWith, SAMPLE_TEXTS } from './answers/arbitrary.js';
import { comparable, found, learnerContent } from './support/content.js';
import { pdfLines } from './support/pdf.js';

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
async function missingStrings(answers: Answers, paper: 'letter' | 'a4' = 'letter', scriptsOnly = false): Promise<string[]> {
  const pdf = await renderFilled(answers, { sheets: ['goals', 'network', 'social'], paper });
  const pages = await pdfLines(pdf);
  const body = await learnerContent(pages, copy);
  const firstPage = (pages[0] ?? []).map((line) => line.text).join('\n');
  return learnerStrings(answers)
    // The session date prints as the locale writes dates ("Nov 26, 2026").
    .map(({ path, text }) => ({ path, text: path === 'session.date' ? formatDate(text, 'en') : text }))
    .filter(({ text }) => comparable(prepareText(text)) !== '')
    .filter(({ path, text }) => !found(text, HEADER_PATHS.has(path) ? firstPage : body, scriptsOnly))
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
  // Many short lines: tall for their few characters.
  { weight: 1, arbitrary: fc.array(latinWords, { minLength: 40, maxLength: 160 }).map((words) => words.join('\n')) },
);

describe('nothing the learner wrote is lost', () => {
  it('in generated answers files, short and long, few and many items (property)', async () => {
    // Sampled with a fixed seed (reproducible), and reported as the paths and texts that went missing.
    // Four cases of 18 to 67 pages: where a list's keep-whole height is estimated from its first
    // item alone (a list of many-line items then judged short, kept whole and drawn past the page
    // foot), case 0 loses text.
    const cases = fc.sample(
      fc.oneof(arbitraryAnswersWith({ text: latinText, listShare: 0.08 }), arbitraryAnswersWith({ text: latinText, listShare: 0.5 })),
      { numRuns: 4, seed: 1 },
    );
    for (const [index, answers] of cases.entries()) {
      expect({ case: index, missing: await missingStrings(answers) }).toEqual({ case: index, missing: [] });
    }
  });

  it('in generated answers files with any printable Unicode: every script, emoji, marks, markup (property)', async () => {
    const cases = fc.sample(arbitraryAnswers(), { numRuns: 10, seed: 4242 });
    for (const [index, answers] of cases.entries()) {
      expect({ case: index, missing: await missingStrings(answers, 'letter', true) }).toEqual({ case: index, missing: [] });
    }
  });

  it('when every list is at its limit and several answers are at the length limit, on A4', async () => {
    const words = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => ['coaching', 'Łódź', 'https://example.org/a?b=c', '#MedEd', 'mentor', 'résumé'][(i + seed) % 6]).join(' ');
    const long = (seed: number) => [...words(2000, seed)].slice(0, LIMITS.textChars).join('');
    const n = LIMITS.items;
    const answers: Answers = {
      learner: { name: 'Ana María Fernández-López', program: 'MD, Year 2', email: 'ana@example.edu' },
      coach: { name: 'Dr. Okafor' },
      session: { date: '2026-11-26', number: 3 },
      goals: {
        priorities: Array.from({ length: n.priorities }, (_, i) => `priority ${i} ${words(6, i)}`),
        focus: long(1),
        woop: { wish: long(2), outcome: words(40, 3), obstacle: words(30, 4), plan: { if: long(5), then: words(50, 6) } },
        smart: { draft: words(20, 7), specific: long(8), statement: words(20, 9) },
      },
      network: {
        contacts: Array.from({ length: n.contacts }, (_, i) => ({
          name: `Contact ${i} ${words(2, i)}`,
          tie: (['strong', 'weak', 'mentor'] as const)[i % 3],
          area: (['academic', 'expertise', 'professional-identity', 'informal'] as const)[i % 4],
          role: i % 5 === 0 ? words(12, i) : `role ${i}`,
          ...(i % 17 === 0 ? { notes: words(60, i) } : {}),
        })),
        toAdd: Array.from({ length: n.toAdd }, (_, i) => ({ name: `To add ${i}`, role: 'resident', area: 'expertise' as const, why: words(10, i), how: words(8, i), by: 'May' })),
        actions: Array.from({ length: n.actions }, (_, i) => ({ action: `Action ${i} ${words(8, i)}`, skill: words(4, i), support: words(5, i), by: 'June' })),
        maintain: long(10),
        gaps: words(30, 11),
      },
      social: {
        interests: Array.from({ length: n.interests }, (_, i) => `interest ${i}`),
        purposes: ['learn', 'community'],
        otherPurpose: long(12),
        knownFor: Array.from({ length: n.knownFor }, (_, i) => `word ${i}`),
        platforms: Array.from({ length: n.platforms }, (_, i) => ({ name: `Platform ${i}`, handle: `@handle_${i}`, why: words(9, i) })),
        bio: words(30, 13),
        hashtags: Array.from({ length: n.hashtags }, (_, i) => `#tag${i}`),
        follow: Array.from({ length: n.follow }, (_, i) => `@follow_${i}`),
        guardrail: { if: words(20, 14), then: long(15) },
        discussion: long(16),
      },
    };
    expect(await missingStrings(answers, 'a4')).toEqual([]);
  });

  it('for the sample texts: scripts, markup, URLs, handles, emails, tabs and newlines', async () => {
    const [answers] = fc.sample(arbitraryAnswersWith({ text: fc.constantFrom(...SAMPLE_TEXTS), listShare: 0.1 }), { numRuns: 1, seed: 3 });
    expect(await missingStrings(answers!)).toEqual([]);
  });
});

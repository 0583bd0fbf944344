/**
 * Hostile but valid learner text for fuzzing `fill`: combining-mark towers (including marks no
 * font has), bidi controls around Latin, Arabic and Hebrew words, ZWJ and ZWNJ sequences, astral
 * and BMP CJK, runs of spaces, tabs and newlines, and single words up to the length limit.
 */
import fc from 'fast-check';
import { LIMITS, type Answers } from '../../src/answers/index.js';

const latinWords = ['mentor', 'résumé', 'Dr.', 'grand', 'rounds', 'Łódź', 'well-being', 'Nguyễn', 'https://example.org/a?b=c', '#MedEd', 'a', 'I'];
const rtlWords = ['مريم', 'الحسيني', 'שָׁלוֹם', 'כהן', '123', '(٣)'];

const fromCodePoints = (codePoints: number[]) => String.fromCodePoint(...codePoints);

/** A letter under a tower of 1 to 24 combining marks, some of which no bundled font has. */
const combiningTower = fc
  .tuple(
    fc.constantFrom('a', 'e', 'o', 'x', 'Z', 'ا', 'ب', '\u0674'),
    fc.array(fc.oneof(fc.integer({ min: 0x300, max: 0x36f }), fc.constantFrom(0x0e4e, 0x0650, 0x064b, 0x1ab0, 0x20d7)), { minLength: 1, maxLength: 24 }),
  )
  .map(([base, marks]) => base + fromCodePoints(marks));

/** Words inside explicit embeddings, overrides, isolates and marks, closed or left open. */
const bidiRun = fc
  .tuple(
    fc.constantFrom('\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u200e', '\u200f', '\u061c'),
    fc.array(fc.constantFrom(...latinWords, ...rtlWords), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('\u202c', '\u2069', ''),
  )
  .map(([open, words, close]) => open + words.join(' ') + close);

const zwjSequence = fc.constantFrom('👨‍👩‍👧', '👩🏽‍⚕️', 'क्‍ष', 'a\u200db', 'x\u200cy', 'ل\u200dا', '\u0674\u0650', 'a\u0e4eb', '🏳️‍🌈');

/** CJK Extension B to G (beyond U+FFFF), and the unified ideographs. */
const astralCjk = fc.array(fc.oneof(fc.integer({ min: 0x20000, max: 0x2a6df }), fc.integer({ min: 0x30000, max: 0x3134a })), { minLength: 1, maxLength: 8 }).map(fromCodePoints);
const bmpCjk = fc.array(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 1, maxLength: 30 }).map(fromCodePoints);

/** One word of 1,000 characters up to the length limit: it must wrap, never be cut. */
const longWord = fc
  .tuple(fc.constantFrom('x', 'W', 'é', '学', 'ab1-'), fc.integer({ min: 1000, max: LIMITS.textChars }))
  .map(([unit, length]) => [...unit.repeat(Math.ceil(length / [...unit].length))].slice(0, length).join(''));

const separator = fc.constantFrom(' ', ' ', '  ', '   ', '\n', ' \n ', '\t', '  \n\n  ');

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...latinWords) },
  { weight: 3, arbitrary: combiningTower },
  { weight: 3, arbitrary: bidiRun },
  { weight: 2, arbitrary: zwjSequence },
  { weight: 2, arbitrary: astralCjk },
  { weight: 2, arbitrary: bmpCjk },
);

/** Prose that wraps over several lines, its words separated by runs of spaces. */
const spacedProse = fc
  .tuple(fc.array(fc.constantFrom(...latinWords), { minLength: 20, maxLength: 120 }), fc.constantFrom('  ', '   ', ' \u00a0'))
  .map(([words, gap]) => words.join(gap));

/** One answer: hostile pieces joined by single and repeated spaces, tabs and newlines. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 24, arbitrary: fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 40 }).map((parts) => parts.flat().join('').trimEnd()) },
  { weight: 6, arbitrary: spacedProse },
  { weight: 1, arbitrary: longWord },
);

/** The goals sheet's text fields, each holding one generated answer. */
const GOALS_SLOTS = [
  ['focus'], ['woop', 'timeframe'], ['woop', 'wish'], ['woop', 'outcome'], ['woop', 'feeling'], ['woop', 'obstacle'],
  ['woop', 'plan', 'if'], ['woop', 'plan', 'then'], ['smart', 'draft'], ['smart', 'specific'], ['smart', 'measurable'],
  ['smart', 'assignable'], ['smart', 'relevant'], ['smart', 'timeBased'], ['smart', 'statement'], ['coachSupport'], ['nextCheckIn'],
  ...Array.from({ length: LIMITS.items.priorities }, (_, i) => ['priorities', i] as const),
] as const;

export const ANSWERS_PER_FILE = 25;

/**
 * Answers files holding `texts`, ANSWERS_PER_FILE to a file, in the goals sheet's fields (one
 * sheet renders quickly, so a few hundred answers are checked in seconds).
 */
export function packIntoAnswers(texts: readonly string[]): Answers[] {
  const files: Answers[] = [];
  for (let start = 0; start < texts.length; start += ANSWERS_PER_FILE) {
    const goals: Record<string, unknown> = {};
    const priorities: string[] = [];
    texts.slice(start, start + ANSWERS_PER_FILE).forEach((text, i) => {
      const slot = GOALS_SLOTS[i]!;
      if (slot[0] === 'priorities') priorities.push(text);
      else {
        let target = goals;
        for (const key of slot.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
        target[slot.at(-1)!] = text;
      }
    });
    if (priorities.length > 0) goals.priorities = priorities;
    files.push({ learner: { name: 'Fuzz' }, goals } as Answers);
  }
  return files;
}

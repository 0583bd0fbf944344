/**
 * fast-check arbitraries for valid answers files (test support, shared with rendering tests).
 *
 * They generate realistic answers and extreme ones: any printable Unicode (every script, emoji,
 * combining marks, astral characters), markup-looking text, empty and whitespace-only text, texts
 * at the length limit, lists at their item limits and the largest session number. Every generated
 * value is valid: it loads, and its JSON fits in LIMITS.fileBytes.
 */
import fc from 'fast-check';
import { AREAS, BOUNDARIES, LIMITS, PURPOSES, TIES, type Answers } from '../../src/answers/index.js';

/** Realistic and tricky samples: scripts the fonts must cover, markup that must print literally. */
export const SAMPLE_TEXTS = [
  'Ana García',
  'Nguyễn Thị Minh Châu',
  'Łukasz Wróbel-Żółć',
  'Ayşe Yılmaz, İstanbul',
  'Αλέξανδρος Παπαδόπουλος',
  'Дмитрий Иванович',
  '李娜 王芳',
  '山田 太郎（やまだ たろう）',
  '김민준',
  'مريم الحسيني',
  'שָׁלוֹם כהן',
  'Zoë 👩🏽‍⚕️ 🇨🇦',
  '{{name}} <b>bold</b> &amp; ${x} %s \\n',
  'https://example.org/a_very/long-path?with=query&and=more#fragment',
  '@handle_with_underscores #HashTag #MedEd',
  'first.last+tag@example.edu',
  'Line one\nLine two\n\tindented\r\nWindows line',
  'supercalifragilisticexpialidocious-antidisestablishmentarianism',
  '',
  ' ',
] as const;

const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** One code point of printable text (tab, LF and CR included; controls and surrogates excluded). */
const printableChar = fc
  .oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
    { weight: 4, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }) },
    { weight: 2, arbitrary: fc.integer({ min: 0xe000, max: 0x10ffff }) },
    { weight: 1, arbitrary: fc.constantFrom(0x09, 0x0a, 0x0d) },
  )
  .map((cp) => String.fromCodePoint(cp));

/** Take exactly `n` code points of `seed` repeated. */
const codePoints = (seed: string, n: number): string => {
  const chars = Array.from(seed || 'x');
  return Array.from({ length: n }, (_, i) => chars[i % chars.length]).join('');
};

/** Short text, the common case. */
export const shortText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAMPLE_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !NON_PRINTABLE.test(s)) },
  { weight: 2, arbitrary: fc.string({ unit: printableChar, maxLength: 30 }) },
);

/** Long text, up to exactly the limit (in code points). */
export const longText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SAMPLE_TEXTS.filter((s) => s.length > 0)), fc.integer({ min: 1000, max: LIMITS.textChars }))
  .map(([seed, n]) => codePoints(seed, n));

export interface AnswersShape {
  /** Text generator for every string field. */
  text: fc.Arbitrary<string>;
  /** Longest list to generate, as a share of each list's limit (1 = up to the limit). */
  listShare: number;
}

function listOf<T>(item: fc.Arbitrary<T>, limit: number, shape: AnswersShape): fc.Arbitrary<T[]> {
  // size "max": lengths spread over the whole range, not fast-check's default bias to short lists.
  return fc.array(item, { maxLength: Math.max(1, Math.floor(limit * shape.listShare)), size: 'max' });
}

/** All fields optional except `required`: absent keys stay absent (not undefined), as in a JSON file. */
function record<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: (keyof T & string)[] = []) {
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}

export function arbitraryAnswersWith(shape: AnswersShape): fc.Arbitrary<Answers> {
  const t = shape.text;
  // Header fields (printed on every page) have their own, shorter limits: characters and lines.
  const short = t.map((s) => {
    const lines = [...s].slice(0, LIMITS.headerChars).join('').split(/(\r\n|[\n\r\u2028\u2029])/);
    // split keeps the breaks: text, break, text…; past the last allowed line, breaks become spaces.
    return lines.map((part, i) => (i % 2 === 1 && i >= 2 * LIMITS.headerLines - 1 ? ' ' : part)).join('');
  });
  // An email address is one line (the schema refuses line breaks and tabs in it).
  const email = t.map((s) => [...s.replace(/[\t\n\r\u2028\u2029]/g, ' ')].slice(0, LIMITS.emailChars).join(''));
  const ifThen = record({ if: t, then: t });
  const date = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  return record(
    {
      $schema: fc.constantFrom('./answers.schema.json', 'https://pln-worksheets.example/answers.schema.json'),
      version: fc.constant(1 as const),
      learner: record({ name: short, program: short, email }, ['name']),
      coach: record({ name: short }),
      session: record({ date, number: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(Number.MAX_SAFE_INTEGER)) }),
      goals: record({
        priorities: listOf(t, LIMITS.items.priorities, shape),
        focus: t,
        woop: record({ timeframe: t, wish: t, outcome: t, feeling: t, obstacle: t, plan: ifThen }),
        smart: record({ draft: t, specific: t, measurable: t, assignable: t, relevant: t, timeBased: t, statement: t }),
        coachSupport: t,
        nextCheckIn: t,
      }),
      network: record({
        contacts: listOf(
          record({ name: t, tie: fc.constantFrom(...TIES), area: fc.constantFrom(...AREAS), role: t, notes: t }, ['name', 'tie', 'area']),
          LIMITS.items.contacts,
          shape,
        ),
        gaps: t,
        toAdd: listOf(record({ name: t, role: t, area: fc.constantFrom(...AREAS), why: t, how: t, by: t }, ['name']), LIMITS.items.toAdd, shape),
        actions: listOf(record({ action: t, skill: t, support: t, by: t }, ['action']), LIMITS.items.actions, shape),
        maintain: t,
      }),
      social: record({
        interests: listOf(t, LIMITS.items.interests, shape),
        purposes: fc.shuffledSubarray([...PURPOSES]),
        otherPurpose: t,
        audience: t,
        knownFor: listOf(t, LIMITS.items.knownFor, shape),
        platforms: listOf(record({ name: t, handle: t, why: t }, ['name']), LIMITS.items.platforms, shape),
        bio: t,
        hashtags: listOf(t, LIMITS.items.hashtags, shape),
        follow: listOf(t, LIMITS.items.follow, shape),
        share: t,
        boundaries: fc.shuffledSubarray([...BOUNDARIES]),
        timeBudget: t,
        guardrail: ifThen,
        discussion: t,
        reviewDate: t,
      }),
    },
    ['learner'],
  ) as fc.Arbitrary<Answers>;
}

const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

/**
 * Valid answers, realistic and extreme: short realistic text with small lists; lists at their
 * limits; a few very long texts. Files over the size limit are filtered out (rare by construction).
 */
export function arbitraryAnswers(): fc.Arbitrary<Answers> {
  return fc
    .oneof(
      { weight: 3, arbitrary: arbitraryAnswersWith({ text: shortText, listShare: 0.1 }) },
      { weight: 1, arbitrary: arbitraryAnswersWith({ text: shortText, listShare: 1 }) },
      {
        weight: 1,
        arbitrary: arbitraryAnswersWith({
          text: fc.oneof({ weight: 12, arbitrary: shortText }, { weight: 1, arbitrary: longText }),
          listShare: 0.05,
        }),
      },
    )
    .filter((a) => utf8Bytes(JSON.stringify(a, null, 2)) <= LIMITS.fileBytes);
}

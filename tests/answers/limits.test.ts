import { describe, expect, it } from 'vitest';
import { LIMITS, parseAnswers } from '../../src/answers/index.js';
import { onlyProblem, problemsOf, withLearner } from './helpers.js';

/** Each list of the format, where it lives, and a valid item for it. */
const LISTS: [keyof typeof LIMITS.items, string, (i: number) => unknown][] = [
  ['priorities', 'goals', (i) => `priority ${i}`],
  ['contacts', 'network', (i) => ({ name: `Person ${i}`, tie: 'weak', area: 'academic' })],
  ['toAdd', 'network', (i) => ({ name: `Person ${i}` })],
  ['actions', 'network', (i) => ({ action: `Action ${i}` })],
  ['interests', 'social', (i) => `interest ${i}`],
  ['knownFor', 'social', (i) => `phrase ${i}`],
  ['platforms', 'social', (i) => ({ name: `Platform ${i}` })],
  ['hashtags', 'social', (i) => `#tag${i}`],
  ['follow', 'social', (i) => `@account${i}`],
];

const fileWithList = (section: string, key: string, items: unknown[]) => withLearner({ [section]: { [key]: items } });

describe('documented limits: at the limit is fine, one more is a clear error', () => {
  it.each(LISTS)('%s: at most LIMITS.items.%s items', (key, section, item) => {
    const max = LIMITS.items[key];
    const atLimit = Array.from({ length: max }, (_, i) => item(i));
    expect(parseAnswers(fileWithList(section, key, atLimit), 'a.json').ok).toBe(true);

    const p = onlyProblem(fileWithList(section, key, [...atLimit, item(max)]));
    expect(p.path).toBe(`${section}.${key}`);
    expect(p.message).toBe(`has ${(max + 1).toLocaleString('en-US')} items; the limit is ${max}`);
    expect(p.expected).toBe(`at most ${max} items`);
    expect(p.found).toBe(`${max + 1} items`);
  });

  it('checklists hold each value once, so their limit is the number of values', () => {
    const all = ['patient-privacy', 'one-identity', 'permanence', 'patient-boundaries', 'conflicts', 'institution-policy', 'self-audit'];
    expect(parseAnswers(withLearner({ social: { boundaries: all } }), 'a.json').ok).toBe(true);
    const problems = problemsOf(withLearner({ social: { boundaries: [...all, 'permanence'] } }));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['social.boundaries', 'has 8 items; the limit is 7'],
      ['social.boundaries[7]', 'lists "permanence" more than once'],
    ]);
  });

  it('a too-long list and a wrong item in it are both reported', () => {
    const items = Array.from({ length: LIMITS.items.hashtags + 1 }, (_, i) => (i === 3 ? 5 : '#a'));
    expect(problemsOf(fileWithList('social', 'hashtags', items)).map((p) => p.path)).toEqual(['social.hashtags', 'social.hashtags[3]']);
  });

  it('text: at most LIMITS.textChars characters, counted as code points', () => {
    const emoji = '😀'.repeat(LIMITS.textChars); // 20,000 UTF-16 units, 10,000 characters
    expect(parseAnswers(JSON.stringify({ learner: { name: 'Ana' }, goals: { focus: emoji } }), 'a.json').ok).toBe(true);

    const p = onlyProblem(JSON.stringify({ learner: { name: 'Ana' }, goals: { focus: 'x'.repeat(LIMITS.textChars + 1) } }));
    expect(p).toMatchObject({ path: 'goals.focus', line: 1, column: 44, expected: 'at most 10,000 characters' });
    expect(p.message).toBe('is 10,001 characters long; the limit is 10,000');
  });

  it('the file size limit is checked before parsing, in UTF-8 bytes', () => {
    const padding = ' '.repeat(LIMITS.fileBytes); // valid JSON whitespace, just too much of it
    const p = onlyProblem(`{"learner": {"name": "Ana"}}${padding}`);
    expect(p).toMatchObject({ line: 0, column: 0, path: '' });
    expect(p.message).toBe('the file is 1,048,604 bytes; the limit is 1,048,576 bytes (1 MiB)');

    // 2-byte characters: fewer characters than the limit, more bytes.
    const text = JSON.stringify({ learner: { name: 'A' }, x: 'é'.repeat(LIMITS.fileBytes / 2) });
    expect(onlyProblem(text).message).toMatch(/^the file is 1,048,6\d\d bytes; the limit is/);
  });

  it('a file just under the size limit loads', () => {
    const base = '{"learner": {"name": "Ana"}}';
    const text = base + ' '.repeat(LIMITS.fileBytes - base.length);
    expect(parseAnswers(text, 'a.json').ok).toBe(true);
  });

  it("the name, program and coach printed in every page's header: at most LIMITS.headerChars characters", () => {
    expect(parseAnswers(JSON.stringify({ learner: { name: 'é'.repeat(LIMITS.headerChars) } }), 'a.json').ok).toBe(true);
    const p = onlyProblem(JSON.stringify({ learner: { name: 'Ana', program: 'x'.repeat(LIMITS.headerChars + 1) } }));
    expect(p.path).toBe('learner.program');
    expect(p.message).toContain('the limit is 120');
  });

  it('the name, program and coach: at most LIMITS.headerLines lines, a located error beyond (a taller header would leave the sheet no room)', () => {
    const lines = (n: number, newline = '\n') => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join(newline);
    expect(parseAnswers(JSON.stringify({ learner: { name: lines(LIMITS.headerLines), program: lines(LIMITS.headerLines, '\r\n') }, coach: { name: lines(LIMITS.headerLines) } }), 'a.json').ok).toBe(true);
    for (const [answers, path] of [
      [{ learner: { name: lines(LIMITS.headerLines + 1) } }, 'learner.name'],
      [{ learner: { name: 'Ana', program: lines(LIMITS.headerLines + 1, '\r\n') } }, 'learner.program'],
      [{ learner: { name: 'Ana' }, coach: { name: lines(LIMITS.headerLines + 1, '\u2028') } }, 'coach.name'],
    ] as const) {
      const p = onlyProblem(JSON.stringify(answers));
      expect(p.path).toBe(path);
      expect(p.message).toBe(`has ${LIMITS.headerLines + 1} lines; the limit is ${LIMITS.headerLines} (it prints in the header of every page)`);
    }
    // Sixty lines within the character limit: the file that once failed in the renderer, unlocated.
    expect(onlyProblem(JSON.stringify({ learner: { name: 'a\n'.repeat(59) + 'a' } })).message).toBe('has 60 lines; the limit is 10 (it prints in the header of every page)');
  });

  it("the learner's email: at most LIMITS.emailChars characters (the longest deliverable address)", () => {
    const local = 'a'.repeat(64);
    const longest = `${local}@${'d'.repeat(LIMITS.emailChars - local.length - 5)}.edu`;
    expect([...longest]).toHaveLength(LIMITS.emailChars);
    expect(parseAnswers(JSON.stringify({ learner: { name: 'Ana', email: longest } }), 'a.json').ok).toBe(true);
    const p = onlyProblem(JSON.stringify({ learner: { name: 'Ana', email: `${longest}x` } }));
    expect(p.path).toBe('learner.email');
    expect(p.message).toContain('the limit is 254');
  });

  it("the learner's email is one line: a line break or a tab is a located error (its block under the title cannot break across pages)", () => {
    for (const [email, what] of [['ana@example.edu\nsecond line', 'a line break'], ['a\r\nb', 'a line break'], ['ana@\texample.edu', 'a tab']] as const) {
      const p = onlyProblem(JSON.stringify({ learner: { name: 'Ana', email } }));
      expect(p.path).toBe('learner.email');
      expect(p.message).toBe(`has ${what}; an email address is one line`);
    }
    expect(parseAnswers(JSON.stringify({ learner: { name: 'Ana', email: 'ana.lopez@example.edu' } }), 'a.json').ok).toBe(true);
  });

  it('the limits are the documented numbers', () => {
    expect(LIMITS).toEqual({
      fileBytes: 1_048_576,
      textChars: 10_000,
      headerChars: 120,
      headerLines: 10,
      emailChars: 254,
      nestingDepth: 32,
      items: {
        priorities: 20,
        contacts: 200,
        toAdd: 50,
        actions: 50,
        interests: 20,
        purposes: 6,
        knownFor: 10,
        platforms: 20,
        hashtags: 50,
        follow: 100,
        boundaries: 7,
      },
    });
  });
});

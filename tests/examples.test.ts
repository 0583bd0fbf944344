/**
 * The example answers files in examples/: `npm run build` renders every one of them, and the
 * pixel baselines and the "nothing the learner wrote is lost" checks use them, so each must be
 * valid and must keep exercising what it was written to exercise.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS, BOUNDARIES, TIES, codePointLength, formatProblem, loadAnswersFile, type Answers } from '../src/answers/index.js';
import { runCli } from './support/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');

async function load(name: string): Promise<Answers> {
  const result = await loadAnswersFile(path.join(EXAMPLES, name));
  if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
  return result.answers;
}

/** Every string in the answers, in document order (what must reach the PDF). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const nonEmpty = (s: string | undefined) => typeof s === 'string' && s.trim().length > 0;

describe('examples/', () => {
  let files: string[];
  beforeAll(async () => {
    files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.json')).sort();
  });

  it('holds the three learners', () => {
    expect(files).toEqual(expect.arrayContaining(['first-year-woop.json', 'multilingual-long.json', 'resident-smart.json']));
  });

  it('every example is a valid answers file (loader)', async () => {
    for (const file of files) await load(file);
  });

  it('every example passes `pln-worksheets validate`', async () => {
    const result = await runCli(['validate', ...files.map((f) => path.join('examples', f))], { cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(files.map((f) => `${path.join('examples', f)}: valid\n`).join(''));
  });

  it('no example has empty answers (every string is something to print)', async () => {
    for (const file of files) {
      const answers = await load(file);
      const { $schema: _schema, ...rest } = answers;
      for (const s of strings(rest)) expect(nonEmpty(s), `${file}: empty string`).toBe(true);
    }
  });
});

describe('examples/first-year-woop.json: a first-year student using WOOP', () => {
  let a: Answers;
  beforeAll(async () => {
    a = await load('first-year-woop.json');
  });

  it('has a complete WOOP with an if/then plan, priorities and a focus, and no SMART', () => {
    const woop = a.goals?.woop;
    for (const key of ['timeframe', 'wish', 'outcome', 'feeling', 'obstacle'] as const) expect(nonEmpty(woop?.[key]), key).toBe(true);
    expect(nonEmpty(woop?.plan?.if)).toBe(true);
    expect(nonEmpty(woop?.plan?.then)).toBe(true);
    expect(a.goals?.priorities?.length).toBeGreaterThanOrEqual(2);
    expect(a.goals?.priorities).toContain(a.goals?.focus);
    expect(a.goals?.smart).toBeUndefined();
  });

  it('has a small network: 6–8 contacts over all three ties and at least three areas', () => {
    const contacts = a.network?.contacts ?? [];
    expect(contacts.length).toBeGreaterThanOrEqual(6);
    expect(contacts.length).toBeLessThanOrEqual(8);
    expect(new Set(contacts.map((c) => c.tie))).toEqual(new Set(TIES));
    expect(new Set(contacts.map((c) => c.area)).size).toBeGreaterThanOrEqual(3);
    expect(contacts.filter((c) => c.role).length).toBeGreaterThanOrEqual(3);
    expect(contacts.filter((c) => c.notes).length).toBeGreaterThanOrEqual(2);
  });

  it('has 2–3 people to add and 2 actions', () => {
    expect(a.network?.toAdd?.length).toBeGreaterThanOrEqual(2);
    expect(a.network?.toAdd?.length).toBeLessThanOrEqual(3);
    expect(a.network?.actions).toHaveLength(2);
  });
});

describe('examples/resident-smart.json: a resident using SMART, with a full social sheet', () => {
  let a: Answers;
  beforeAll(async () => {
    a = await load('resident-smart.json');
  });

  it('has every SMART field', () => {
    const smart = a.goals?.smart;
    for (const key of ['draft', 'specific', 'measurable', 'assignable', 'relevant', 'timeBased', 'statement'] as const) {
      expect(nonEmpty(smart?.[key]), key).toBe(true);
    }
  });

  it('has 22–25 contacts over every tie and every area, some with long roles and notes', () => {
    const contacts = a.network?.contacts ?? [];
    expect(contacts.length).toBeGreaterThanOrEqual(22);
    expect(contacts.length).toBeLessThanOrEqual(25);
    expect(new Set(contacts.map((c) => c.tie))).toEqual(new Set(TIES));
    expect(new Set(contacts.map((c) => c.area))).toEqual(new Set(AREAS));
    expect(contacts.some((c) => (c.role?.length ?? 0) > 100)).toBe(true);
    expect(contacts.filter((c) => (c.notes?.length ?? 0) > 150).length).toBeGreaterThanOrEqual(2);
  });

  it('has five people to add with every column, 4–5 actions, gaps and how to maintain ties', () => {
    const toAdd = a.network?.toAdd ?? [];
    expect(toAdd).toHaveLength(5);
    for (const person of toAdd) {
      for (const key of ['name', 'role', 'area', 'why', 'how', 'by'] as const) expect(nonEmpty(person[key]), `${person.name}.${key}`).toBe(true);
    }
    expect(a.network?.actions?.length).toBeGreaterThanOrEqual(4);
    expect(a.network?.actions?.length).toBeLessThanOrEqual(5);
    expect(nonEmpty(a.network?.gaps)).toBe(true);
    expect(nonEmpty(a.network?.maintain)).toBe(true);
  });

  it('has the social sheet complete', () => {
    const s = a.social!;
    for (const key of ['otherPurpose', 'audience', 'bio', 'share', 'timeBudget', 'discussion', 'reviewDate'] as const) {
      expect(nonEmpty(s[key]), key).toBe(true);
    }
    expect(s.interests?.length).toBeGreaterThanOrEqual(3);
    expect(s.purposes?.length).toBeGreaterThanOrEqual(2);
    expect(s.knownFor).toHaveLength(3);
    expect(s.boundaries).toEqual([...BOUNDARIES]);
    expect(codePointLength(s.bio!)).toBeLessThanOrEqual(160);
    expect(s.hashtags).toEqual(expect.arrayContaining(['#MedEd', '#FOAMed']));
    expect(s.follow?.length).toBeGreaterThanOrEqual(5);
    expect(nonEmpty(s.guardrail?.if)).toBe(true);
    expect(nonEmpty(s.guardrail?.then)).toBe(true);
    const handles = (s.platforms ?? []).map((p) => p.handle ?? '');
    expect(handles.some((h) => /^@\w+$/.test(h))).toBe(true);
    expect(handles.some((h) => /^https:\/\/www\.linkedin\.com\/in\/[\w-]+$/.test(h))).toBe(true);
    for (const platform of s.platforms ?? []) expect(nonEmpty(platform.why), platform.name).toBe(true);
  });
});

describe('examples/multilingual-long.json: non-Latin scripts and a long answer', () => {
  let a: Answers;
  let all: string;
  beforeAll(async () => {
    a = await load('multilingual-long.json');
    all = strings(a).join('\n');
  });

  const SCRIPTS: [string, RegExp][] = [
    ['Chinese', /\p{Script=Han}/u],
    ['Japanese kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
    ['Korean', /\p{Script=Hangul}/u],
    ['Arabic', /\p{Script=Arabic}/u],
    ['Hebrew', /\p{Script=Hebrew}/u],
    ['Greek', /\p{Script=Greek}/u],
    ['Cyrillic', /\p{Script=Cyrillic}/u],
    ['Vietnamese', /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu],
    ['Polish', /[ąćęłńśźż]/iu],
    ['Turkish', /[ığş]|İ/u],
  ];

  it.each(SCRIPTS)('has text in %s', (_name, pattern) => {
    expect(all).toMatch(pattern);
  });

  it('names the learner in a non-Latin script', () => {
    expect(a.learner.name).toMatch(/^[\p{Script=Han}\p{Script=Arabic}\s]+$/u);
  });

  it('has a paragraph of at least 1,500 characters, without line breaks', () => {
    const longest = strings(a).reduce((x, y) => (codePointLength(y) > codePointLength(x) ? y : x), '');
    expect(codePointLength(longest)).toBeGreaterThanOrEqual(1500);
    expect(longest).not.toMatch(/\n/);
  });

  it('lists contacts whose names are in at least five scripts', () => {
    const names = (a.network?.contacts ?? []).map((c) => c.name);
    const scripts = ['Han', 'Hangul', 'Arabic', 'Hebrew', 'Greek', 'Cyrillic', 'Latin'].filter((script) =>
      names.some((n) => new RegExp(`\\p{Script=${script}}`, 'u').test(n)),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    expect(new Set((a.network?.contacts ?? []).map((c) => c.tie))).toEqual(new Set(TIES));
  });

  it('uses both WOOP and SMART', () => {
    expect(nonEmpty(a.goals?.woop?.wish)).toBe(true);
    expect(nonEmpty(a.goals?.woop?.plan?.then)).toBe(true);
    expect(nonEmpty(a.goals?.smart?.statement)).toBe(true);
  });
});

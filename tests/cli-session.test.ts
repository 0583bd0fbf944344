/**
 * The command line between sessions: an honest starter, `init --from`, `validate --report`, and
 * usage mistakes in plain words.
 */
import type { Answers } from '../src/answers/schema.js';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const made: string[] = [];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-session-'));
  made.push(dir);
});
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

// 2026-03-14T12:00:00Z
const EPOCH = { SOURCE_DATE_EPOCH: '1773489600' };
const run = (args: string[]) => runCli(args, { cwd: dir, env: EPOCH });
const put = (name: string, value: unknown) => writeFile(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
const read = async (name: string) => JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Answers;

const SESSION_1 = {
  learner: { name: 'Ana Lima', program: 'PGY-1' },
  session: { date: '2026-01-10', number: 1 },
  goals: { focus: 'Mentoring', nextCheckIn: 'in two weeks' },
  network: { toAdd: [{ name: 'Dr. Lee', area: 'expertise', why: 'Teaches ultrasound' }] },
  social: { bio: 'b'.repeat(207) },
};

describe('init', () => {
  it('starts a file with no answer in it: the report finds nothing answered', async () => {
    expect((await run(['init'])).code).toBe(0);
    const starter = await read('answers.json');
    expect(starter.learner.name).toBe('');
    expect(starter.session).toEqual({ date: '2026-03-14', number: 1 });
    const report = await run(['validate', 'answers.json', '--report', '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout.toString()).files[0].report.answered).toBe(0);
  });

  it('--from carries a session forward: date today, number + 1, check-in cleared, the rest kept; --promote moves a person onto the map', async () => {
    await put('session-1.json', SESSION_1);
    const result = await run(['init', '--from', 'session-1.json', 'session-2.json', '--promote', 'Dr. Lee']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('session-2.json\n');
    const next = await read('session-2.json');
    expect(next.session).toEqual({ date: '2026-03-14', number: 2 });
    expect(next.goals).toEqual({ focus: 'Mentoring', nextCheckIn: '' });
    expect(next.social).toEqual(SESSION_1.social);
    expect(next.network).toEqual({ contacts: [{ name: 'Dr. Lee', tie: 'weak', area: 'expertise', notes: 'Teaches ultrasound' }], toAdd: [] });
    expect(await read('session-1.json')).toEqual(SESSION_1);
    expect((await readdir(dir)).sort()).toEqual(['session-1.json', 'session-2.json']);
  });

  it('--from refuses to overwrite without --force, and an invalid last session, with a located error', async () => {
    await put('session-1.json', SESSION_1);
    await put('session-2.json', { learner: { name: 'kept' } });
    const refused = await run(['init', '--from', 'session-1.json', 'session-2.json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect((await read('session-2.json')).learner.name).toBe('kept');
    expect((await run(['init', '--from', 'session-1.json', 'session-2.json', '--force'])).code).toBe(0);

    await put('bad.json', { learner: { name: 'A' }, session: { number: 'one' } });
    const bad = await run(['init', '--from', 'bad.json', 'next.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.json:\d+:\d+: session\.number/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const unknown = await run(['init', '--from', 'session-1.json', 'x.json', '--promote', 'Dr. Leigh']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('"Dr. Leigh" is not in network.toAdd');
    expect((await readdir(dir)).sort()).toEqual(['bad.json', 'session-1.json', 'session-2.json']);
  });
});

describe('validate --report', () => {
  it('says what is answered, empty and recommended, and exits 0 for a valid file however incomplete', async () => {
    await put('session-1.json', SESSION_1);
    const result = await run(['validate', 'session-1.json', '--report']);
    expect(result.code).toBe(0);
    const text = result.stdout.toString();
    expect(text).toContain('session-1.json: valid\n');
    expect(text).toMatch(/Goal sheet: 2 of \d+ answered/);
    expect(text).toContain('WOOP: empty');
    expect(text).toContain('recommended: 207 characters, over the 160-character limit (social.bio)');
    expect(text).toContain('recommended: 1 of 5 people to add (network.toAdd)');
    expect(text).toContain('recommended: not ticked: I will never post anything that could identify a patient.');

    const json = JSON.parse((await run(['validate', 'session-1.json', '--report', '--json'])).stdout.toString());
    expect(json.files[0].valid).toBe(true);
    expect(json.files[0].report.recommendations.map((r: { rule: string }) => r.rule)).toContain('text-limit');
  });

  it('--json reports an invalid file too, with exit 1', async () => {
    await put('bad.json', { learner: {} });
    const result = await run(['validate', 'bad.json', '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout.toString());
    expect(json.files[0]).toMatchObject({ file: 'bad.json', valid: false });
    expect(json.files[0].problems[0]).toContain('learner.name');
  });
});

describe('command-line mistakes in plain words (exit 2)', () => {
  const cases: [string[], string][] = [
    [['fil', 'x.json'], '"fil" is not a command; did you mean fill?'],
    [['validate'], 'validate: name the answers files to check'],
    [['fill'], 'fill: name the answers file to print'],
    [['fill', 'a.json', '--papr', 'a4'], 'fill: unknown option --papr; did you mean --paper?'],
    [['bundle', '--titel', 'x'], 'bundle: unknown option --titel; did you mean --title?'],
    [['fill', 'a.json', 'b.json'], 'fill: unexpected argument "b.json"'],
  ];
  for (const [args, message] of cases) {
    it(`${args.join(' ')}`, async () => {
      const result = await run(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/Not enough non-option|Unknown argument/);
    });
  }

  it('help: examples keep each command on one line, and no "[default: []]" noise', async () => {
    for (const command of ['blank', 'fill', 'bundle', 'validate', 'init', 'schema', 'import']) {
      const help = (await run([command, '--help'])).stdout.toString();
      // bundle's inputs are optional (a roster or --blank alone will do): an empty default is true there.
      if (command !== 'bundle') expect(help).not.toContain('[default: []]');
      const examples = help.slice(help.indexOf('Examples:'));
      // An example's next line is its description (indented 6), never the rest of the command.
      const lines = examples.split('\n');
      lines.forEach((line, i) => {
        if (line.startsWith('  pln-worksheets ')) expect(lines[i + 1]).toMatch(/^ {6}\S/);
      });
      expect(examples.split('\n').filter((l) => l.startsWith('  pln-worksheets ')).length).toBeGreaterThan(0);
    }
  });
});

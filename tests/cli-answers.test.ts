/**
 * The answers commands as learners, coaches and their scripts use them (docs/cli.md,
 * docs/answers-format.md): `validate`, `init` and `schema`, their output streams and exit codes.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ANSWERS_SCHEMA_ID } from '../src/answers/index.js';
import { runCli, type CliResult } from './support/cli.js';

const made: string[] = [];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-answers-cli-'));
  made.push(dir);
});

afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

const run = (args: string[]) => runCli(args, { cwd: dir });
const put = (name: string, text: string) => writeFile(path.join(dir, name), text);
const read = (name: string) => readFile(path.join(dir, name), 'utf8');
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const stderrLines = (result: CliResult) => result.stderr.split('\n').filter((line) => line !== '');

/** No stack trace, no "Error:" dump: only sentences meant for a person. */
function expectNoStackTrace(result: CliResult): void {
  expect(result.stderr).not.toMatch(/^\s+at\s/m);
  expect(result.stderr).not.toMatch(/\b(Type|Syntax|Reference)?Error:/);
  expect(result.stderr).not.toContain('node:internal');
}

/** 1-based line and column of the first occurrence of `needle` in `text`, as an editor shows them. */
function lineColumn(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const VALID = pretty({
  learner: { name: 'Ana Souza', program: 'MD, Year 2' },
  goals: { priorities: ['Find a research mentor'], focus: 'Find a research mentor' },
  network: { contacts: [{ name: 'Dr. Lee', tie: 'mentor', area: 'academic' }] },
});

describe('pln-worksheets validate', () => {
  it('reports a valid file on stdout, nothing on stderr, exit 0', async () => {
    await put('ana.json', VALID);
    const result = await run(['validate', 'ana.json']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('ana.json: valid\n');
    expect(result.stderr).toBe('');
  });

  it('locates malformed JSON at the exact line and column of the mistake', async () => {
    const text = '{\n  "learner": {\n    "name": "Ana",\n  }\n}\n';
    await put('comma.json', text);
    const result = await run(['validate', 'comma.json']);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    const { line, column } = lineColumn(text, ',\n  }');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^comma\\.json:${line}:${column}: .*comma`));
    expectNoStackTrace(result);
  });

  it('locates a missing comma between two fields', async () => {
    const text = '{\n  "learner": {\n    "name": "Ana"\n    "program": "MD"\n  }\n}\n';
    await put('missing-comma.json', text);
    const result = await run(['validate', 'missing-comma.json']);
    expect(result.code).toBe(1);
    const { line, column } = lineColumn(text, '"program"');
    expect(result.stderr).toMatch(new RegExp(`^missing-comma\\.json:${line}:${column}: `));
    expectNoStackTrace(result);
  });

  it('names the path, the allowed values and the value found for a wrong enumeration value', async () => {
    const text = pretty({ learner: { name: 'Ana' }, network: { contacts: [{ name: 'Dr. Lee', tie: 'strnog', area: 'academic' }] } });
    await put('tie.json', text);
    const result = await run(['validate', 'tie.json']);
    expect(result.code).toBe(1);
    const { line, column } = lineColumn(text, '"strnog"');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tie\\.json:${line}:${column}: network\\.contacts\\[0\\]\\.tie: `));
    for (const allowed of ['"strong"', '"weak"', '"mentor"']) expect(lines[0]).toContain(allowed);
    expect(lines[0]).toContain('found "strnog"');
  });

  it('suggests the right name for a misspelt field', async () => {
    const text = pretty({ learner: { name: 'Ana' }, goals: { priorites: ['Research'] } });
    await put('typo.json', text);
    const result = await run(['validate', 'typo.json']);
    expect(result.code).toBe(1);
    const { line, column } = lineColumn(text, '"priorites"');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^typo\\.json:${line}:${column}: goals\\.priorites: `));
    expect(lines[0]).toMatch(/did you mean `priorities`/);
  });

  it('reports every problem of a file at once, one per line, in reading order', async () => {
    const text = pretty({
      learner: { name: 'Ana' },
      session: { number: 0 },
      network: { contacts: [{ name: 'A', tie: 'weak', area: 'academics' }, { name: 'B', tie: 'close', area: 'informal' }] },
      socail: {},
    });
    await put('many.json', text);
    const result = await run(['validate', 'many.json']);
    expect(result.code).toBe(1);
    const lines = stderrLines(result);
    expect(lines.map((line) => line.split(': ')[1])).toEqual([
      'session.number',
      'network.contacts[0].area',
      'network.contacts[1].tie',
      'socail',
    ]);
    expect(lines[3]).toContain('did you mean `social`');
    for (const line of lines) expect(line).toMatch(/^many\.json:\d+:\d+: /);
  });

  it('says a file of another format version is not version 1', async () => {
    await put('v2.json', pretty({ version: 2, learner: { name: 'Ana' } }));
    const result = await run(['validate', 'v2.json']);
    expect(result.code).toBe(1);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^v2\.json:2:\d+: version: /);
    expect(lines[0]).toContain('version 1');
    expect(lines[0]).toContain('version 2');
  });

  it.each([
    ['an empty file', 'empty.json', '', /empty/],
    ['a file of blank lines', 'blank.json', '\n  \n', /empty/],
    ['a JSON array', 'list.json', '[{"learner": {"name": "Ana"}}]\n', /list .*object|object.*list/],
    ['a JSON string', 'string.json', '"Ana"\n', /object/],
    ['a file without the learner', 'nolearner.json', '{}\n', /learner/],
  ])('rejects %s with a located message, exit 1', async (_what, name, text, pattern) => {
    await put(name, text);
    const result = await run(['validate', name]);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+: `));
    expect(lines[0]).toMatch(pattern);
    expectNoStackTrace(result);
  });

  it('reports a missing file and a directory by name, exit 1, no stack trace', async () => {
    await mkdir(path.join(dir, 'folder'));
    const result = await run(['validate', 'nowhere.json', 'folder']);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    expect(stderrLines(result)).toEqual(['nowhere.json: no such file', 'folder: is a directory, not an answers file']);
    expectNoStackTrace(result);
  });

  it('rejects a file that is not UTF-8', async () => {
    await writeFile(path.join(dir, 'latin1.json'), Buffer.from('{"learner": {"name": "Jos\xe9"}}\n', 'latin1'));
    const result = await run(['validate', 'latin1.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^latin1\.json:1:\d+: .*UTF-8/);
    expectNoStackTrace(result);
  });

  it('checks several files: the good ones are still reported valid, one bad file makes it exit 1', async () => {
    await put('good.json', VALID);
    await put('bad.json', pretty({ learner: { name: 'Ana', nmae: 'x' } }));
    await put('also-good.json', pretty({ learner: { name: 'Bo' } }));
    const result = await run(['validate', 'good.json', 'bad.json', 'also-good.json', 'missing.json']);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('good.json: valid\nalso-good.json: valid\n');
    const lines = stderrLines(result);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bad\.json:\d+:\d+: learner\.nmae: /);
    expect(lines[1]).toBe('missing.json: no such file');
  });

  it('exits 0 when every one of several files is valid', async () => {
    await put('a.json', VALID);
    await put('b.json', pretty({ learner: { name: 'Bo' } }));
    const result = await run(['validate', 'a.json', 'b.json']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('a.json: valid\nb.json: valid\n');
    expect(result.stderr).toBe('');
  });

  it('prints at most 50 problems of one file, then says how many more there are', async () => {
    const contacts = Array.from({ length: 60 }, (_, i) => ({ name: `Person ${i + 1}`, tie: 'close', area: 'academic' }));
    await put('huge.json', pretty({ learner: { name: 'Ana' }, network: { contacts } }));
    await put('ok.json', VALID);
    const result = await run(['validate', 'huge.json', 'ok.json']);
    expect(result.code).toBe(1);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toContain('network.contacts[0].tie');
    expect(lines[49]).toContain('network.contacts[49].tie');
    expect(lines[50]).toBe('… and 10 more problems in huge.json');
    expect(result.stdout.toString()).toBe('ok.json: valid\n');
  });

  it('treats a missing file argument as a command-line mistake (exit 2)', async () => {
    const result = await run(['validate']);
    expect(result.code).toBe(2);
    expectNoStackTrace(result);
  });
});

describe('pln-worksheets init', () => {
  it('writes answers.json and answers.schema.json, prints both paths, and the starter validates', async () => {
    const result = await run(['init']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('answers.json\nanswers.schema.json\n');
    expect(result.stderr).toBe('');

    const text = await read('answers.json');
    const starter = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(pretty(starter)); // 2-space indentation, trailing newline
    expect(starter.$schema).toBe('./answers.schema.json');
    expect(starter.version).toBe(1);
    expect(starter).toHaveProperty('learner.name');
    expect((starter.session as { date?: string }).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const schema = await run(['schema']);
    expect(await read('answers.schema.json')).toBe(schema.stdout.toString());

    const validate = await run(['validate', 'answers.json']);
    expect(validate.code).toBe(0);
    expect(validate.stdout.toString()).toBe('answers.json: valid\n');
  });

  it('refuses to overwrite an existing answers file without --force and leaves it untouched', async () => {
    await put('answers.json', VALID);
    const result = await run(['init']);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    expect(result.stderr).toContain('answers.json');
    expect(result.stderr).toContain('--force');
    expectNoStackTrace(result);
    expect(await read('answers.json')).toBe(VALID);
    expect((await readdir(dir)).sort()).toEqual(['answers.json']); // nothing else written, no temporary file left
  });

  it('overwrites an existing answers file with --force', async () => {
    await put('mine.json', VALID);
    const result = await run(['init', 'mine.json', '--force']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe('mine.json\nanswers.schema.json\n');
    const starter = JSON.parse(await read('mine.json')) as { learner: { name: string } };
    expect(starter.learner.name).toBe('');
    expect((await run(['validate', 'mine.json'])).code).toBe(0);
  });

  it('writes into a named folder, creating it, with the schema beside the answers file', async () => {
    const result = await run(['init', path.join('coaching', 'ana.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(`${path.join('coaching', 'ana.json')}\n${path.join('coaching', 'answers.schema.json')}\n`);
    expect((await readdir(path.join(dir, 'coaching'))).sort()).toEqual(['ana.json', 'answers.schema.json']);
    expect((await run(['validate', path.join('coaching', 'ana.json')])).code).toBe(0);
  });

  it('does not fail when an identical schema file is already there (a second learner in the same folder)', async () => {
    expect((await run(['init', 'ana.json'])).code).toBe(0);
    const schemaBefore = await read('answers.schema.json');
    const second = await run(['init', 'bo.json']);
    expect(second.code).toBe(0);
    expect(second.stdout.toString()).toBe('bo.json\n');
    expect(second.stderr).toBe('');
    expect(await read('answers.schema.json')).toBe(schemaBefore);
  });

  it('keeps a different schema file unless --force, and replaces it with --force', async () => {
    await put('answers.schema.json', '{"title": "my own"}\n');
    const kept = await run(['init', 'ana.json']);
    expect(kept.code).toBe(0);
    expect(kept.stdout.toString()).toBe('ana.json\n');
    expect(kept.stderr).toContain('answers.schema.json');
    expect(await read('answers.schema.json')).toBe('{"title": "my own"}\n');

    const replaced = await run(['init', 'ana.json', '--force']);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout.toString()).toBe('ana.json\nanswers.schema.json\n');
    expect(JSON.parse(await read('answers.schema.json'))).toHaveProperty('$id', ANSWERS_SCHEMA_ID);
  });

  it('refuses a directory as the answers file', async () => {
    await mkdir(path.join(dir, 'folder'));
    const result = await run(['init', 'folder', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('folder');
    expect(result.stderr).toContain('directory');
    expectNoStackTrace(result);
  });

  it('says in plain words why an answers file cannot be written, and writes nothing', async () => {
    await put('notes.txt', 'a file, not a folder');
    for (const args of [['init', 'notes.txt/ana.json'], ['init', 'notes.txt/ana.json', '--force']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(stderrLines(result)).toEqual(['notes.txt/ana.json: cannot write the answers file: a part of the path is a file, not a folder']);
      expect(result.stdout.toString()).toBe('');
    }
    expect((await readdir(dir)).sort()).toEqual(['notes.txt']);
  });
});

describe('pln-worksheets schema', () => {
  it('prints the JSON Schema, pretty with a trailing newline, on stdout', async () => {
    const result = await run(['schema']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const text = result.stdout.toString();
    const schema = JSON.parse(text) as { $id: string; $schema: string; properties: Record<string, unknown>; required: string[] };
    expect(text).toBe(pretty(schema));
    expect(schema.$id).toBe(ANSWERS_SCHEMA_ID);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties).toHaveProperty('learner');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'learner', 'coach', 'session', 'goals', 'network', 'social']),
    );
    expect(schema.required).toContain('learner');
  });

  it('--out writes the same schema to a file (creating folders) and prints the path', async () => {
    const printed = (await run(['schema'])).stdout.toString();
    const target = path.join('schemas', 'answers.schema.json');
    const result = await run(['schema', '--out', target]);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(`${target}\n`);
    expect(await read(target)).toBe(printed);
    expect(await readdir(path.join(dir, 'schemas'))).toEqual(['answers.schema.json']);
  });

  it('--out - prints to stdout', async () => {
    const printed = (await run(['schema'])).stdout.toString();
    const result = await run(['schema', '--out', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(printed);
  });
});

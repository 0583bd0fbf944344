/**
 * Unlucky and hostile command lines: standard output on a full disk, --out onto a FIFO or through
 * a symbolic link, a long CJK learner name as the default file name, Windows device names, a bad
 * --locale, control characters and UTF-16 in rosters and answers files.
 */
import { execFileSync, spawn } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument, findEncodingProblem } from '../src/answers/decode.js';
import { parseAnswers } from '../src/answers/index.js';
import { parseRoster } from '../src/bundle/roster.js';
import { safeSlug } from '../src/cli/output.js';
import { BIN, runCli, spawnCli } from './support/cli.js';

const EXAMPLE = new URL('../examples/first-year-woop.json', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-hostile-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI with standard output on /dev/full. */
function runOntoFullDisk(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('standard output on a full disk', () => {
  it.each([
    ['blank --out -', ['blank', '--sheet', 'goals', '--out', '-'], 'standard output: cannot write the PDF: the disk is full\n'],
    ['schema', ['schema'], 'standard output: cannot write the schema: the disk is full\n'],
    ['validate', ['validate', EXAMPLE], 'standard output: cannot write the output: the disk is full\n'],
  ])('%s: exit 1, one plain line, no stack trace', async (_name, args, message) => {
    const result = await runOntoFullDisk(args);
    expect(result.stderr).toBe(message);
    expect(result.code).toBe(1);
  });
});

describe('--out writes only regular files', () => {
  // Writing to a FIFO that nobody reads would block: those runs are separate processes.
  it('refuses a FIFO and leaves it a FIFO (blank, and import --force)', async () => {
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const blank = await spawnCli(['blank', '--sheet', 'goals', '--out', fifo]);
    expect(blank.stderr).toBe(`${fifo}: cannot write the PDF: it is not a regular file (a device, a pipe or a socket); write to a file name instead\n`);
    expect(blank.code).toBe(1);
    const form = path.join(dir, 'form.pdf');
    expect((await runCli(['fill', EXAMPLE, '--fillable', '--out', form])).code).toBe(0);
    const imported = await spawnCli(['import', form, '--out', fifo, '--force']);
    expect(imported.stderr).toMatch(/cannot write the answers: it is not a regular file/);
    expect(imported.code).toBe(1);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a device', async () => {
    const result = await runCli(['schema', '--out', '/dev/null']);
    expect(result.stderr).toMatch(/^\/dev\/null: cannot write the schema: it is not a regular file/);
    expect(result.code).toBe(1);
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('follows a symbolic link to a regular file, and keeps the link', async () => {
    const real = path.join(dir, 'real.json');
    const link = path.join(dir, 'link.json');
    await writeFile(real, 'old');
    await symlink('real.json', link);
    const result = await runCli(['schema', '--out', link]);
    expect(result.code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toMatch(/^\{\n {2}"\$schema"/);
  });
});

describe('file names', () => {
  it('a 120-character CJK learner name fills to the default path', async () => {
    const cwd = await mkdtemp(path.join(dir, 'cjk-'));
    const name = '学'.repeat(120);
    await writeFile(path.join(cwd, 'a.json'), JSON.stringify({ learner: { name }, goals: { focus: 'x' } }));
    const result = await runCli(['fill', 'a.json', '--fillable', '--sheet', 'goals'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [written] = await readdir(path.join(cwd, 'out'));
    expect(written).toBe(`${'学'.repeat(40)}-fillable.pdf`);
  });

  it('slugs stay within 120 bytes and are never Windows device names', () => {
    expect(Buffer.byteLength(safeSlug('😀学'.repeat(100)))).toBeLessThanOrEqual(120);
    expect(safeSlug('é'.repeat(100))).toBe('é'.repeat(60));
    for (const device of ['CON', 'nul', 'Aux', 'prn', 'COM1', 'lpt9']) expect(safeSlug(device)).toBe(`${device.toLowerCase()}-sheets`);
    expect(safeSlug('Connie')).toBe('connie');
  });
});

describe('command line values', () => {
  it.each([['../x'], ['']])('--locale %j is a wrong command line (exit 2)', async (locale) => {
    const result = await runCli(['blank', '--locale', locale, '--out', path.join(dir, 'never.pdf')]);
    expect(result.stderr).toMatch(/--locale: ".*" is not a language tag/);
    expect(result.code).toBe(2);
  });
});

describe('encodings and control characters', () => {
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

  it('UTF-16 without a byte-order mark is named, in answers files and rosters', () => {
    const answers = decodeDocument(utf16le('{"learner":{"name":"Ana"}}'), 'a.json');
    expect(answers.ok).toBe(false);
    expect(!answers.ok && answers.problems[0]!.message).toMatch(/^the file is saved as UTF-16 \(without a byte-order mark\); save it as UTF-8/);
    const big = decodeDocument(new Uint8Array(Buffer.from('{"learner":{"name":"Ana"}}', 'utf16le').swap16()), 'b.json');
    expect(!big.ok && big.problems[0]!.message).toMatch(/UTF-16 \(without a byte-order mark\)/);
    expect(parseRoster(utf16le('name\nAna Lima\n'), 'r.csv')).toEqual({
      ok: false,
      problems: [{ file: 'r.csv', line: 1, message: 'the file is saved as UTF-16 (without a byte-order mark); save it as CSV UTF-8' }],
    });
  });

  it('one locator of bad UTF-8 for both', () => {
    const bytes = new Uint8Array([...Buffer.from('name\nAna\n'), 0xe9, 0x0a]);
    expect(findEncodingProblem(bytes)).toEqual({ kind: 'invalid', offset: 9, byte: 0xe9 });
    const roster = parseRoster(bytes, 'r.csv');
    expect(!roster.ok && roster.problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^this line is not valid UTF-8 \(byte 0xE9 at byte offset 9;/) });
  });

  it.each([['NUL', '\u0000'], ['BEL', '\u0007']])('a roster name with %s is refused', (_name, control) => {
    const result = parseRoster(new Uint8Array(Buffer.from(`name,program\nAna${control}Lima,MD\nBo,MD\n`)), 'r.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { file: 'r.csv', line: 2, message: `this row has a control character (U+${control.codePointAt(0)!.toString(16).padStart(4, '0')}), which cannot be printed; delete it` },
    ]);
  });

  it('a raw NUL outside text is named, never printed', () => {
    const result = parseAnswers('{"learner":\u0000{"name":"Ana"}}', 'a.json');
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.problems[0]!.message : '';
    expect(message).toContain('`U+0000`');
    expect(message).not.toContain('\u0000');
  });
});

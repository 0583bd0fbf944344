/**
 * The command line as coaches' scripts call it (docs/cli.md): `blank`, its flags, exit codes,
 * help, and output that is never left half-written.
 */
import { mkdir, mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { fontReport, normaliseText, pageSizes, pdfText } from './support/pdf.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-cli-'));
});

describe('pln-worksheets blank', () => {
  it('writes an A4 set of all three sheets, with embedded fonts, and identical bytes on a second run', async () => {
    const first = await runCli(['blank', '--sheet', 'all', '--paper', 'a4', '--out', 'x.pdf'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout.toString()).toBe('x.pdf\n');
    const pdf = await readFile(path.join(dir, 'x.pdf'));
    const text = normaliseText((await pdfText(pdf)).join(' '));
    for (const title of ['Goal sheet', 'Network map', 'Social media reflection']) expect(text).toContain(title);
    expect((await pageSizes(pdf))[0]!.height).toBeCloseTo(841.89, 1);
    expect((await fontReport(pdf)).every((font) => font.embedded)).toBe(true);

    const second = await runCli(['blank', '--sheet', 'all', '--paper', 'a4', '--out', 'x.pdf'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(Buffer.compare(await readFile(path.join(dir, 'x.pdf')), pdf)).toBe(0);
  });

  it('without --out writes under out/ and prints the path', async () => {
    const result = await runCli(['blank', '--sheet', 'goals,network'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(`${path.join('out', 'blank-goals-network-letter.pdf')}\n`);
    expect(await pageSizes(await readFile(path.join(dir, 'out', 'blank-goals-network-letter.pdf')))).toHaveLength(5);
  });

  it('accepts --sheet repeated, in any order, and prints sheets in packet order', async () => {
    const result = await runCli(['blank', '--sheet', 'social', '--sheet', 'goals', '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    const pages = await pdfText(result.stdout);
    expect(pages).toHaveLength(5);
    expect(pages[0]).toContain('Goal sheet');
    expect(pages[4]).toContain('Social media reflection');
  });

  it('--out - writes the PDF to standard output and nothing else', async () => {
    const result = await runCli(['blank', '--sheet', 'network', '--out', '-'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.stderr).toBe('');
  });

  it('honours SOURCE_DATE_EPOCH for the PDF date', async () => {
    const result = await runCli(['blank', '--sheet', 'goals', '--out', '-'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(result.stdout.toString('latin1')).toContain('D:20231114221320');
  });

  it.each([
    [['blank', '--paper', 'a5'], 'unknown paper "a5"'],
    [['blank', '--sheet', 'goal'], 'unknown sheet "goal"'],
    [['blank', '--colour', 'red'], 'unknown option --colour'],
    [['frobnicate'], '"frobnicate" is not a command'],
    [[], 'name a command'],
  ])('exits 2 with a one-line reason for a wrong command line: %j', async (args, reason) => {
    const result = await runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(reason);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it.each([
    ['a folder', 'out-folder', /out-folder: is a folder; --out takes a file name/],
    ['a path through a file', 'existing.txt/x.pdf', /existing\.txt\/x\.pdf: cannot write the PDF: a part of the path is a file, not a folder/],
    ['a folder that cannot be created', '/proc/no-such-folder/x.pdf', /cannot write the PDF: the folder cannot be created/],
  ])('--out naming %s is exit 1 with the reason', async (_, out, message) => {
    await mkdir(path.join(dir, 'out-folder'), { recursive: true });
    await writeFile(path.join(dir, 'existing.txt'), 'text');
    const result = await runCli(['blank', '--sheet', 'goals', '--out', out], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('--out creates the folders it needs', async () => {
    const result = await runCli(['blank', '--sheet', 'goals', '--out', 'a/b/c.pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    expect((await readFile(path.join(dir, 'a', 'b', 'c.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a failed run leaves an existing file untouched and no temporary files behind', async () => {
    const target = path.join(dir, 'keep.pdf');
    await writeFile(target, 'previous contents');
    const result = await runCli(['blank', '--paper', 'tabloid', '--out', 'keep.pdf'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(await readFile(target, 'utf8')).toBe('previous contents');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('help', () => {
  it.each(['blank', 'fill', 'bundle', 'validate', 'init', 'schema', 'import'])('`%s --help` explains the command', async (command) => {
    const result = await runCli([command, '--help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toContain(`pln-worksheets ${command}`);
  });

  it('top-level help lists every command with examples and the exit codes', async () => {
    const result = await runCli(['--help'], { cwd: dir });
    const help = result.stdout.toString();
    for (const command of ['blank', 'fill', 'bundle', 'validate', 'init', 'schema', 'import']) expect(help).toContain(command);
    expect(help).toContain('Examples:');
    expect(help).toContain('Exit codes');
  });
});

/**
 * `pln-worksheets bundle` as coaches and scripts call it: what it writes, where, in what order,
 * and its exit codes (0 done, 1 bad input with every problem located, 2 wrong command line).
 */
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { runCli } from './support/cli.js';
import { normaliseText, pdfText } from './support/pdf.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');

function outlineTitles(pdf: Uint8Array): string[] {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    return (doc.loadOutline() ?? []).map((item) => item.title ?? '');
  } finally {
    doc.destroy();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bundle-cli-'));
});

async function learnerFile(folder: string, name: string, learner: string): Promise<string> {
  const answers = JSON.parse(await readFile(path.join(EXAMPLES, 'first-year-woop.json'), 'utf8'));
  answers.learner.name = learner;
  delete answers.$schema;
  const file = path.join(folder, name);
  await writeFile(file, JSON.stringify(answers));
  return file;
}

describe('bundle: success', () => {
  it('bundles a folder in natural name order, after the blank set, and prints the path written', async () => {
    const folder = path.join(dir, 'cohort');
    await mkdir(folder, { recursive: true });
    await learnerFile(folder, 'learner-10.json', 'Tenth Learner');
    await learnerFile(folder, 'learner-2.json', 'Second Learner');
    await learnerFile(folder, 'Learner-1.json', 'First Learner');
    await writeFile(path.join(folder, 'notes.txt'), 'not an answers file');
    const out = path.join(dir, 'cohort.pdf');
    const result = await runCli(['bundle', folder, '--blank', '--title', 'Appendix C', '--page-prefix', 'C-', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(`${out}\n`);
    const pdf = await readFile(out);
    expect(outlineTitles(pdf)).toEqual(['Contents', 'Blank worksheets', 'First Learner', 'Second Learner', 'Tenth Learner']);
    expect(normaliseText((await pdfText(pdf))[0]!)).toContain('Appendix C');
  }, 60_000);

  it('gives the same bytes on every run, and writes to standard output with --out -', async () => {
    const args = ['bundle', path.join(EXAMPLES, 'first-year-woop.json'), '--sheet', 'goals', '--duplex'];
    const [a, b] = await Promise.all([runCli([...args, '--out', '-']), runCli([...args, '--out', '-'])]);
    expect(a.code).toBe(0);
    expect(a.stdout.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.stdout.equals(b.stdout)).toBe(true);
  }, 60_000);

  it('makes a workshop pack from a roster into out/<roster>-pack.pdf', async () => {
    const cwd = path.join(dir, 'workshop');
    await mkdir(cwd, { recursive: true });
    await copyFile(path.join(EXAMPLES, 'roster.csv'), path.join(cwd, 'roster.csv'));
    const result = await runCli(['bundle', '--roster', 'roster.csv', '--duplex', '--copies', '2', '--sheet', 'network'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.toString()).toBe(`${path.join('out', 'roster-pack.pdf')}\n`);
    const pdf = await readFile(path.join(cwd, 'out', 'roster-pack.pdf'));
    expect(outlineTitles(pdf)).toEqual(['Contents', 'Okonkwo, Amara', 'Maya Chen-Alvarez', '陈静怡', 'Blank worksheets 1/2', 'Blank worksheets 2/2']);
    // Title page and contents, then five packets of three pages and a padding page.
    expect((await pdfText(pdf)).length).toBe(2 + 5 * 4);
  }, 60_000);

  it('stays quiet on standard error when it is not a terminal', async () => {
    const result = await runCli(['bundle', '--copies', '1', '--sheet', 'goals', '--out', path.join(dir, 'quiet.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  }, 60_000);
});

describe('bundle: bad input is exit 1, every problem located', () => {
  it('a roster with problems: file and line of each', async () => {
    const roster = path.join(dir, 'bad.csv');
    await writeFile(roster, 'name,program\nAna,MD\nLima, Ana,MD\n,PA\n');
    const result = await runCli(['bundle', '--roster', roster, '--out', path.join(dir, 'never.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `${roster}:3: this row has 3 cells but the header has 2 columns; a name or program containing a comma must be in double quotes, e.g. "Lima, Ana"\n` +
        `${roster}:4: the name is empty\n`,
    );
  });

  it('a roster without a name column', async () => {
    const roster = path.join(dir, 'noname.csv');
    await writeFile(roster, 'first,last\nAna,Lima\n');
    const result = await runCli(['bundle', '--roster', roster]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${roster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: no "name" column`));
  });

  it('a missing input, an empty folder and an invalid answers file, all in one run, and no PDF written', async () => {
    const empty = path.join(dir, 'empty');
    await mkdir(empty, { recursive: true });
    const invalid = path.join(dir, 'invalid.json');
    await writeFile(invalid, '{"version": 1, "learner": {"name": 5}}');
    const out = path.join(dir, 'never.pdf');
    const result = await runCli(['bundle', path.join(dir, 'nope.json'), empty, invalid, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'nope.json')}: no such file or folder`);
    expect(result.stderr).toContain(`${empty}: the folder has no answers files (*.json)`);
    expect(result.stderr).toMatch(new RegExp(`${invalid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+: learner\\.name`));
    await expect(readFile(out)).rejects.toThrow();
  });
});

describe('bundle: a wrong command line is exit 2', () => {
  it.each([
    [[], 'nothing to bundle'],
    [['--copies', '-1'], '--copies must be a whole number'],
    [['--copies', '2.5'], '--copies must be a whole number'],
    [['--blank', '--start-page', '0'], '--start-page must be a whole number of 1 or more'],
    [['--blank', '--sheet', 'goal'], 'unknown sheet "goal"'],
    [['--blank', '--paper', 'legal'], 'unknown paper "legal"'],
    [['--blank', '--bogus'], 'unknown option --bogus'],
  ])('%j', async (args, message) => {
    const result = await runCli(['bundle', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('bundle: defaults from the config file', () => {
  it('reads the "bundle" section beside the branding, with out relative to the config file', async () => {
    const folder = path.join(dir, 'conf');
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, 'pln-worksheets.config.json');
    await writeFile(
      file,
      JSON.stringify({
        paper: 'a4',
        institution: { name: 'Example School' },
        accentColour: '#123456',
        bundle: { title: 'Appendix C', pagePrefix: 'C-', startPage: 41, duplex: true, sheets: ['goals'], out: 'appendix.pdf' },
      }),
    );
    const config = await loadConfig(file, dir);
    expect(config.bundle).toEqual({
      title: 'Appendix C',
      pagePrefix: 'C-',
      startPage: 41,
      duplex: true,
      sheets: ['goals'],
      out: path.join('conf', 'appendix.pdf'),
    });
    expect(config.paper).toBe('a4');
    expect(config.branding.institution?.name).toBe('Example School');
  });

  it('a wrong value or a misspelt setting in "bundle" is a located error, exit 1', async () => {
    const file = path.join(dir, 'bad-bundle-config.json');
    await writeFile(file, '{\n  "bundle": {\n    "startPage": "41",\n    "titel": "x"\n  }\n}');
    const result = await runCli(['bundle', '--blank', '--config', file, '--out', 'never.pdf'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad-bundle-config.json:3:18: bundle.startPage: expected a number, found "41"');
    expect(result.stderr).toMatch(/bad-bundle-config\.json:4:5: bundle\.titel: unknown field `titel` in bundle; did you mean `title`\?/);
  });

  it('the command takes its defaults from ./pln-worksheets.config.json, and flags win', async () => {
    const cwd = path.join(dir, 'configured');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(cwd, 'pln-worksheets.config.json'), JSON.stringify({ bundle: { title: 'Title from the config', subtitle: 'Subtitle from the config' } }));
    const result = await runCli(['bundle', '--copies', '1', '--sheet', 'goals', '--subtitle', 'Subtitle from a flag', '--out', 'b.pdf'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const title = normaliseText((await pdfText(await readFile(path.join(cwd, 'b.pdf'))))[0]!);
    expect(title).toContain('Title from the config');
    expect(title).toContain('Subtitle from a flag');
    expect(title).not.toContain('Subtitle from the config');
  }, 60_000);
});

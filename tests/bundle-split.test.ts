/**
 * Workshop forms: `bundle --split DIR` writes one PDF per packet, named by fill's slugs, and an
 * index.csv; `--fillable` makes each a form for its participant that `import` reads back. Both
 * are byte-deterministic and come from the packet cache like a bundle's packets.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from './support/bytes.js';
import { runCli } from './support/cli.js';

const EXAMPLES = new URL('../examples/', import.meta.url).pathname;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-split-'));
  env = { PLN_WORKSHEETS_CACHE_DIR: path.join(dir, 'cache') };
  await writeFile(path.join(dir, 'roster.csv'), 'name,program\nAna Lima,Y3\n"Doe, Jo",PGY1\nana lima,Y2\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(folder: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(folder)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name))] as const)));
}

/** Each file's name and the digest of its bytes. */
async function digests(folder: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await files(folder)).map(([name, bytes]) => [name, digest(bytes)]));
}

describe('bundle --roster --fillable', () => {
  it('a named form per participant, listed in index.csv; a filled one imports; reruns give the same bytes', async () => {
    const forms = path.join(dir, 'forms');
    const first = await runCli(['bundle', '--roster', 'roster.csv', '--fillable', '--split', 'forms', '--sheet', 'goals', '--quiet'], { cwd: dir, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const names = ['ana-lima-fillable.pdf', 'doe-jo-fillable.pdf', 'ana-lima-2-fillable.pdf'];
    expect(first.stdout.toString()).toBe([...names, 'index.csv'].map((name) => `${path.join('forms', name)}\n`).join(''));
    const written = await files(forms);
    const writtenDigests = await digests(forms);
    expect(Object.keys(written).sort()).toEqual([...names, 'index.csv'].sort());
    expect(parse(written['index.csv']!, { bom: true, columns: true })).toEqual([
      { name: 'Ana Lima', program: 'Y3', file: names[0] },
      { name: 'Doe, Jo', program: 'PGY1', file: names[1] },
      { name: 'ana lima', program: 'Y2', file: names[2] },
    ]);

    // Typed into as a reader would: the participant's name is there already.
    const doc = await PDFDocument.load(written[names[1]!]!);
    const form = doc.getForm();
    expect(form.getTextField('learner.name').getText()).toBe('Doe, Jo');
    form.getTextField('goals.focus').setText('Łódź — São Paulo ≥ 3');
    const typed = path.join(dir, 'typed.pdf');
    await writeFile(typed, await doc.save({ updateFieldAppearances: false }));
    const imported = await runCli(['import', typed]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout.toString())).toEqual({ version: 1, learner: { name: 'Doe, Jo', program: 'PGY1' }, goals: { focus: 'Łódź — São Paulo ≥ 3' } });

    // A folder with files in it is kept unless --force; then the same bytes, from the cache.
    const again = await runCli(['bundle', '--roster', 'roster.csv', '--fillable', '--split', 'forms', '--sheet', 'goals', '--quiet'], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^forms: the folder is not empty; .*--force/);
    const forced = await runCli(['bundle', '--roster', 'roster.csv', '--fillable', '--split', 'forms', '--sheet', 'goals', '--quiet', '--force'], { cwd: dir, env });
    expect(forced.code).toBe(0);
    expect(await digests(forms)).toEqual(writtenDigests);
    const fresh = await runCli(['bundle', '--roster', 'roster.csv', '--fillable', '--split', 'fresh', '--sheet', 'goals', '--quiet', '--no-cache'], { cwd: dir, env });
    expect(fresh.code).toBe(0);
    expect(await digests(path.join(dir, 'fresh'))).toEqual(writtenDigests);
  });
});

describe('bundle --split', () => {
  it("learners' packets named as fill names them, each a PDF of its own with the learner's title", async () => {
    const example = path.join(EXAMPLES, 'first-year-woop.json');
    const split = await runCli(['bundle', example, '--split', 'learners', '--quiet'], { cwd: dir, env });
    expect(split.stderr).toBe('');
    expect(split.code).toBe(0);
    const fill = await runCli(['fill', example, '--out', '-'], { cwd: dir });
    const filled = await PDFDocument.load(fill.stdout);
    const name = 'amara-okonkwo.pdf';
    expect(await readdir(path.join(dir, 'learners'))).toEqual(expect.arrayContaining([name, 'index.csv']));
    const own = await PDFDocument.load(await readFile(path.join(dir, 'learners', name)));
    expect(own.getPageCount()).toBe(filled.getPageCount());
    expect(own.getTitle()).toBe(filled.getTitle());
    expect(own.getForm().getFields()).toEqual([]);
  });

  it('wrong command lines are exit 2; a file where the folder should be is exit 1; nothing is written', async () => {
    const cases: [string[], number, RegExp][] = [
      [['--roster', 'roster.csv', '--split', 'x', '--out', 'y.pdf'], 2, /--split writes a folder of PDFs, --out one bundle PDF/],
      [['--roster', 'roster.csv', '--fillable', '--out', 'y.pdf'], 2, /use --split FOLDER instead of --out/],
      [['--roster', 'roster.csv', '--split', ''], 2, /--split needs a folder name/],
      [['--roster', 'roster.csv', '--force'], 2, /--force only applies with --split or --fillable/],
      [['--roster', 'roster.csv', '--split', 'roster.csv'], 1, /^roster\.csv: is a file, not a folder/],
    ];
    const before = (await readdir(dir)).sort();
    for (const [args, code, message] of cases) {
      const result = await runCli(['bundle', ...args, '--quiet'], { cwd: dir, env });
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await readdir(dir)).sort()).toEqual(before);
  });

  it('a run that fails halfway leaves the folder as it was: no PDF of the packets before, no index', async () => {
    // With --force into a folder where a sub-folder has the second participant's file name: the
    // first packet is made and written before the second cannot be.
    const forms = path.join(dir, 'halfway');
    await mkdir(path.join(forms, 'doe-jo.pdf'), { recursive: true });
    await writeFile(path.join(forms, 'notes.txt'), 'kept\n');
    const before = await readdir(forms, { recursive: true });
    const result = await runCli(['bundle', '--roster', 'roster.csv', '--split', 'halfway', '--force', '--sheet', 'goals', '--quiet'], { cwd: dir, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path.join('halfway', 'doe-jo.pdf')}: cannot write the PDF: it is not a regular file (a device, a pipe or a socket); write to a file name instead\n`);
    expect((await readdir(forms, { recursive: true })).sort()).toEqual(before.sort());
  });
});

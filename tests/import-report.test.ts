/**
 * `import` reports every problem of a filled form in one run, in `validate`'s words, each located
 * by the form field and its page; exit 1 and nothing written.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';
import { blankOnce } from './support/rendered.js';

let dir: string;
let blankForm: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-import-report-'));
  blankForm = await blankOnce({ fillable: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Fills text fields as a reader does: values only, the reader's own appearances. */
async function filled(values: Record<string, string>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(blankForm);
  const form = doc.getForm();
  for (const [name, value] of Object.entries(values)) form.getTextField(name).setText(value);
  return doc.save({ updateFieldAppearances: false });
}

/** The page (1-based) of a field's first widget in a PDF. */
async function pageOf(bytes: Uint8Array, name: string): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  const widget = doc.getForm().getField(name).acroField.getWidgets()[0]!;
  const ref = doc.context.getObjectRef(widget.dict);
  return doc.getPages().findIndex((page) => page.node.Annots()?.asArray().includes(ref!)) + 1;
}

describe('import: every problem in one run', () => {
  it('an empty name, empty row cells, a bad date, a bad number and an over-long coach name: all reported, by field and page', async () => {
    const bytes = await filled({
      'session.date': 'next tuesday',
      'session.number': 'three',
      'network.contacts[2].name': 'Jordan Lee',
      'network.contacts[5].name': 'Kim Park',
      'coach.name': 'C'.repeat(130),
    });
    const file = path.join(dir, 'several.pdf');
    const out = path.join(dir, 'several.json');
    await writeFile(file, bytes);
    const result = await runCli(['import', file, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout.toString()).toBe('');
    expect(await readdir(dir)).toEqual(['several.pdf']);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const lines = result.stderr.trimEnd().split('\n');
    const page = (name: string) => pageOf(bytes, name);
    expect(lines).toEqual([
      `${file}: page ${await page('learner.name')}: learner.name: empty; type the learner's name in "Name" at the top of a page (every answers file needs it)`,
      `${file}: page ${await page('coach.name')}: coach.name: is 130 characters long; the limit is 120`,
      `${file}: page ${await page('session.date')}: session.date: expected a date written YYYY-MM-DD that exists on the calendar, found "next tuesday"`,
      `${file}: page ${await page('session.number')}: session.number: expected a number, found "three"`,
      `${file}: page ${await page('network.contacts[2].area')}: network.contacts[2].area: empty, but the row has other entries ("Jordan Lee"); fill it in or clear the row`,
      `${file}: page ${await page('network.contacts[5].area')}: network.contacts[5].area: empty, but the row has other entries ("Kim Park"); fill it in or clear the row`,
    ]);
    // zod's own words never reach the learner.
    expect(result.stderr).not.toMatch(/Invalid|received/);
  });

  it('a schema problem in a row after an empty row names the row as it is on the form', async () => {
    const bytes = await filled({
      'learner.name': 'Sam',
      // Row 0 of the table is left empty: the answers close it up, the message must not.
      'network.toAdd[3].name': 'A'.repeat(10_001),
    });
    const file = path.join(dir, 'row.pdf');
    await writeFile(file, bytes);
    const result = await runCli(['import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: page ${await pageOf(bytes, 'network.toAdd[3].name')}: network\\.toAdd\\[3\\]\\.name: is 10,001 characters long; the limit is 10,000$`, 'm'));
    expect(result.stderr).not.toMatch(/toAdd\[0\]/);
  });
});

/**
 * Writing a split bundle (`bundle --split DIR`): one PDF per packet, then index.csv (name,
 * program, file) listing them in packet order, all put in place together once every one is made;
 * the folder must be new or empty unless --force, so that a run never mixes its files with
 * another's unasked.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ensureDirectory, StagedFiles } from '../io/write.js';
import { InputError } from './errors.js';
import { cannotWrite } from './output.js';

export const INDEX_FILE = 'index.csv';

export interface SplitFile {
  name: string;
  program?: string;
  file: string;
  pdf: Uint8Array;
}

/** Refuses a path that is not a folder, or a folder with files in it (unless `force`). */
export async function checkSplitFolder(dir: string, force: boolean): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found) return;
  if (!found.isDirectory()) throw new InputError([`${dir}: is a file, not a folder; --split takes a folder to write the PDFs into`]);
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([`${dir}: cannot be read (${error.code ?? String(error)})`]);
  });
  if (entries.length > 0 && !force) {
    throw new InputError([`${dir}: the folder is not empty; name a new or empty folder, or add --force to write into it (files of the same name are replaced)`]);
  }
}

/** index.csv: a header row, then one row per file; quoted where CSV needs it. */
export function indexCsv(files: readonly Omit<SplitFile, 'pdf'>[]): string {
  // The byte-order mark lets spreadsheet programs read the names as UTF-8.
  return stringify(
    files.map((file) => [file.name, file.program ?? '', file.file]),
    { header: true, columns: ['name', 'program', 'file'], bom: true, record_delimiter: 'unix' },
  );
}

/**
 * Writes the PDFs into `dir` as `produce` hands them over, then the index. Each is written under a
 * temporary name as it comes (so the PDFs are not all held in memory) and all are renamed into
 * place at the end: a run that fails halfway leaves the folder as it was. Returns the paths
 * written, index last.
 */
export async function writeSplit(dir: string, produce: (write: (file: SplitFile) => Promise<void>) => Promise<void>): Promise<string[]> {
  await ensureDirectory(dir).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([`${dir}: cannot create the folder (${error.code ?? String(error)})`]);
  });
  const staged = new StagedFiles();
  const listed: Omit<SplitFile, 'pdf'>[] = [];
  const written: string[] = [];
  const stage = async (target: string, data: Uint8Array | string, what: string) => {
    await staged.add(target, data).catch((error: unknown) => {
      throw cannotWrite(target, what, error);
    });
    written.push(target);
  };
  try {
    await produce(async ({ pdf, ...entry }) => {
      await stage(path.join(dir, entry.file), pdf, 'the PDF');
      listed.push(entry);
    });
    await stage(path.join(dir, INDEX_FILE), indexCsv(listed), 'the index');
    await staged.commit().catch((error: unknown) => {
      throw cannotWrite(dir, 'the PDFs', error);
    });
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return written;
}

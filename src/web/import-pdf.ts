/**
 * A fillable PDF filled in a reader, read back in the page by the same code as
 * `pln-worksheets import` (src/import/), so the same PDF gives the same answers, or the same
 * problems in the same words, each tied to the form field it is about.
 */
import type { Answers } from '../answers/schema.js';
import { ImportError, importAnswers } from '../import/index.js';
import { ensurePdfLib } from './pdf-lib-loader.js';

export type PdfImport = { ok: true; answers: Answers } | { ok: false; problems: { field?: string; line: string }[] };

/** The answers in `bytes`; `name` (the file's name) stands where the command line names its path. */
export async function answersFromPdf(bytes: Uint8Array, name: string): Promise<PdfImport> {
  await ensurePdfLib();
  try {
    return { ok: true, answers: await importAnswers(bytes, name) };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { ok: false, problems: error.lines.map((line, index) => ({ field: error.fields[index], line })) };
  }
}

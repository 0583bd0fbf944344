import path from 'node:path';
import { stat } from 'node:fs/promises';
import { writeFileAtomically } from '../io/write.js';
import { InputError } from './errors.js';

export const DEFAULT_OUT_DIR = 'out';

/**
 * Reduces any text (a learner's name, a file stem) to a safe file name: letters and digits of any
 * script, joined by hyphens. It cannot contain a path separator or dots, so it never leaves the
 * output folder.
 */
export function safeSlug(text: string, fallback = 'worksheets'): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function defaultOutputPath(stem: string): string {
  return path.join(DEFAULT_OUT_DIR, `${safeSlug(stem)}.pdf`);
}

/** Writes the PDF to the file (atomically) or to standard output for `--out -`. Returns what to report. */
export async function deliverPdf(bytes: Uint8Array, out: string): Promise<string | undefined> {
  if (out === '-') {
    await new Promise<void>((resolve, reject) => {
      // A reader that stops early (`| head`) closes the pipe: that is not our failure.
      process.stdout.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? resolve() : reject(error)));
      process.stdout.write(bytes, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve()));
    });
    return undefined;
  }
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError([`${out}: is a folder; --out takes a file name, e.g. ${path.join(out, 'worksheets.pdf')}`]);
  await writeFileAtomically(out, bytes).catch((error: NodeJS.ErrnoException) => {
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      ENOENT: 'the folder cannot be created',
      ENOTDIR: 'a part of the path is a file, not a folder',
      EEXIST: 'a part of the path is a file, not a folder',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
    };
    throw new InputError([`${out}: cannot write the PDF: ${reasons[error.code ?? ''] ?? error.message}`]);
  });
  return out;
}

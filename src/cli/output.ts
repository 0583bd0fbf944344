import path from 'node:path';
import { stat } from 'node:fs/promises';
import { writeStdout } from '../io/stdout.js';
import { FileWriteError, NOT_A_REGULAR_FILE, writeFileAtomically, writeFileAtomicallyFrom } from '../io/write.js';
import { MemorySink, type ByteSink } from '../io/sink.js';
import { InputError } from './errors.js';

export const DEFAULT_OUT_DIR = 'out';

/**
 * Reduces any text (a learner's name, a file stem) to a safe file name: letters and digits of any
 * script, joined by hyphens. It cannot contain a path separator or dots, so it never leaves the
 * output folder.
 */
export function safeSlug(text: string, fallback = 'worksheets'): string {
  const slug = cutToBytes(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
    SLUG_MAX_BYTES,
  ).replace(/-+$/, '');
  if (!slug) return fallback;
  // Windows opens a device for these names whatever the extension (con.pdf is the console).
  return WINDOWS_DEVICE_NAMES.test(slug) ? `${slug}-sheets` : slug;
}

/**
 * Longest slug in UTF-8 bytes: file systems allow 255 bytes a name, and a slug is followed by a
 * suffix such as "-fillable.pdf" (CJK letters take 3 bytes each, so this is 40 of them).
 */
export const SLUG_MAX_BYTES = 120;

const WINDOWS_DEVICE_NAMES = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/** The longest prefix of whole code points that fits in `max` UTF-8 bytes. */
function cutToBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > max) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** `out/<slug><suffix>.pdf`; the suffix (such as "-fillable") is kept whole however long the stem. */
export function defaultOutputPath(stem: string, suffix = ''): string {
  return path.join(DEFAULT_OUT_DIR, `${safeSlug(stem)}${suffix}.pdf`);
}

/** Plain words for the errors that writing a file or standard output meets. */
const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder cannot be created',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error (is the disk failing or disconnected?)',
  ENAMETOOLONG: 'the file name is too long',
  [NOT_A_REGULAR_FILE]: 'it is not a regular file (a device, a pipe or a socket); write to a file name instead',
};

export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  return WRITE_FAILURES[code] ?? (error instanceof Error ? error.message : String(error));
}

/** A failed write as the user reads it: `where: cannot write what: why`, in plain words. */
export function cannotWrite(where: string, what: string, error: unknown): InputError {
  return new InputError([`${where}: cannot write ${what}: ${writeFailureReason(error)}`]);
}

/** Writes text or bytes to standard output; a failure is an InputError with a plain message. */
export async function printOut(data: Uint8Array | string, what = 'the output'): Promise<void> {
  await writeStdout(data).catch((error: unknown) => {
    throw cannotWrite('standard output', what, error);
  });
}

/** Writes a file atomically (see io/write.ts); a failure is an InputError with a plain message. */
export async function writeOutputFile(file: string, data: Uint8Array | string, what: string): Promise<void> {
  await writeFileAtomically(file, data).catch((error: unknown) => {
    throw cannotWrite(file, what, error);
  });
}

/** Writes the PDF to the file (atomically) or to standard output for `--out -`. Returns what to report. */
export async function deliverPdf(bytes: Uint8Array, out: string, what = 'the PDF'): Promise<string | undefined> {
  if (out === '-') {
    await printOut(bytes, what);
    return undefined;
  }
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError([`${out}: is a folder; --out takes a file name, e.g. ${path.join(out, 'worksheets.pdf')}`]);
  await writeOutputFile(out, bytes, what);
  return out;
}

/**
 * deliverPdf for a PDF written while it is made (a bundle): `produce` writes into the temporary
 * file, renamed over `out` when complete; for `--out -` it is collected, then printed.
 * Returns what to report, and what `produce` returned.
 */
export async function deliverStreamedPdf<T>(out: string, produce: (sink: ByteSink) => Promise<T>, what = 'the PDF'): Promise<{ written: string | undefined; result: T }> {
  if (out === '-') {
    const sink = new MemorySink();
    const result = await produce(sink);
    await printOut(sink.bytes(), what);
    return { written: undefined, result };
  }
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError([`${out}: is a folder; --out takes a file name, e.g. ${path.join(out, 'worksheets.pdf')}`]);
  const result = await writeFileAtomicallyFrom(out, produce).catch((error: unknown) => {
    if (error instanceof FileWriteError) throw cannotWrite(out, what, error);
    throw error;
  });
  return { written: out, result };
}

/** The I/O edge: read an answers file from disk, with the size checked before and while reading. */
import { open, type FileHandle } from 'node:fs/promises';
import { decodeDocument } from './decode.js';
import { LIMITS } from './limits.js';
import { parseAnswers, parseJsonDocument, type JsonDocumentResult, type JsonDocumentSpec } from './load.js';
import type { LoadResult, Problem } from './problem.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'cannot read the file: permission denied',
  EPERM: 'cannot read the file: permission denied',
  ENOTDIR: 'a part of this path is not a directory',
  ELOOP: 'too many symbolic links in this path',
  ENAMETOOLONG: 'the file name is too long',
};

function failure(file: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ file, line: 0, column: 0, path: '', message }] };
}

function reason(error: unknown, kind: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EISDIR') return `is a directory, not ${kind}`;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}

/** Read and parse an answers file. Never throws for a bad file; every failure is a Problem. */
export async function loadAnswersFile(path: string): Promise<LoadResult> {
  const read = await readDocumentText(path, 'an answers file');
  return read.ok ? parseAnswers(read.text, path) : read;
}

/** Read and parse one of our other JSON documents (the config file) with the same care. */
export async function loadJsonDocument<T>(path: string, spec: JsonDocumentSpec<T>): Promise<JsonDocumentResult<T>> {
  const read = await readDocumentText(path, spec.kind);
  return read.ok ? parseJsonDocument(read.text, path, spec) : read;
}

async function readDocumentText(path: string, kind: string): Promise<{ ok: true; text: string } | { ok: false; problems: Problem[] }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) return failure(path, `is a directory, not ${kind}`);
    if (stat.isFile() && stat.size > LIMITS.fileBytes) {
      return failure(path, `the file is ${stat.size.toLocaleString('en-US')} bytes; the limit is ${LIMITS.fileBytes.toLocaleString('en-US')} bytes (1 MiB)`);
    }
    // Read at most one byte past the limit: pipes and devices have no size to check up front.
    const buffer = new Uint8Array(LIMITS.fileBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > LIMITS.fileBytes) {
      return failure(path, `the file is larger than the limit of ${LIMITS.fileBytes.toLocaleString('en-US')} bytes (1 MiB)`);
    }
    return decodeDocument(buffer.subarray(0, length), path);
  } catch (error) {
    return failure(path, reason(error, kind));
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

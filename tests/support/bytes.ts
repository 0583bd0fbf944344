/**
 * Byte comparisons for PDFs and other large buffers. Vitest's `toEqual` walks a Buffer element by
 * element (some 3 seconds per megabyte); these compare natively and still say what differs.
 */
import { createHash } from 'node:crypto';

/** The SHA-256 of some bytes, in hex: equal digests, equal bytes; a mismatch names the file. */
export const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Where two byte strings first differ, or undefined when they are the same. */
export function firstDifference(a: Uint8Array, b: Uint8Array): string | undefined {
  if (Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)) return undefined;
  const end = Math.min(a.length, b.length);
  let at = 0;
  while (at < end && a[at] === b[at]) at++;
  return `lengths ${a.length} and ${b.length}, first difference at byte ${at}`;
}

/**
 * A PDF's raw bytes, read below pdf-lib: as text (PDF syntax is ASCII), and a compressed stream
 * inflated within a limit. The one place import needs Node's Buffer and zlib, so that the web
 * build can swap this module for one made of what a browser has (src/web/seams/import-raw-bytes.ts).
 */
import { constants, inflateSync } from 'node:zlib';

/** The bytes as text, one character per byte. */
export function byteText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * A zlib stream inflated: its bytes; 'too large' when they pass `limit`; undefined when it is not
 * zlib data. A stream cut short inflates as far as it goes.
 */
export function inflateWithin(data: Uint8Array, limit: number): Uint8Array | 'too large' | undefined {
  try {
    return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : undefined;
  }
}

import { Inflate, Z_OK, Z_STREAM_END, Z_SYNC_FLUSH } from 'pako';

/**
 * The web app's src/import/raw-bytes.ts, made of what a browser has: the same text, and the same
 * inflating within a limit (pako instead of Node's zlib).
 */
const latin1 = new TextDecoder('latin1');

/**
 * One character per byte: WHATWG's "latin1" is windows-1252, which maps every byte to one UTF-16
 * unit as ISO-8859-1 does, and agrees with it on ASCII, all that PDF syntax is made of.
 */
export function byteText(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}

/** Output is handed over in chunks of this size, so the limit is passed by at most one chunk. */
const CHUNK = 64 * 1024;

/** Thrown from the output callback to stop inflating once the limit is passed. */
const PAST_LIMIT = new Error('past the limit');

/**
 * pako's streaming inflate, stopped from its output callback as soon as the limit is passed. In
 * Chromium it inflates a form's streams about five times faster than fflate, which copies its
 * window at every slice of input and allocates typed arrays that the page makes slowly.
 */
export function inflateWithin(data: Uint8Array, limit: number): Uint8Array | 'too large' | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Inflate({ chunkSize: CHUNK });
  stream.onData = (chunk) => {
    chunks.push(chunk);
    total += chunk.byteLength;
    if (total > limit) throw PAST_LIMIT;
  };
  try {
    // A sync flush, not the end: a stream cut short inflates as far as it goes, as with zlib's.
    stream.push(data, Z_SYNC_FLUSH);
  } catch (error) {
    if (error === PAST_LIMIT) return 'too large';
    return undefined;
  }
  if (stream.err !== Z_OK && stream.err !== Z_STREAM_END) return undefined;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

import { Unzlib } from 'fflate';

/**
 * The web app's src/import/raw-bytes.ts, made of what a browser has: the same text, and the same
 * inflating within a limit (fflate instead of Node's zlib).
 */
const latin1 = new TextDecoder('latin1');

/**
 * One character per byte: WHATWG's "latin1" is windows-1252, which maps every byte to one UTF-16
 * unit as ISO-8859-1 does, and agrees with it on ASCII, all that PDF syntax is made of.
 */
export function byteText(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}

/** What one byte of DEFLATE data can inflate to, at most (a 258-byte match per 2 bits). */
const MAX_RATIO = 1032;
/** The smallest slice: near the limit, one slice inflates to at most about 1 MiB past it. */
const MIN_SLICE = 1024;

/**
 * Input is fed a slice at a time, each as large as the room left under the limit allows even at
 * the densest DEFLATE can be (so the limit is never passed by more than one smallest slice's
 * worth). fflate copies its 32 KiB window at every slice: slices of a few KiB would spend more time
 * copying than inflating.
 */
export function inflateWithin(data: Uint8Array, limit: number): Uint8Array | 'too large' | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Unzlib((chunk) => {
    chunks.push(chunk);
    total += chunk.byteLength;
  });
  const slice = () => Math.max(MIN_SLICE, Math.floor((limit - total) / MAX_RATIO));
  try {
    // Never final: a stream cut short inflates as far as it goes, as with zlib's sync flush.
    for (let at = 0, size = slice(); at < data.byteLength && total <= limit; at += size, size = slice()) stream.push(data.subarray(at, at + size), false);
  } catch {
    return undefined;
  }
  if (total > limit) return 'too large';
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

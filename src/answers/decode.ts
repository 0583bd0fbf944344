/** Bytes → text for answers files: strict UTF-8, so a mis-encoded file is refused, never mangled. */
import { isUtf8 } from 'node:buffer';
import { LIMITS } from './limits.js';
import { parseAnswers } from './load.js';
import { LineIndex } from './position.js';
import type { LoadResult, Problem } from './problem.js';

/** Index of the first byte that is not part of well-formed UTF-8, or -1 (overlongs and surrogates count as bad). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlongs
      if (b === 0xed) hi = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** What is wrong with the encoding of a text file that must be UTF-8, or undefined. */
export type EncodingProblem = { kind: 'utf16'; bom: boolean } | { kind: 'invalid'; offset: number; byte: number };

/**
 * The one encoding check for our text inputs (answers files, rosters): UTF-16 with or without a
 * byte-order mark, then the first byte that is not well-formed UTF-8.
 */
export function findEncodingProblem(bytes: Uint8Array): EncodingProblem | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { kind: 'utf16', bom: true };
  if (looksLikeUtf16(bytes)) return { kind: 'utf16', bom: false };
  // Node checks well-formed files natively (the same rules); the scan locates a bad byte.
  const offset = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  return offset < 0 ? undefined : { kind: 'invalid', offset, byte: bytes[offset] ?? 0 };
}

/**
 * UTF-16 text without a byte-order mark: mostly Latin text puts a zero byte in every other byte
 * (odd bytes for little-endian, even for big-endian), which UTF-8 text never has.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  return Math.max(evenZeros, oddZeros) >= pairs * 0.4 && Math.min(evenZeros, oddZeros) <= pairs * 0.05;
}

/** Parse an answers file given as bytes (a file, standard input, an upload). */
export function parseAnswersBytes(bytes: Uint8Array, file: string): LoadResult {
  const decoded = decodeDocument(bytes, file);
  return decoded.ok ? parseAnswers(decoded.text, file) : decoded;
}

/** One of our JSON documents as bytes → its text, refusing oversized, UTF-16 and invalid UTF-8 files with a located problem. */
export function decodeDocument(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const whole = (message: string) => ({ ok: false as const, problems: [{ file, line: 0, column: 0, path: '', message }] });
  if (bytes.length > LIMITS.fileBytes) {
    return whole(`the file is ${bytes.length.toLocaleString('en-US')} bytes; the limit is ${LIMITS.fileBytes.toLocaleString('en-US')} bytes (1 MiB)`);
  }
  const problem = findEncodingProblem(bytes);
  if (problem?.kind === 'utf16') {
    return whole(`the file is saved as UTF-16${problem.bom ? '' : ' (without a byte-order mark)'}; save it as UTF-8 (most editors offer this under “Save with encoding”)`);
  }
  if (problem) {
    const bad = problem.offset;
    // Locate the bad byte by decoding the valid text before it (the decoder drops a BOM, as editors hide it).
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = new LineIndex(before).at(before.length);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      problems: [
        {
          file,
          line,
          column,
          path: '',
          message: `the file is not valid UTF-8 (byte 0x${byte} at byte offset ${bad}); save it as UTF-8`,
          expected: 'UTF-8 text',
          found: `byte 0x${byte}`,
        },
      ],
    };
  }
  // TextDecoder drops a leading BOM by default; fatal is belt and braces after the check above.
  return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

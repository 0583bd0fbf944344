/**
 * Checks made on a PDF's raw bytes before pdf-lib parses it, so that a hostile file is refused
 * within a bounded time and memory: encryption (pdf-lib cannot read encrypted forms and would call
 * them damaged); compressed streams that inflate past what any form of ours holds (a "flate bomb":
 * pdf-lib inflates object streams whole while it loads); and strings far longer than any answer
 * (pdf-lib's parser takes about 40 bytes of memory per character of a string).
 */
import { LIMITS } from '../answers/limits.js';
import { byteText, inflateWithin } from './raw-bytes.js';

/**
 * What import inflates and reads. A fillable worksheet of the longest answers inflates to about
 * 1 MB in all, its largest stream to about 0.2 MB. A string may hold an answer of
 * LIMITS.textChars characters stored as UTF-16 with every byte an octal escape.
 */
export const PDF_LIMITS = {
  streamBytes: 16 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  stringChars: LIMITS.textChars * 2 * 2 * 4 + 16,
} as const;

const MIB = 1024 * 1024;

/** The first reason not to parse these bytes, or undefined. */
export function pdfHazard(pdf: Uint8Array): string | undefined {
  const text = byteText(pdf);
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(text)) {
    return 'the PDF is encrypted (it has a password or security settings), and import reads only unencrypted forms; open it in a PDF reader, remove the security (in Acrobat: File > Properties > Security > No Security), save it, and import the saved copy';
  }
  let inflatedTotal = 0;
  return scan(text, (start, end, dictionary) => {
    const limit = Math.min(PDF_LIMITS.streamBytes, PDF_LIMITS.totalBytes - inflatedTotal);
    const inflated = inflateWithin(pdf.subarray(start, end), limit);
    if (inflated === 'too large') {
      const where = limit === PDF_LIMITS.streamBytes ? `${PDF_LIMITS.streamBytes / MIB} MiB in one stream` : `${PDF_LIMITS.totalBytes / MIB} MiB in all`;
      return `the PDF holds compressed data that expands past ${where}, far more than a worksheet form holds; it is not a form from pln-worksheets, or it is damaged`;
    }
    if (inflated === undefined) return undefined; // Not deflate data (an image, an uncompressed stream): pdf-lib does not inflate it either.
    inflatedTotal += inflated.byteLength;
    // An object stream's objects are parsed like the file's own: their strings count too.
    return /\/Type\s*\/ObjStm\b/.test(dictionary) ? scan(byteText(inflated), () => undefined) : undefined;
  });
}

/**
 * Reads PDF object syntax: comments, strings and streams, so that a string is never mistaken for
 * a stream or the other way round. Calls `onStream` with each stream's data range and dictionary.
 */
function scan(text: string, onStream: (start: number, end: number, dictionary: string) => string | undefined): string | undefined {
  let lastObject = 0;
  let i = 0;
  while (i < text.length) {
    const char = text.charCodeAt(i);
    if (char === 0x25 /* % */) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (char === 0x28 /* ( */) {
      const end = endOfLiteral(text, i);
      if (end - i > PDF_LIMITS.stringChars) return longString(end - i);
      i = end;
    } else if (char === 0x3c /* < */ && text[i + 1] !== '<') {
      const close = text.indexOf('>', i);
      const end = close < 0 ? text.length : close + 1;
      if (end - i > PDF_LIMITS.stringChars) return longString(end - i);
      i = end;
    } else if (char === 0x6f /* o */ && text.startsWith('obj', i) && !isRegular(text.charCodeAt(i - 1)) && !isRegular(text.charCodeAt(i + 3))) {
      lastObject = i;
      i += 3;
    } else if (char === 0x73 /* s */ && text.startsWith('stream', i) && !isRegular(text.charCodeAt(i - 1)) && /^stream\r?\n/.test(text.slice(i, i + 8))) {
      const start = i + (text[i + 6] === '\r' ? 8 : 7);
      const found = text.indexOf('endstream', start);
      const end = found < 0 ? text.length : found;
      const problem = onStream(start, end, text.slice(lastObject, i));
      if (problem) return problem;
      i = found < 0 ? text.length : end + 'endstream'.length;
    } else i++;
  }
  return undefined;
}

/** The index just past a literal string starting at `open` (balanced parentheses, backslash escapes). */
function endOfLiteral(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Not white space and not a delimiter (PDF's "regular" characters, which make up keywords). */
function isRegular(code: number): boolean {
  if (Number.isNaN(code)) return false;
  return !' \t\n\r\f\0()<>[]{}/%'.includes(String.fromCharCode(code));
}

function longString(chars: number): string {
  return `the PDF holds a text of ${chars.toLocaleString('en-US')} characters, far longer than any answer (the limit is ${LIMITS.textChars.toLocaleString('en-US')} characters); it is not a form from pln-worksheets, or it is damaged`;
}

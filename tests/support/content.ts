/**
 * The learner-visible content of a filled PDF, with the page furniture taken out, so that an answer
 * that flows from one page to the next reads as one string again.
 */
import type { Copy } from '../../src/copy/copy.js';
import { SHEETS, type SheetId } from '../../src/worksheets/index.js';
import { prepareText, textDirection } from '../../src/pdf/unicode/index.js';
import { pdfLines, type PageLine } from './pdf.js';

/** Strings that repeat at the top of a continuation page: section numbers and headings, table column labels. */
function repeatedChrome(copy: Copy): Set<string> {
  const chrome = new Set<string>([copy.text('common.continued')]);
  for (const id of Object.keys(SHEETS) as SheetId[]) {
    const sheet = SHEETS[id];
    sheet.pages.flat().forEach((section, index) => {
      chrome.add(String(index + 1));
      chrome.add(copy.text(section.heading));
      chrome.add(`${copy.text(section.heading)} ${copy.text('common.continued')}`);
      for (const item of section.items) {
        for (const field of item.kind === 'row' ? item.fields : [item]) {
          if (field.kind === 'table') for (const column of field.columns) chrome.add(copy.text(column.label));
        }
      }
    });
  }
  return chrome;
}

/**
 * Per page: drops the header (up to the "Session" label and the session number under it) and the
 * footer (from the footer's sheet line on), and the repeated headings at the top of the content.
 */
export async function learnerContent(pdf: Uint8Array | PageLine[][], copy: Copy): Promise<string> {
  const sessionLabel = copy.text('common.header.session');
  const chrome = repeatedChrome(copy);
  const footerStart = new Set(
    (Object.keys(SHEETS) as SheetId[]).map((id) =>
      copy.text('common.footer.sheet', { product: copy.text('common.product'), sheet: { title: copy.text(SHEETS[id].title) } }),
    ),
  );
  const pages = pdf instanceof Uint8Array ? await pdfLines(pdf) : pdf;
  return pages
    .map((lines) => {
      const texts = lines.map((line) => line.text.trim());
      const label = texts.indexOf(sessionLabel);
      let start = label + 1;
      // The session number sits in the header's last column, right of every body line's start.
      if (label >= 0) while (start < lines.length && lines[start]!.bbox[0] >= lines[label]!.bbox[0] - 1) start += 1;
      let end = texts.length;
      for (let i = texts.length - 1; i >= start; i--) {
        if (footerStart.has(texts[i]!)) {
          end = i;
          break;
        }
      }
      let body = texts.slice(start, end);
      while (body.length > 0 && chrome.has(body[0]!.replace(/\s+/gu, ' '))) body = body.slice(1);
      return body.join('\n');
    })
    .join('\n');
}

/**
 * Comparable form: compatibility-decomposed (ligatures), without whitespace, without combining
 * marks and without format characters. The marks are drawn (the pixel baselines show them) but a
 * mark the font's shaping splits off a letter has no Unicode mapping in the PDF: "Thị" extracts as
 * "Thi" plus U+FFFD. Format characters (bidi controls, ZWJ, ZWNJ) are invisible: extraction keeps
 * some and drops others.
 */
export function comparable(text: string): string {
  return text.normalize('NFKD').replace(/[\s\p{M}\p{Cf}\uFFFD]+/gu, '');
}

/** Right-to-left letters, and the controls that lay out any text right to left (RLE, RLO, RLI, RLM, ALM). */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\u202B\u202E\u2067\u200F\u061C]/u;

/** Whether some run of `haystack` as long as `needle` holds exactly its characters, in any order. */
function containsAnagram(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  const counts = new Map<string, number>();
  let unmatched = 0;
  const add = (char: string, delta: number) => {
    const before = counts.get(char) ?? 0;
    const after = before + delta;
    counts.set(char, after);
    if (before === 0) unmatched += 1;
    if (after === 0) unmatched -= 1;
  };
  for (const char of needle) add(char, 1);
  for (let i = 0; i < haystack.length; i++) {
    add(haystack[i]!, -1);
    if (i >= needle.length) add(haystack[i - needle.length]!, 1);
    if (i >= needle.length - 1 && unmatched === 0) return true;
  }
  return false;
}

/** The last haystack made comparable: a packet's strings are all looked for in the same text. */
let lastHaystack: { raw: string; scriptsOnly: boolean; have: string } | undefined;
function comparableHaystack(raw: string, scriptsOnly: boolean, keep: (s: string) => string): string {
  if (lastHaystack?.raw !== raw || lastHaystack.scriptsOnly !== scriptsOnly) lastHaystack = { raw, scriptsOnly, have: comparable(keep(raw)) };
  return lastHaystack.have;
}

/**
 * Whether `text` is in the extracted `raw` text, whole. Text extraction reads each line left to
 * right, so text with right-to-left runs comes back in visual order (and Arabic ligatures' letters
 * swapped): such a text is found when its characters stand together, in whatever order.
 */
export function found(text: string, raw: string, scriptsOnly = false, prepare: (text: string) => string = prepareText): boolean {
  const keep = (s: string) => (scriptsOnly ? [...s].filter((char) => SUPPORTED.test(char)).join('') : s);
  const expected = comparable(keep(prepare(text)));
  const have = comparableHaystack(raw, scriptsOnly, keep);
  if (have.includes(expected)) return true;
  // Laid out right to left, brackets are mirrored: "(" prints as ")".
  const unmirrored = (chars: string) => [...chars.replace(/[()[\]{}<>（）［］｛｝＜＞«»‹›]/gu, '(')];
  return (RTL.test(text) || textDirection(text) === 'rtl') && containsAnagram(unmirrored(have), unmirrored(expected));
}

/**
 * The characters of the scripts the worksheets promise (docs/answers-format.md) plus ASCII. For
 * arbitrary code points (rare symbols, historic scripts) the text layer depends on the extractor:
 * MuPDF maps some Arabic presentation forms to unrelated code points and drops the plane of
 * characters beyond U+FFFF (U+1079B extracts as U+079B) where poppler reads them right. Those are
 * drawn (or shown as placeholders) but not compared.
 */
const SUPPORTED =
  /^(?![\uFB50-\uFDFF\uFE70-\uFEFF\u{10000}-\u{10FFFF}])[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\x21-\x7e]$/u;

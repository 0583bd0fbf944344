/**
 * The learner-visible content of a filled PDF, with the page furniture taken out, so that an answer
 * that flows from one page to the next reads as one string again.
 */
import type { Copy } from '../../src/copy/copy.js';
import { SHEETS, type SheetId } from '../../src/worksheets/index.js';
import { pdfLines } from './pdf.js';

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
export async function learnerContent(pdf: Uint8Array, copy: Copy): Promise<string> {
  const sessionLabel = copy.text('common.header.session');
  const chrome = repeatedChrome(copy);
  const footerStart = new Set(
    (Object.keys(SHEETS) as SheetId[]).map((id) =>
      copy.text('common.footer.sheet', { product: copy.text('common.product'), sheet: { title: copy.text(SHEETS[id].title) } }),
    ),
  );
  const pages = await pdfLines(pdf);
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
 * Comparable form: compatibility-decomposed (ligatures), without whitespace and without combining
 * marks. The marks are drawn (the pixel baselines show them) but a mark the font's shaping splits
 * off a letter has no Unicode mapping in the PDF: "Thị" extracts as "Thi" plus U+FFFD.
 */
export function comparable(text: string): string {
  return text.normalize('NFKD').replace(/[\s\p{M}\uFFFD]+/gu, '');
}

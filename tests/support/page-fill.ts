/**
 * How much of each page's writing area a PDF's content uses, measured from the drawn pixels
 * (MuPDF as WebAssembly: no system tools).
 *
 * The writing area of a sheet page runs from the header's answer lines (the first pixel row inked
 * across most of the content width) to the footer's rule (the last such row). Content extent is
 * how far down that area the lowest drawn pixel above the footer reaches, as a share of it.
 */
import * as mupdf from 'mupdf';
import { pdfLines } from './pdf.js';

export interface PageFill {
  /** 1-based page number in the PDF. */
  page: number;
  /** Share (0..1) of the writing area from its top down to the lowest drawn content. */
  extent: number;
  /** The footer's sheet line ("PLN worksheets · Goal sheet"): pages of one sheet share it. */
  sheetLine: string;
  /** The next page belongs to another sheet, or there is none. */
  lastOfSheet: boolean;
}

/** Resolution of the measurement: 2 pixels per point, so a 0.6 pt rule still inks a row. */
const DPI = 144;
/** A row counts as a rule across the page when this share of the content width is inked. */
const RULE_SHARE = 0.85;
/** Anything darker than this on any channel is ink (antialiased hairlines included). */
const INK = 235;
/** Space between the header's cells, in points. */
const HEADER_GAP = 8;

export async function pageFills(pdf: Uint8Array, contentLeft: number, contentRight: number): Promise<PageFill[]> {
  const lines = await pdfLines(pdf);
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const fills: Omit<PageFill, 'lastOfSheet'>[] = [];
  try {
    const scale = DPI / 72;
    for (let index = 0; index < doc.countPages(); index++) {
      const page = doc.loadPage(index);
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
      try {
        const width = pixmap.getWidth();
        const height = pixmap.getHeight();
        const pixels = pixmap.getPixels();
        const left = Math.round(contentLeft * scale);
        const right = Math.round(contentRight * scale);
        const inked = (y: number): number => {
          let count = 0;
          for (let x = left; x < right; x++) {
            const at = (y * width + x) * 3;
            if (pixels[at]! < INK || pixels[at + 1]! < INK || pixels[at + 2]! < INK) count += 1;
          }
          return count;
        };
        const rows = Array.from({ length: height }, (_, y) => inked(y));
        const isRule = (y: number, from: number, to: number, share: number): boolean => {
          let count = 0;
          for (let x = Math.round(from * scale); x < Math.round(to * scale); x++) {
            const at = (y * width + x) * 3;
            if (pixels[at]! < INK || pixels[at + 1]! < INK || pixels[at + 2]! < INK) count += 1;
          }
          return count >= share * (to - from) * scale;
        };
        // The footer's rule: the lowest row inked across the content width.
        let bottom = rows.findLastIndex((count) => count >= RULE_SHARE * (right - left));
        while (bottom > 0 && rows[bottom - 1]! >= RULE_SHARE * (right - left)) bottom -= 1;
        // The header: a row of labels along the top margin, each over its answer line. The
        // writing area starts below the lowest answer line (a wrapped value pushes its line down).
        const pageLines = lines[index] ?? [];
        const firstTop = Math.min(...pageLines.map((line) => line.bbox[1]));
        const labels = pageLines.filter((line) => line.bbox[1] - firstTop < 2).sort((a, b) => a.bbox[0] - b.bbox[0]);
        let top = 0;
        labels.forEach((label, cell) => {
          const cellRight = (labels[cell + 1]?.bbox[0] ?? contentRight + HEADER_GAP) - HEADER_GAP;
          let y = Math.ceil(label.bbox[3] * scale);
          while (y < bottom && !isRule(y, label.bbox[0], cellRight, RULE_SHARE)) y += 1;
          while (y < bottom && isRule(y + 1, label.bbox[0], cellRight, RULE_SHARE)) y += 1;
          top = Math.max(top, y);
        });
        if (labels.length < 2 || bottom <= top) throw new Error(`page ${index + 1}: no header and footer found`);
        let lowest = top;
        for (let y = bottom - 1; y > top; y--) {
          if (rows[y]! > 0) {
            lowest = y;
            break;
          }
        }
        const footerTop = bottom / scale;
        const sheetLine = (lines[index] ?? [])
          .filter((line) => line.bbox[1] > footerTop)
          .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0])[0]
          // The page number may share the line: it differs page to page, the sheet does not.
          ?.text.replace(/\d+/gu, '#').trim() ?? '';
        fills.push({ page: index + 1, extent: (lowest - top) / (bottom - top), sheetLine });
      } finally {
        pixmap.destroy();
        page.destroy();
      }
    }
  } finally {
    doc.destroy();
  }
  return fills.map((fill, index) => ({ ...fill, lastOfSheet: fills[index + 1]?.sheetLine !== fill.sheetLine }));
}

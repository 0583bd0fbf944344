import { loadCopy, builtInTemplatesDir } from './copy/load.js';
import { renderWorksheetPdf } from './pdf/render.js';
import type { Paper } from './pdf/paper.js';
import { sheetsInOrder, SHEET_IDS, type SheetId } from './worksheets/index.js';
import { productVersion } from './version.js';

export interface BlankOptions {
  /** Which sheets, in any order; they print in packet order. Default: all three. */
  sheets?: readonly SheetId[];
  paper?: Paper;
  locale?: string;
  templatesDir?: string;
  /** The date written into the PDF; fixed so reruns give the same bytes. */
  date?: Date;
}

/** The default PDF date: SOURCE_DATE_EPOCH is read by the CLI edge and passed in as `date`. */
export const DEFAULT_PDF_DATE = new Date(Date.UTC(2026, 0, 1));

/** Blank worksheets for printing: the three sheets (or the chosen ones) as one PDF. */
export async function renderBlank(options: BlankOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? 'en';
  const copy = await loadCopy(locale, options.templatesDir ?? builtInTemplatesDir);
  const sheets = sheetsInOrder(options.sheets ?? SHEET_IDS);
  const titles = sheets.map((sheet) => copy.text(sheet.title));
  return renderWorksheetPdf({
    sheets,
    copy,
    paper: options.paper ?? 'letter',
    metadata: {
      title: `${copy.text('common.product')}: ${titles.join(', ')}`,
      subject: copy.text('common.product'),
      author: 'pln-worksheets',
      creator: `pln-worksheets ${productVersion}`,
      language: locale,
      date: options.date ?? DEFAULT_PDF_DATE,
    },
  });
}

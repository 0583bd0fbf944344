/** The PDF, made in the page by the core's own API and document code. */
import type { Answers } from '../answers/schema.js';
import { DEFAULT_PDF_DATE, renderBlank, renderFilled } from '../api.js';
import { planLearnerText, stringsOf } from '../pdf/learner-text.js';
import type { Paper } from '../pdf/paper.js';
import { READER_FONT_FAMILY } from '../pdf/fillable/reader-font.js';
import type { SheetId } from '../worksheets/model.js';
import { ensureFonts } from './fonts.js';
import { ensurePdfLib } from './pdf-lib-loader.js';

export interface PdfRequest {
  answers: Answers;
  locale: string;
  paper: Paper;
  /** Which sheets; default, as `fill`: the sheets with answers. */
  sheets?: SheetId[];
}

/** The filled PDF, as `pln-worksheets fill` makes it from the same answers. */
export async function filledPdf(request: PdfRequest): Promise<Uint8Array> {
  await ensureFonts(planLearnerText(stringsOf(request.answers)).families);
  return renderFilled(request.answers, { locale: request.locale, paper: request.paper, sheets: request.sheets, date: DEFAULT_PDF_DATE });
}

/**
 * The fillable PDF, as `pln-worksheets fill --fillable` makes it from the same answers: fields
 * prefilled with them. pdf-lib and the readers' typing font load only now, on first use.
 */
export async function fillablePdf(request: PdfRequest): Promise<Uint8Array> {
  await Promise.all([ensureFonts([...planLearnerText(stringsOf(request.answers)).families, READER_FONT_FAMILY]), ensurePdfLib()]);
  return renderFilled(request.answers, { locale: request.locale, paper: request.paper, sheets: request.sheets, date: DEFAULT_PDF_DATE, fillable: true });
}

/** The blank set, as `pln-worksheets blank` makes it: the three sheets, nothing filled in. */
export function blankPdf(request: Pick<PdfRequest, 'locale' | 'paper'>): Promise<Uint8Array> {
  return renderBlank({ locale: request.locale, paper: request.paper, date: DEFAULT_PDF_DATE });
}

/**
 * Runs one job at a time and, while one runs, keeps only the newest waiting (a preview asked for
 * during a render replaces the one asked for before it).
 */
export function latestOnly<T>(run: (job: T) => Promise<void>): (job: T) => void {
  let running = false;
  let waiting: { job: T } | undefined;
  const next = async (): Promise<void> => {
    if (running || !waiting) return;
    const { job } = waiting;
    waiting = undefined;
    running = true;
    try {
      await run(job);
    } finally {
      running = false;
      void next();
    }
  };
  return (job) => {
    waiting = { job };
    void next();
  };
}

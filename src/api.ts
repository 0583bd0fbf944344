import type { Answers } from './answers/schema.js';
import { loadCopy, builtInTemplatesDir } from './copy/load.js';
import type { Copy } from './copy/copy.js';
import type { HeaderValues } from './pdf/components/frame.js';
import { planLearnerText, stringsOf } from './pdf/learner-text.js';
import { renderWorksheetPdf } from './pdf/render.js';
import type { MissingCharacter } from './pdf/unicode/index.js';
import type { Paper } from './pdf/paper.js';
import { sheetsInOrder, SHEET_IDS, type SheetId } from './worksheets/index.js';
import { sheetsWithAnswers } from './worksheets/values.js';
import { productVersion } from './version.js';

export interface RenderSettings {
  paper?: Paper;
  locale?: string;
  templatesDir?: string;
  /** The date written into the PDF; fixed so reruns give the same bytes. */
  date?: Date;
}

export interface BlankOptions extends RenderSettings {
  /** Which sheets, in any order; they print in packet order. Default: all three. */
  sheets?: readonly SheetId[];
}

export interface FillOptions extends RenderSettings {
  /** Which sheets; default: the sheets the answers file has answers for (all three if none). */
  sheets?: readonly SheetId[];
}

/** The default PDF date: SOURCE_DATE_EPOCH is read by the CLI edge and passed in as `date`. */
export const DEFAULT_PDF_DATE = new Date(Date.UTC(2026, 0, 1));

/** Blank worksheets for printing: the three sheets (or the chosen ones) as one PDF. */
export async function renderBlank(options: BlankOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir ?? builtInTemplatesDir);
  const sheets = sheetsInOrder(options.sheets ?? SHEET_IDS);
  return renderWorksheetPdf({
    sheets,
    copy,
    paper: options.paper ?? 'letter',
    metadata: metadataFor(copy, sheets.map((sheet) => copy.text(sheet.title)), options),
  });
}

/** One learner's filled worksheets; a chosen sheet without answers prints blank. */
export async function renderFilled(answers: Answers, options: FillOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir ?? builtInTemplatesDir);
  const chosen = options.sheets ?? sheetsWithAnswers(answers);
  const sheets = sheetsInOrder(chosen.length > 0 ? chosen : SHEET_IDS);
  const metadata = metadataFor(copy, [answers.learner.name], options);
  const learnerText = planLearnerText(stringsOf(answers));
  return renderWorksheetPdf({
    sheets,
    copy,
    paper: options.paper ?? 'letter',
    answers,
    families: learnerText.families,
    learnerText: learnerText.style,
    header: headerValues(answers),
    metadata: { ...metadata, author: answers.learner.name || metadata.author },
  });
}

/**
 * Characters in the answers that no bundled font has (emoji, say): they print as a visible
 * placeholder, and the CLI reports each by name.
 */
export function missingCharacters(answers: Answers): MissingCharacter[] {
  return planLearnerText(stringsOf(answers)).missing;
}

export function headerValues(answers: Answers): HeaderValues {
  return {
    name: answers.learner.name,
    program: answers.learner.program,
    coach: answers.coach?.name,
    date: answers.session?.date,
    session: answers.session?.number !== undefined ? String(answers.session.number) : undefined,
  };
}

function metadataFor(copy: Copy, titleParts: string[], options: RenderSettings) {
  return {
    title: `${copy.text('common.product')}: ${titleParts.join(', ')}`,
    subject: copy.text('common.product'),
    author: 'pln-worksheets',
    creator: `pln-worksheets ${productVersion}`,
    language: options.locale ?? 'en',
    date: options.date ?? DEFAULT_PDF_DATE,
  };
}

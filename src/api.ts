import type { Answers } from './answers/schema.js';
import { loadCopy } from './copy/load.js';
import { formatDate, formatNumber } from './copy/format.js';
import type { TemplateVariables } from './copy/variables.js';

export { formatDate } from './copy/format.js';
import type { Branding } from './pdf/branding.js';
import type { Copy } from './copy/copy.js';
import type { HeaderValues } from './pdf/components/frame.js';
import { planLearnerText, stringsOf } from './pdf/learner-text.js';
import { nameCharacters, type MissingCharacter } from './pdf/unicode/index.js';
import type { Paper } from './pdf/paper.js';
import type { RenderOptions } from './pdf/render.js';
import { sheetsInOrder, SHEET_IDS, type SheetId } from './worksheets/index.js';
import { sheetsWithAnswers } from './worksheets/values.js';
import { productVersion } from './version.js';
export { completenessReport, isAnswered, type CompletenessReport, type SheetReport, type SectionReport, type FieldStatus, type Recommendation } from './answers/report.js';
export { nextSession, type NextSessionOptions } from './answers/next-session.js';

export interface RenderSettings {
  paper?: Paper;
  /** Language of the sheets' words (a folder of templates/); default `en`. */
  locale?: string;
  /** An override folder with the layout of templates/: its files replace the built-in copy key by key. */
  templatesDir?: string;
  /** Institution name, logo and accent colour (from the config file). */
  branding?: Branding;
  /** The date written into the PDF; fixed so reruns give the same bytes. */
  date?: Date;
  /**
   * A fillable PDF: every answer space a form field, named by its answers path, which `import`
   * (importAnswers) reads back. Filled, the answers prefill the fields.
   */
  fillable?: boolean;
}

export interface BlankOptions extends RenderSettings {
  /** Which sheets, in any order; they print in packet order. Default: all three. */
  sheets?: readonly SheetId[];
}

export interface FillOptions extends RenderSettings {
  /** Told, before rendering, which characters of the answers print as a placeholder (no bundled font has them). */
  onMissingCharacters?: (missing: MissingCharacter[]) => void;
  /** Which sheets; default: the sheets the answers file has answers for (all three if none). */
  sheets?: readonly SheetId[];
}

/**
 * React-PDF, loaded when a document is drawn: importing the API (as the CLI and the bundle's main
 * thread do) does not load the renderer.
 */
async function renderWorksheetPdf(options: RenderOptions): Promise<Uint8Array> {
  const { renderWorksheetPdf: render } = await import('./pdf/render.js');
  return render(options);
}

/** The default PDF date: SOURCE_DATE_EPOCH is read by the CLI edge and passed in as `date`. */
export const DEFAULT_PDF_DATE = new Date(Date.UTC(2026, 0, 1));

/** Blank worksheets for printing: the three sheets (or the chosen ones) as one PDF. */
export async function renderBlank(options: BlankOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir);
  const sheets = sheetsInOrder(options.sheets ?? SHEET_IDS);
  return renderWorksheetPdf({
    sheets,
    copy,
    branding: options.branding,
    paper: options.paper ?? 'letter',
    fillable: options.fillable,
    metadata: metadataFor(copy, sheets.map((sheet) => copy.text(sheet.title)), options),
  });
}

/** One learner's filled worksheets; a chosen sheet without answers prints blank. */
export async function renderFilled(answers: Answers, options: FillOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir);
  const chosen = options.sheets ?? sheetsWithAnswers(answers);
  const sheets = sheetsInOrder(chosen.length > 0 ? chosen : SHEET_IDS);
  const metadata = metadataFor(copy, [answers.learner.name], options);
  const learnerText = planLearnerText(stringsOf(answers));
  if (options.onMissingCharacters) options.onMissingCharacters(await nameCharacters(learnerText.missing));
  const header = headerValues(answers, copy.locale);
  return renderWorksheetPdf({
    sheets,
    copy,
    paper: options.paper ?? 'letter',
    answers,
    fillable: options.fillable,
    branding: options.branding,
    variables: learnerVariables(answers, header),
    families: learnerText.families,
    learnerText: learnerText.style,
    header,
    metadata: { ...metadata, author: answers.learner.name || metadata.author },
  });
}

/**
 * Characters in the answers that no bundled font has (emoji, say): they print as a visible
 * placeholder, and the CLI reports each by name.
 */
export async function missingCharacters(answers: Answers): Promise<MissingCharacter[]> {
  return nameCharacters(planLearnerText(stringsOf(answers)).missing);
}

/**
 * The answers in a fillable PDF made by renderBlank/renderFilled with `fillable` and filled in a
 * reader. `source` names the PDF in error messages.
 * @throws ImportError (one message per line) for a file that is not a PDF, is damaged, is not one
 *   of our forms, or holds answers that do not validate.
 */
export async function importAnswers(pdf: Uint8Array, source?: string): Promise<Answers> {
  const { importAnswers: read } = await import('./import/index.js');
  return read(pdf, source);
}

export function headerValues(answers: Answers, locale = 'en'): HeaderValues {
  return {
    name: answers.learner.name,
    program: answers.learner.program,
    coach: answers.coach?.name,
    date: answers.session?.date ? formatDate(answers.session.date, locale) : undefined,
    session: answers.session?.number !== undefined ? formatNumber(locale, answers.session.number) : undefined,
  };
}

/** The learner's details as template variables (a school may print them in its own copy). */
function learnerVariables(answers: Answers, header: HeaderValues): Partial<TemplateVariables> {
  return {
    learner: { name: answers.learner.name, program: answers.learner.program ?? '' },
    coach: { name: answers.coach?.name ?? '' },
    session: { date: header.date ?? '', number: header.session ?? '' },
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

import type { BundleOptions, PacketInput } from './bundle/model.js';
import type { BundleResult } from './bundle/render.js';
export type { BundleOptions, BundleLayout, PacketInput, PacketPlacement, SheetPlacement } from './bundle/model.js';
export type { BundleResult } from './bundle/render.js';

/**
 * Many packets in one PDF (a handbook appendix, a workshop pack): a title page, a contents page
 * whose entries link to their pages, an outline per packet and sheet, optional page labels, and
 * each packet numbered "page x of y" within itself. See src/bundle/render.ts.
 */
export async function renderBundle(packets: readonly PacketInput[], options: BundleOptions = {}): Promise<Uint8Array> {
  return (await renderBundleWithLayout(packets, options)).pdf;
}

/** renderBundle, also telling where each packet and sheet landed (page numbers and labels). */
export async function renderBundleWithLayout(packets: readonly PacketInput[], options: BundleOptions = {}): Promise<BundleResult> {
  // Loaded on first use: the bundle code imports this module (headerValues).
  const { renderBundleWithLayout: render } = await import('./bundle/render.js');
  return render(packets, { ...options, date: options.date ?? DEFAULT_PDF_DATE });
}

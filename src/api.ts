import type { Answers } from './answers/schema.js';
import type { BundleOptions, BundleResult, PacketInput } from './bundle/model.js';
import type { PacketFile } from './bundle/split.js';
import type { ByteSink } from './io/sink.js';
import type { Copy } from './copy/copy.js';
import { loadCopy } from './copy/load.js';
import { planPacket, stringsOf, type PlannedPacket } from './packet/plan.js';
import type { Branding } from './pdf/branding.js';
import type { DocumentMetadata } from './pdf/document.js';
import { planLearnerText, type LearnerTextPlan } from './pdf/learner-text.js';
import type { Paper } from './pdf/paper.js';
import type { PacketSettings } from './pdf/render.js';
import { nameCharacters, type MissingCharacter } from './pdf/unicode/index.js';
import type { SheetId } from './worksheets/index.js';
import { productVersion } from './version.js';

export { formatDate } from './copy/format.js';
export { headerValues, planPacket, type PacketSource, type PlannedPacket } from './packet/plan.js';
export type { PacketFile } from './bundle/split.js';
export type { BundleOptions, BundleLayout, BundleResult, BundleStats, PacketInput, PacketPlacement, SheetPlacement } from './bundle/model.js';
export { completenessReport, isAnswered, type CompletenessReport, type SheetReport, type SectionReport, type FieldStatus, type Recommendation } from './answers/report.js';
export { nextSession, type NextSessionOptions } from './answers/next-session.js';
export type { StoredAnswers } from './answers/stored.js';

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
async function renderPacket(plan: PlannedPacket, settings: PacketSettings): Promise<Uint8Array> {
  const { renderPacket: render } = await import('./pdf/render.js');
  return render(plan, settings);
}

/** The default PDF date: SOURCE_DATE_EPOCH is read by the CLI edge and passed in as `date`. */
export const DEFAULT_PDF_DATE = new Date(Date.UTC(2026, 0, 1));

/** Blank worksheets for printing: the three sheets (or the chosen ones) as one PDF. */
export async function renderBlank(options: BlankOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir);
  const plan = planPacket({ kind: 'blank' }, copy.locale, options.sheets);
  const metadata = metadataFor(copy, plan.sheets.map((sheet) => copy.text(sheet.title)), options);
  return renderPacket(plan, packetSettings(copy, metadata, options));
}

/** One learner's filled worksheets; a chosen sheet without answers prints blank. */
export async function renderFilled(answers: Answers, options: FillOptions = {}): Promise<Uint8Array> {
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir);
  const plan = planPacket({ kind: 'learner', answers }, copy.locale, options.sheets);
  const text = planLearnerText(plan.texts);
  if (options.onMissingCharacters) options.onMissingCharacters(await nameCharacters(text.missing));
  const metadata = metadataFor(copy, [answers.learner.name], options);
  return renderPacket(plan, packetSettings(copy, { ...metadata, author: answers.learner.name || metadata.author }, options, text));
}

function packetSettings(copy: Copy, metadata: DocumentMetadata, options: RenderSettings, text?: LearnerTextPlan): PacketSettings {
  return { copy, metadata, paper: options.paper ?? 'letter', branding: options.branding, fillable: options.fillable, ...(text ? { text } : {}) };
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

function metadataFor(copy: Copy, titleParts: string[], options: RenderSettings): DocumentMetadata {
  return {
    title: `${copy.text('common.product')}: ${titleParts.join(', ')}`,
    subject: copy.text('common.product'),
    author: 'pln-worksheets',
    creator: `pln-worksheets ${productVersion}`,
    language: options.locale ?? 'en',
    date: options.date ?? DEFAULT_PDF_DATE,
  };
}

/**
 * Many packets in one PDF (a handbook appendix, a workshop pack): a title page, a contents page
 * whose entries link to their pages, an outline per packet and sheet, optional page labels, and
 * each packet numbered "page x of y" within itself. See src/bundle/render.ts.
 */
export async function renderBundle(packets: readonly PacketInput[], options: BundleOptions = {}): Promise<Uint8Array> {
  return (await renderBundleWithLayout(packets, options)).pdf;
}

/**
 * A bundle's packets each as a PDF of their own (what `bundle --split` writes), made and cached as
 * a bundle's are; with `fillable`, each a form that `import` reads back.
 */
export async function renderPacketFiles(packets: readonly PacketInput[], options: BundleOptions & { fillable?: boolean } = {}): Promise<PacketFile[]> {
  const { renderPacketFiles: render } = await import('./bundle/split.js');
  return render(packets, { ...options, date: options.date ?? DEFAULT_PDF_DATE });
}

/**
 * renderPacketFiles one file at a time: `deliver` gets each packet's PDF in order as it is made
 * (to write it, say), and only a few packets are held in memory at once, however large the cohort.
 */
export async function eachPacketFile(
  packets: readonly PacketInput[],
  options: BundleOptions & { fillable?: boolean },
  deliver: (file: PacketFile, index: number) => Promise<void>,
): Promise<void> {
  const { eachPacketFile: each } = await import('./bundle/split.js');
  return each(packets, { ...options, date: options.date ?? DEFAULT_PDF_DATE }, deliver);
}

/** renderBundle, also telling where each packet and sheet landed (page numbers and labels). */
export async function renderBundleWithLayout(packets: readonly PacketInput[], options: BundleOptions = {}): Promise<BundleResult> {
  // Loaded on first use: `fill` and `blank` do not need the bundle code.
  const { renderBundleWithLayout: render } = await import('./bundle/render.js');
  return render(packets, { ...options, date: options.date ?? DEFAULT_PDF_DATE });
}

/**
 * renderBundleWithLayout, writing the PDF to `sink` as it is made instead of returning it: memory
 * then stays flat whatever the number of packets (the CLI streams into its temporary file).
 */
export async function writeBundle(packets: readonly PacketInput[], sink: ByteSink, options: BundleOptions = {}): Promise<Omit<BundleResult, 'pdf'>> {
  const { writeBundle: write } = await import('./bundle/render.js');
  return write(packets, { ...options, date: options.date ?? DEFAULT_PDF_DATE }, sink);
}

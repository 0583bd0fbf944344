/**
 * One packet to render, as plain data: what a worker thread receives (structured clone), what
 * the packet cache hashes, and what `renderJob` turns into the packet's PDF. Everything that
 * changes a packet's bytes is in a job or in its `RenderEnv`, nothing else (see cache.ts).
 */
import type { Answers } from '../answers/schema.js';
import type { Copy } from '../copy/copy.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { Branding } from '../pdf/branding.js';
import type { HeaderValues } from '../pdf/components/frame.js';
import type { DocumentMetadata } from '../pdf/document.js';
import { planLearnerText } from '../pdf/learner-text.js';
import type { Paper } from '../pdf/paper.js';
import { sheetsInOrder, type SheetId } from '../worksheets/index.js';
import { frontMatterPages, type FrontMatterProps } from './front.js';
import { renderPacket, renderPages } from '../pdf/render.js';
import { sheetMarker } from './model.js';

/** What every packet of a bundle shares. */
export interface RenderEnv {
  paper: Paper;
  locale: string;
  templatesDir?: string;
  branding?: Branding;
}

export interface PacketJob {
  sheets: SheetId[];
  header?: HeaderValues;
  variables?: Partial<TemplateVariables>;
  answers?: Answers;
  /** The texts whose scripts choose the packet's fonts (the answers, or a participant's name). */
  texts: string[];
  /**
   * A packet that is a file of its own (`bundle --split`): its own metadata, no sheet markers,
   * and, when fillable, form fields. Absent for a packet that goes into a bundle.
   */
  standalone?: { metadata: DocumentMetadata; fillable: boolean };
}

/**
 * The bundle's title page and contents, as plain data, so that a warm worker can draw them while
 * this thread does not load the renderer at all. The texts given by people (title, names)
 * choose the fonts.
 */
export interface FrontJob {
  kind: 'front';
  props: Omit<FrontMatterProps, 'text'>;
  texts: string[];
  metadata: DocumentMetadata;
}

/** What a bundle worker is given: a packet, or the front matter. */
export type WorkerJob = PacketJob | FrontJob;

export function isFrontJob(job: WorkerJob): job is FrontJob {
  return 'kind' in job && job.kind === 'front';
}

/** Renders the front matter (see front.tsx). */
export function renderFrontJob(job: FrontJob): Promise<Uint8Array> {
  const text = planLearnerText(job.texts);
  return renderPages(frontMatterPages({ ...job.props, text: text.style }), job.metadata, text.families);
}

/**
 * The metadata written into a packet's own PDF. The assembler keeps only its pages, so none of it
 * reaches the bundle: it is fixed, so that a packet's bytes (and its cache entry) do not depend on
 * the bundle's title or date.
 */
export function packetMetadata(locale: string): DocumentMetadata {
  return { title: 'packet', subject: 'packet', author: 'pln-worksheets', creator: 'pln-worksheets', language: locale, date: new Date(Date.UTC(2026, 0, 1)) };
}

/**
 * Renders one packet as a PDF of its own: its footers number its pages "page x of y" within the
 * packet, and each sheet's first page carries its marker for the assembler.
 */
export function renderJob(env: RenderEnv, copy: Copy, job: PacketJob): Promise<Uint8Array> {
  const plan = { sheets: sheetsInOrder(job.sheets), header: job.header, variables: job.variables, answers: job.answers, texts: job.texts };
  const settings = { copy, paper: env.paper, branding: env.branding };
  if (job.standalone) return renderPacket(plan, { ...settings, metadata: job.standalone.metadata, fillable: job.standalone.fillable });
  return renderPacket(plan, { ...settings, metadata: packetMetadata(env.locale), sheetMarker });
}

/** Branding after a structured clone (worker threads): the logo's bytes back as a Buffer. */
export function revivedBranding(branding: Branding | undefined): Branding | undefined {
  const logo = branding?.institution?.logo;
  if (!branding || !logo || Buffer.isBuffer(logo.data)) return branding;
  const data = logo.data as Uint8Array;
  return { ...branding, institution: { ...branding.institution, logo: { ...logo, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) } } };
}

import { cloneElement, type ReactElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { Answers } from '../answers/schema.js';
import type { Copy } from '../copy/copy.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { PlannedPacket } from '../packet/plan.js';
import type { Branding } from './branding.js';
import type { Sheet } from '../worksheets/model.js';
import { createRenderContext, type LearnerTextStyle } from './components/context.js';
import type { HeaderValues } from './components/frame.js';
import { MetadataDocument, packetPages, type DocumentMetadata } from './document.js';
import { registerFonts } from './fonts.js';
import { planLearnerText, type LearnerTextPlan } from './learner-text.js';
import type { Paper } from './paper.js';
import { assertTextPatches } from './renderer-patches.js';

export interface RenderOptions {
  branding?: Branding;
  /** Document-wide template variables: learner, coach, session (the rest are filled in here). */
  variables?: Partial<TemplateVariables>;
  /** Font families to register besides the base font (from planLearnerText). */
  families?: string[];
  sheets: Sheet[];
  copy: Copy;
  paper: Paper;
  metadata: DocumentMetadata;
  header?: HeaderValues;
  answers?: Answers;
  learnerText?: LearnerTextStyle;
  /** Answer spaces as form fields (answers prefill them instead of being printed). */
  fillable?: boolean;
  /**
   * The first page of each sheet carries an outline entry (see sheetMarker), so that a bundle's
   * assembler learns where each sheet starts even when a sheet flows over extra pages.
   */
  sheetMarker?: (sheetId: string) => string;
}

/** How a planned packet is drawn: what the plan does not say. */
export interface PacketSettings extends Pick<RenderOptions, 'copy' | 'paper' | 'branding' | 'metadata' | 'fillable' | 'sheetMarker'> {
  /** The learner texts' fonts and directions, when the caller has planned them already. */
  text?: LearnerTextPlan;
}

/** Renders a planned packet (src/packet/plan.ts) to PDF bytes. */
export function renderPacket(plan: PlannedPacket, settings: PacketSettings): Promise<Uint8Array> {
  const { text = planLearnerText(plan.texts), ...rest } = settings;
  return renderWorksheetPdf({
    ...rest,
    sheets: plan.sheets,
    header: plan.header,
    variables: plan.variables,
    answers: plan.answers,
    families: text.families,
    learnerText: text.style,
  });
}

/** Renders a packet of worksheets to PDF bytes. */
export async function renderWorksheetPdf(options: RenderOptions): Promise<Uint8Array> {
  registerFonts(options.families);
  const base = createRenderContext(options);
  const ctx = options.fillable ? { ...base, fillable: true } : base;
  const marker = options.sheetMarker;
  const pages = options.sheets.flatMap((sheet) =>
    packetPages({ sheets: [sheet], ctx, header: options.header, answers: options.answers }).map((page, index) =>
      marker && index === 0 ? cloneElement(page as ReactElement<{ bookmark?: unknown }>, { bookmark: { title: marker(sheet.id), fit: true } }) : page,
    ),
  );
  const bytes = await renderPages(pages, options.metadata);
  if (!options.fillable) return bytes;
  const { makeFillable } = await import('./fillable/postprocess.js');
  return makeFillable(bytes, { answers: options.answers, areaLabel: (area) => base.t(`network.map.${area}.label`), t: base.t });
}

/** Renders pages as one PDF with our metadata. */
export async function renderPages(pages: ReactElement[], metadata: DocumentMetadata, families: string[] = []): Promise<Uint8Array> {
  assertTextPatches();
  registerFonts(families);
  const buffer = await renderToBuffer(<MetadataDocument metadata={metadata}>{pages}</MetadataDocument>);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

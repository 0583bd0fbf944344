/**
 * Renders the parts of a bundle as separate small PDFs (each packet, the front matter, the padding
 * page), so that React-PDF never holds more than one packet's layout in memory; assemble.ts
 * joins them.
 */
import { cloneElement, type ReactElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { Answers } from '../answers/schema.js';
import type { Copy } from '../copy/copy.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { Branding } from '../pdf/branding.js';
import type { LearnerTextStyle } from '../pdf/components/context.js';
import type { HeaderValues } from '../pdf/components/frame.js';
import { MetadataDocument, packetPages, type DocumentMetadata } from '../pdf/document.js';
import { registerFonts } from '../pdf/fonts.js';
import type { Paper } from '../pdf/paper.js';
import { createRenderContext } from '../pdf/components/context.js';
import type { Sheet } from '../worksheets/model.js';
import { sheetMarker } from './model.js';

export interface PacketRender {
  sheets: Sheet[];
  copy: Copy;
  paper: Paper;
  branding?: Branding;
  /** Template variables of the packet (the learner's name, program, coach). */
  variables?: Partial<TemplateVariables>;
  metadata: DocumentMetadata;
  families?: string[];
  learnerText?: LearnerTextStyle;
  header?: HeaderValues;
  answers?: Answers;
}

/**
 * One packet as a PDF of its own: its footers number its pages "page x of y" within the packet.
 * The first page of each sheet carries an outline entry `sheet:<id>`, so the assembler learns where
 * each sheet starts even when a sheet flows over extra pages.
 */
export async function renderPacketPdf(options: PacketRender): Promise<Uint8Array> {
  registerFonts(options.families);
  const ctx = createRenderContext(options);
  const pages = options.sheets.flatMap((sheet) =>
    packetPages({ sheets: [sheet], ctx, header: options.header, answers: options.answers, keyPrefix: `${sheet.id}:` }).map((page, index) =>
      index === 0 ? cloneElement(page as ReactElement<{ bookmark?: unknown }>, { bookmark: { title: sheetMarker(sheet.id), fit: true } }) : page,
    ),
  );
  return renderPages(pages, options.metadata, options.families);
}

/** Renders pages as one PDF with our metadata. */
export async function renderPages(pages: ReactElement[], metadata: DocumentMetadata, families: string[] = []): Promise<Uint8Array> {
  registerFonts(families);
  const buffer = await renderToBuffer(<MetadataDocument metadata={metadata}>{pages}</MetadataDocument>);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

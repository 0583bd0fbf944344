import { renderToBuffer } from '@react-pdf/renderer';
import type { Answers } from '../answers/schema.js';
import type { Copy } from '../copy/copy.js';
import type { Sheet } from '../worksheets/model.js';
import type { LearnerTextStyle, RenderContext } from './components/context.js';
import type { HeaderValues } from './components/frame.js';
import { WorksheetDocument, type DocumentMetadata } from './document.js';
import { registerFonts } from './fonts.js';
import { extraLines, type Paper } from './paper.js';
import { theme } from './theme.js';

export interface RenderOptions {
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
}

/** Learner text in the base font, tabs as spaces (a tab has no glyph). */
export const plainLearnerText: LearnerTextStyle = {
  fonts: [theme.font],
  prepare: (text) => ({ text: text.replace(/\t/g, '    '), rtl: false }),
};

/** Renders a packet of worksheets to PDF bytes. */
export async function renderWorksheetPdf(options: RenderOptions): Promise<Uint8Array> {
  registerFonts(options.families);
  const ctx: RenderContext = {
    copy: options.copy,
    paper: options.paper,
    t: (key, variables) => options.copy.text(key, variables),
    extraLines: extraLines(options.paper, theme.linePitch),
    learnerText: options.learnerText ?? plainLearnerText,
  };
  const buffer = await renderToBuffer(
    <WorksheetDocument
      sheets={options.sheets}
      ctx={options.fillable ? { ...ctx, fillable: true } : ctx}
      metadata={options.metadata}
      header={options.header}
      answers={options.answers}
    />,
  );
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (!options.fillable) return bytes;
  const { makeFillable } = await import('./fillable/postprocess.js');
  return makeFillable(bytes, { answers: options.answers, areaLabel: (area) => ctx.t(`network.map.${area}.label`) });
}

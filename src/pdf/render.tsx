import { renderToBuffer } from '@react-pdf/renderer';
import type { Answers } from '../answers/schema.js';
import type { Copy } from '../copy/copy.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { Branding } from './branding.js';
import type { Sheet } from '../worksheets/model.js';
import { createRenderContext, type LearnerTextStyle } from './components/context.js';
import type { HeaderValues } from './components/frame.js';
import { WorksheetDocument, type DocumentMetadata } from './document.js';
import { registerFonts } from './fonts.js';
import type { Paper } from './paper.js';

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
}

/** Renders a packet of worksheets to PDF bytes. */
export async function renderWorksheetPdf(options: RenderOptions): Promise<Uint8Array> {
  registerFonts(options.families);
  const ctx = createRenderContext(options);
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

/** How much room a form field needs for the answer it holds (fillable sheets). */
import { estimateLines } from '../pdf/measure.js';
import { theme } from '../pdf/theme.js';
import { FIELD_LINE_HEIGHT } from '../pdf/fillable/form-slot.js';

/** No field grows taller than this: a field cannot continue on the next page. Longer text scrolls. */
export const MAX_FIELD_HEIGHT = 480;

/** Height text needs at a field font size in a box this wide (estimated), plus padding. */
export function textHeight(text: string | undefined, width: number, fontSize: number): number {
  if (!text) return 0;
  return estimateLines(text, Math.max(10, width - 4), fontSize) * fontSize * FIELD_LINE_HEIGHT + 4;
}

/** Whether `text` needs more than `maxHeight` in a field this wide: it then flows over pages (flowing-field.tsx). */
export function overflowsField(text: string | undefined, width: number, fontSize: number, maxHeight = MAX_FIELD_HEIGHT): boolean {
  return textHeight(text, width, fontSize) > maxHeight;
}

/** Ruled lines needed to show `text`: at least `lines`, at most a page's worth. */
export function linesFor(text: string | undefined, lines: number, width: number, fontSize: number, linePitch: number = theme.linePitch, maxHeight = MAX_FIELD_HEIGHT): number {
  const needed = Math.floor(Math.min(maxHeight, textHeight(text, width, fontSize)) / linePitch + 0.999);
  return Math.max(lines, needed);
}

/** A one-line or a multi-line text field, by the lines it spans. */
export const textSlotKind = (lines: number): 'multi' | 'single' => (lines > 1 ? 'multi' : 'single');

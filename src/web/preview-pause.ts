/** When the live preview renders, after an edit. */

/** The shortest pause after an edit before the preview renders, and the longest. */
export const PREVIEW_PAUSE_MS = { min: 400, max: 3000 };

/**
 * How long the preview waits after the last edit: as long as the last preview took to render,
 * within PREVIEW_PAUSE_MS. A render holds the page, so on a slow device a preview started at every
 * short pause would keep the learner's next keys waiting behind it; there it waits for a longer one.
 */
export function previewPause(lastRenderMs: number | undefined): number {
  if (lastRenderMs === undefined || !Number.isFinite(lastRenderMs)) return PREVIEW_PAUSE_MS.min;
  return Math.round(Math.min(PREVIEW_PAUSE_MS.max, Math.max(PREVIEW_PAUSE_MS.min, lastRenderMs)));
}

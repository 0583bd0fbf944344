import { describe, expect, it } from 'vitest';
import { PREVIEW_PAUSE_MS, previewPause } from '../../src/web/preview-pause.js';

describe('the pause before the preview renders', () => {
  it('is the shortest before the first preview, and where rendering is quick', () => {
    expect(previewPause(undefined)).toBe(PREVIEW_PAUSE_MS.min);
    expect(previewPause(120)).toBe(PREVIEW_PAUSE_MS.min);
  });

  it('grows with the time the last preview took, so keys typed on a slow device do not wait behind renders', () => {
    expect(previewPause(1250)).toBe(1250);
    expect(previewPause(1250)).toBeGreaterThan(PREVIEW_PAUSE_MS.min);
  });

  it('never keeps the preview waiting longer than its longest pause', () => {
    expect(previewPause(60_000)).toBe(PREVIEW_PAUSE_MS.max);
    expect(previewPause(Number.NaN)).toBe(PREVIEW_PAUSE_MS.min);
  });
});

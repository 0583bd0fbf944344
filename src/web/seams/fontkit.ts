import * as fontkit from 'fontkit';
import { COVERAGE } from 'pln-site:coverage';
import type { FontkitFont } from '../../pdf/unicode/fontkit.js';
import { fontData } from './font-data.js';

/** A data: URL's bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function openData(url: string): FontkitFont {
  return fontkit.create(dataUrlBytes(url)) as FontkitFont;
}

/** Whether `ranges` ([first, last] pairs, ascending) hold `codePoint`. */
export function inRanges(ranges: readonly number[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < ranges[2 * mid]!) high = mid - 1;
    else if (codePoint > ranges[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The web app's src/pdf/unicode/fontkit.ts. A font the page holds opens with fontkit; one not
 * loaded yet answers coverage from the table the build took from its cmap, so that planning
 * which fonts the answers need never loads a font, and opens it for shaping once it has arrived.
 */
export function openFont(src: string): FontkitFont {
  if (src.startsWith('data:')) return openData(src);
  const ranges = COVERAGE[src];
  if (!ranges) throw new Error(`no coverage table for the font ${src}`);
  let opened: FontkitFont | undefined;
  return {
    hasGlyphForCodePoint: (codePoint) => inRanges(ranges, codePoint),
    layout(text) {
      const url = fontData()[src];
      if (!url) throw new Error(`the font ${src} is not loaded yet`);
      opened ??= openData(url);
      return opened.layout(text);
    },
  };
}

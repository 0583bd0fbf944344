import { BASE_FONTS_DEFLATED } from 'pln-site:base-fonts';
import { inflatedFontUrl } from '../deflated-fonts.js';

/**
 * Font files present in the page, as data: URLs by package path: the base family from the start
 * (inflated on first use), a lazily loaded family once its classic script (fonts/<family>.js) has
 * run. On file:// a page cannot fetch files, but a classic script may load, so each such script
 * hands its data: URLs over through this global.
 */
declare global {
  interface Window {
    plnFontData?: Record<string, string>;
  }
}

let baseFonts: Record<string, string> | undefined;

export function fontData(): Record<string, string> {
  baseFonts ??= Object.fromEntries(Object.entries(BASE_FONTS_DEFLATED).map(([file, deflated]) => [file, inflatedFontUrl(deflated)]));
  window.plnFontData ??= {};
  Object.assign(window.plnFontData, baseFonts);
  return window.plnFontData;
}

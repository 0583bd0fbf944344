import { BASE_FONTS } from 'pln-site:base-fonts';

/**
 * Font files present in the page, as data: URLs by package path: the base family from the start,
 * a lazily loaded family once its classic script (fonts/<family>.js) has run. On file:// a page
 * cannot fetch files, but a classic script may load, so each such script hands its data: URLs over
 * through this global.
 */
declare global {
  interface Window {
    plnFontData?: Record<string, string>;
  }
}

export function fontData(): Record<string, string> {
  window.plnFontData ??= {};
  Object.assign(window.plnFontData, BASE_FONTS);
  return window.plnFontData;
}

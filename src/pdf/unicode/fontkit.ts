import { createRequire } from 'node:module';

/** The little of fontkit's font object that coverage and mark decomposition need. */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { glyphs: readonly { codePoints: readonly number[] }[] };
}

/** fontkit 2's module: a font from a file, or from its bytes. */
export interface Fontkit {
  openSync(path: string): FontkitFont | { fonts: FontkitFont[] };
  create(bytes: Uint8Array): unknown;
}

let fontkit: Fontkit | undefined;

/**
 * fontkit as React-PDF itself uses it: resolved from @react-pdf/font's location rather than
 * imported by name, because it is React-PDF's dependency, not ours, and coverage (and the form's
 * own fonts) must agree with what React-PDF's font substitution sees.
 */
export function loadFontkit(): Fontkit {
  if (!fontkit) {
    const require = createRequire(import.meta.url);
    const renderer = require.resolve('@react-pdf/renderer');
    const font = createRequire(renderer).resolve('@react-pdf/font');
    fontkit = createRequire(font)('fontkit') as Fontkit;
  }
  return fontkit;
}

/** Opens a single-font file (TTF/OTF) with fontkit. */
export function openFont(path: string): FontkitFont {
  const opened = loadFontkit().openSync(path);
  if ('fonts' in opened) throw new Error(`${path} is a font collection; React-PDF needs a single font`);
  return opened;
}

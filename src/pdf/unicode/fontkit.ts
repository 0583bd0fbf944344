import { createRequire } from 'node:module';

/** The little of fontkit's font object that coverage and mark decomposition need. */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { glyphs: readonly { codePoints: readonly number[] }[] };
}

interface Fontkit {
  openSync(path: string): FontkitFont | { fonts: FontkitFont[] };
}

let fontkit: Fontkit | undefined;

/**
 * fontkit as React-PDF itself uses it: resolved from @react-pdf/font's location rather than
 * imported by name, because it is React-PDF's dependency, not ours, and coverage must agree with
 * what React-PDF's font substitution sees.
 */
function load(): Fontkit {
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
  const opened = load().openSync(path);
  if ('fonts' in opened) throw new Error(`${path} is a font collection; React-PDF needs a single font`);
  return opened;
}

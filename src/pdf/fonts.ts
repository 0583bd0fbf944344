import { Font } from '@react-pdf/renderer';
import { memoizeShaping, type ShapingOptions } from './shaping.js';
import { isolateGlyphCodePoints, type GlyphSource } from './unicode/glyph-cache.js';
import { breakWord } from './unicode/linebreak.js';
import { BASE_FAMILY, bundledFamily } from './unicode/registry.js';

/** What registerFonts touches of React-PDF's font sources (see glyph-cache.ts). */
interface LoadableSource {
  data: unknown;
  load(): Promise<void>;
}

const registered = new Set<string>();
let callbackRegistered = false;

/**
 * Registers embedded TTF fonts with React-PDF, each family once per process: always the base
 * family (Noto Sans: Latin incl. Vietnamese, Polish, Turkish, Icelandic; Greek; Cyrillic), plus
 * the bundled `families` asked for, normally `planFonts(texts).families` (Arabic, Hebrew, CJK).
 * The built-in PDF fonts would not be embedded and cover only WinAnsi.
 *
 * Each font, once React-PDF loads it, gets the fontkit glyph-cache fix (`isolateGlyphCodePoints`)
 * so that one document's accented letters cannot corrupt the next document's text.
 *
 * Also installs the line-breaking callback (`breakWord`): English hyphenation stays off (it
 * split URLs and handles: "exam-ple.com"), and CJK text may break between characters, with no
 * hyphen drawn.
 *
 * @throws Error naming the family when one of `families` is not a bundled family.
 */
export function registerFonts(families: Iterable<string> = []): void {
  for (const name of [BASE_FAMILY, ...families]) {
    if (registered.has(name)) continue;
    const family = bundledFamily(name);
    if (!family) throw new Error(`no bundled font family "${name}"`);
    const faces = family.faces.map((f) => ({ src: f.src, fontWeight: f.fontWeight, fontStyle: f.fontStyle }));
    // Learner text in italics (contact notes) falls back to the upright face where a script has
    // no italic: React-PDF refuses to render a style a family lacks.
    const uprightAsItalic = faces
      .filter((face) => face.fontStyle !== 'italic')
      .filter((face) => !faces.some((f) => f.fontStyle === 'italic' && f.fontWeight === face.fontWeight))
      .map((face) => ({ ...face, fontStyle: 'italic' as const }));
    Font.register({ family: family.family, fonts: [...faces, ...uprightAsItalic] });
    const sources = (Font.getRegisteredFonts()[family.family]?.sources ?? []) as unknown as LoadableSource[];
    for (const source of sources) patchOnLoad(source, { skipInertFeatures: name === BASE_FAMILY });
    registered.add(name);
  }
  if (!callbackRegistered) {
    Font.registerHyphenationCallback(breakWord);
    callbackRegistered = true;
  }
}

/** Applies the glyph-cache fix and the shaping memo to a font source's fontkit font as soon as it is loaded. */
function patchOnLoad(source: LoadableSource, shaping: ShapingOptions): void {
  const load = source.load.bind(source);
  source.load = async () => {
    await load();
    const font = source.data as Partial<GlyphSource> | null;
    if (font && typeof font.getGlyph === 'function') isolateGlyphCodePoints(font as GlyphSource);
    memoizeShaping(font, shaping);
  };
}

/**
 * Workaround for fontkit's glyph cache (fontkit 2.0.4, foliojs/fontkit#154, react-pdf #3404).
 *
 * fontkit caches glyph objects by glyph id only, with the characters they were first made for.
 * Writing a PDF decodes composite glyphs ("ó" = "o" + acute), which caches the component "o"
 * with NO characters; React-PDF keeps font objects for the whole process, so every later
 * document gets that "o": React-PDF maps glyphs back to the text by their characters, and a
 * glyph with none shifts every later line break by one character ("a / nd") and leaves the
 * letter unmapped in the PDF. One Polish, Turkish or Spanish name broke every PDF rendered
 * after it in the same process.
 *
 * The fix keeps the cache (outlines and metrics are per glyph id) but gives each caller a glyph
 * with the characters it asked for: when the cached glyph's differ, it returns an alias, an
 * object whose prototype is the cached glyph and whose own `codePoints`, `isMark` and
 * `isLigature` are the caller's (computed as fontkit's Glyph constructor does).
 */

/** The part of a fontkit glyph the alias overrides. */
interface GlyphLike {
  codePoints: number[];
  isMark: boolean;
  isLigature: boolean;
}

/** The part of a fontkit font this patches. */
export interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): GlyphLike | null;
}

const patched = new WeakSet<object>();
const MARK = /^\p{M}$/u;

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** Makes `font.getGlyph` return glyphs carrying the requested characters. Idempotent. */
export function isolateGlyphCodePoints(font: GlyphSource): void {
  if (patched.has(font)) return;
  patched.add(font);
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph === null || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    const alias = Object.create(glyph) as GlyphLike;
    alias.codePoints = codePoints;
    alias.isMark = codePoints.length > 0 && codePoints.every((c) => MARK.test(String.fromCodePoint(c)));
    alias.isLigature = codePoints.length > 1;
    return alias;
  };
}

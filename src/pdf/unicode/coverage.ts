import { openFont, type FontkitFont } from './fontkit.js';
import { BUNDLED_FAMILIES, regularFace, type BundledFamily } from './registry.js';

const opened = new Map<string, FontkitFont>();
const coverer = new Map<number, BundledFamily | null>();

function font(family: BundledFamily): FontkitFont {
  let f = opened.get(family.family);
  if (!f) {
    f = openFont(regularFace(family).src);
    opened.set(family.family, f);
  }
  return f;
}

/**
 * Characters that need no glyph, so they are not checked for coverage nor reported:
 * - whitespace and control characters (tab, newline…), which React-PDF lays out as space or
 *   line breaks;
 * - bidi controls (U+061C ARABIC LETTER MARK, U+200E/F LRM/RLM, U+202A–E embeddings and
 *   overrides, U+2066–9 isolates): format characters that only steer the bidi algorithm, which
 *   sees them in the text; fontkit draws them as nothing (its default-ignorable rule).
 */
export function needsNoGlyph(codePoint: number): boolean {
  return /^[\p{White_Space}\p{Cc}\p{Bidi_Control}]$/u.test(String.fromCodePoint(codePoint));
}

/**
 * Variation selectors (U+FE00–FE0F, U+E0100–E01EF): they only choose a presentation of the
 * character before them (emoji or text style, a regional ideograph form). No bundled font has
 * them, so `withPlaceholders` drops them and `planFonts` does not report them.
 */
export function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

/**
 * The characters of everyday text: printable ASCII, Latin-1 Supplement and Latin Extended-A
 * (U+0020–007E, U+00A0–017F), and typographic punctuation: dashes, curly quotes, bullet and
 * ellipsis (U+2010–2027), per mille, primes and single guillemets (U+2030–203A), € and ™. The
 * base font draws every one of them as a single glyph (the tests check each against the font
 * files), so they are answered without opening a font: most documents then never parse a font
 * file beyond the ones React-PDF loads.
 */
export function isCommonCharacter(codePoint: number): boolean {
  if (codePoint < 0x2010) return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0x17f);
  return codePoint <= 0x2027 || (codePoint >= 0x2030 && codePoint <= 0x203a) || codePoint === 0x20ac || codePoint === 0x2122;
}

/**
 * Text of common characters, tabs and line breaks only: every character covered by the base
 * font, drawn as one glyph and no mark, nothing to replace or decompose (see prepareText).
 */
export function isCommonText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i); // common characters are all below the surrogates
    if (!isCommonCharacter(unit) && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
  }
  return true;
}

/**
 * The first bundled family (in fallback order) with a glyph for `codePoint`, or undefined if
 * none has one. Fonts are opened the first time they are needed, so text the base font covers
 * never opens the CJK fonts; answers are cached per code point.
 */
export function familyFor(codePoint: number): BundledFamily | undefined {
  if (isCommonCharacter(codePoint)) return BUNDLED_FAMILIES[0];
  const known = coverer.get(codePoint);
  if (known !== undefined) return known ?? undefined;
  const found = BUNDLED_FAMILIES.find((f) => font(f).hasGlyphForCodePoint(codePoint)) ?? null;
  coverer.set(codePoint, found);
  return found ?? undefined;
}

/** True when some bundled font draws `codePoint`, or it needs no glyph (see `needsNoGlyph`). */
export function isCovered(codePoint: number): boolean {
  return needsNoGlyph(codePoint) || familyFor(codePoint) !== undefined;
}

const drawnAsMarks = new Map<number, boolean>();

/**
 * True when the font that covers `codePoint` draws it as a base glyph plus separate mark glyphs
 * (Noto Sans: ẹ ị ọ ụ ṃ ṅ ṣ ḿ ǹ, through its ccmp feature). The mark glyph then has no
 * character of its own, so the PDF's text layer cannot map it: copy and search gave "Thi�" for
 * "Thị". See `withDecomposedMarks`.
 */
export function drawnWithMarkGlyphs(codePoint: number): boolean {
  if (isCommonCharacter(codePoint)) return false;
  let known = drawnAsMarks.get(codePoint);
  if (known === undefined) {
    const family = familyFor(codePoint);
    known = family !== undefined && font(family).layout(String.fromCodePoint(codePoint)).glyphs.length > 1;
    drawnAsMarks.set(codePoint, known);
  }
  return known;
}

/** Families whose font files coverage has opened so far (for tests of laziness). */
export function openedFamilies(): string[] {
  return [...opened.keys()];
}

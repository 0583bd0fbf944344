import { openFont, type FontkitFont } from './fontkit.js';
import { BUNDLED_FAMILIES, coverageFace, type BundledFamily } from './registry.js';

const opened = new Map<string, FontkitFont>();
const coverer = new Map<number, BundledFamily | null>();

function font(family: BundledFamily): FontkitFont {
  let f = opened.get(family.family);
  if (!f) {
    f = openFont(coverageFace(family).src);
    opened.set(family.family, f);
  }
  return f;
}

/**
 * Characters that need no glyph: whitespace and control characters (tab, newline…), which
 * React-PDF lays out as space or line breaks, and variation selectors (U+FE00–FE0F,
 * U+E0100–E01EF), which only choose a form of the character before them and are dropped in
 * shaping. Neither is checked for coverage nor reported.
 */
export function needsNoGlyph(codePoint: number): boolean {
  if ((codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef)) return true;
  return /^[\p{White_Space}\p{Cc}]$/u.test(String.fromCodePoint(codePoint));
}

/**
 * The first bundled family (in fallback order) with a glyph for `codePoint`, or undefined if
 * none has one. Fonts are opened the first time they are needed, so text the base font covers
 * never opens the CJK fonts; answers are cached per code point.
 */
export function familyFor(codePoint: number): BundledFamily | undefined {
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

/** Families whose font files coverage has opened so far (for tests of laziness). */
export function openedFamilies(): string[] {
  return [...opened.keys()];
}

import { drawnWithMarkGlyphs, familyFor, isCommonText, isCovered, isVariationSelector } from './coverage.js';

/**
 * What stands in for a character no bundled font has: U+FFFD REPLACEMENT CHARACTER, a white
 * question mark in a black diamond. It is Unicode's own sign for "a character that could not be
 * shown", readers know it from web pages and e-mail, and Noto Sans (the base family, always
 * loaded) has a glyph for it. U+25A1 WHITE SQUARE was the other candidate, but Noto Sans lacks
 * it (only the CJK fonts have it, which Latin documents do not load) and an empty box reads as
 * a form checkbox on these worksheets.
 */
export const PLACEHOLDER = '\uFFFD';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` with what no bundled font covers replaced by `placeholder`. A cluster whose first
 * character is uncovered becomes one placeholder: a whole emoji sequence (skin-tone modifier,
 * ZWJ family, flag's two regional indicators, keycap) is one sign, not several. In a cluster
 * whose first character is covered, only each uncovered character becomes a placeholder:
 * "a\u0E4E" (a letter with a mark no font has) keeps its "a". Uncovered variation selectors are
 * dropped ("©\uFE0F" becomes "©"): a selector only picks a presentation, and React-PDF would
 * draw it with a font that lacks it.
 */
export function withPlaceholders(
  text: string,
  isCovered: (codePoint: number) => boolean,
  placeholder: string = PLACEHOLDER,
): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    let kept = '';
    let first = true;
    for (const char of segment) {
      const codePoint = char.codePointAt(0)!;
      if (isCovered(codePoint)) kept += char;
      else if (!isVariationSelector(codePoint)) {
        if (first) {
          kept = placeholder;
          break;
        }
        kept += placeholder;
      }
      first = false;
    }
    out += kept;
  }
  return out;
}

/**
 * `text` with each character that its font draws as base letter + mark glyph replaced by its
 * canonical decomposition ("ị" U+1ECB → "i" + U+0323 COMBINING DOT BELOW), when the same font
 * covers every part. The page looks the same (the font positions the mark either way), and
 * the text is canonically equivalent, but now every glyph in the PDF maps to a character, so
 * copying or searching the PDF gives "Thị" (decomposed), not "Thi\uFFFD".
 */
export function withDecomposedMarks(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const decomposed = char.normalize('NFD');
    if (decomposed !== char && drawnWithMarkGlyphs(codePoint)) {
      const family = familyFor(codePoint);
      const sameFont = [...decomposed].every((c) => familyFor(c.codePointAt(0)!) === family);
      out += sameFont ? decomposed : char;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Learner text ready for React-PDF: placeholders for what no bundled font covers
 * (`withPlaceholders` with the bundled coverage), then mark decomposition where the font needs
 * it (`withDecomposedMarks`). Use it on every learner string, with `planFonts(texts).families`
 * as its `fontFamily` and `textDirection(text)` as its `direction`.
 */
export function prepareText(text: string): string {
  // Most answers are common text: nothing in them to replace or decompose.
  if (isCommonText(text)) return text;
  return withDecomposedMarks(withPlaceholders(text, isCovered));
}

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
 * `text` with every grapheme cluster that contains an uncovered character replaced by one
 * `placeholder`: a whole emoji sequence (skin-tone modifier, ZWJ family, flag's two regional
 * indicators, keycap) becomes one placeholder, not several. Clusters whose characters are all
 * covered are kept as they are.
 */
export function withPlaceholders(
  text: string,
  isCovered: (codePoint: number) => boolean,
  placeholder: string = PLACEHOLDER,
): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    let covered = true;
    for (const char of segment) {
      if (!isCovered(char.codePointAt(0)!)) {
        covered = false;
        break;
      }
    }
    out += covered ? segment : placeholder;
  }
  return out;
}

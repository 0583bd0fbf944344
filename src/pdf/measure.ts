/**
 * Conservative text-height estimates, used only to choose between layouts (a table row or a
 * stacked record, one map column or two). They never decide what is printed: every answer is
 * printed in full whatever the estimate says, so an underestimate costs looks, never text.
 */

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/** Average advance of a character, as a share of the font size (Noto Sans averages about 0.55). */
function advance(char: string): number {
  if (WIDE.test(char)) return 1;
  if (/[A-Z@#%&MW]/.test(char)) return 0.72;
  return 0.58;
}

export function estimateLines(text: string, width: number, fontSize: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/(?<=\s)/)) {
      const wordWidth = [...word].reduce((sum, char) => sum + advance(char) * fontSize, 0);
      if (used > 0 && used + wordWidth > width) {
        paragraphLines += 1;
        used = 0;
      }
      // A word wider than the line breaks over several lines.
      paragraphLines += Math.floor(wordWidth / width);
      used += wordWidth % width;
    }
    lines += paragraphLines;
  }
  return lines;
}

export function estimateHeight(text: string, width: number, fontSize: number, lineHeight = 1.45): number {
  return estimateLines(text, width, fontSize) * fontSize * lineHeight;
}

/** Estimated width of one line of text, in points. */
export function estimateWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += advance(char) * fontSize;
  return width;
}

/**
 * Learner text up to this height (estimated, in points) is kept in one piece on one page; anything
 * taller may break across pages. A block that cannot break and is taller than the page would be
 * drawn past the page's foot, over the footer.
 */
export const KEEP_TOGETHER_MAX_HEIGHT = 300;

export function keepsTogether(text: string | undefined, width: number, fontSize: number, lineHeight = 1.45): boolean {
  return !text || estimateHeight(text, width, fontSize, lineHeight) <= KEEP_TOGETHER_MAX_HEIGHT;
}

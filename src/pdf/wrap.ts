import { estimateLines } from './measure.js';
import { breakWord } from './unicode/linebreak.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * React-PDF cannot break a word that is wider than its box: it draws it over the box's edge,
 * on top of whatever is next. Such a word (a long URL in a narrow table cell, say) is given
 * break points between all its characters instead; an empty piece is a break that draws no
 * hyphen (see unicode/linebreak.ts), so the URL reads whole, only wrapped.
 */
export function breakAnywhere(word: string): string[] {
  const pieces: string[] = [''];
  for (const { segment } of graphemes.segment(word)) pieces.push(segment, '');
  return pieces;
}

/** The hyphenation callback for learner text in a box `width` points wide, at `fontSize`. */
export function wrapFor(width: number, fontSize: number): (word: string) => string[] {
  return (word) => {
    const pieces = breakWord(word);
    if (pieces.length > 1) return pieces;
    // Wider than the box (with a margin for the estimate's error): may break anywhere.
    return estimateLines(word.trim(), width * 0.9, fontSize) > 1 ? breakAnywhere(word) : pieces;
  };
}

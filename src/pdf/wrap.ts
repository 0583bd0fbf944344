import { estimateLines, estimateWidth } from './measure.js';
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

/** The share of its box a word may fill before it may break inside: a margin for the width estimate's error. */
const WIDE_SHARE = 0.9;

/** A word (no spaces) estimated too wide for its box. */
function tooWide(word: string, width: number, fontSize: number): boolean {
  return estimateWidth(word, fontSize) >= width * WIDE_SHARE;
}

/** Where a word may break: after its own hyphen, dash, slash, underscore or full stop ("clinician-|educator", "linkedin.|com/|in/"). */
const AFTER_OWN_BREAK = /(?<=[-\u2010\u2013\u2014/\\_.])(?=[^-\u2010\u2013\u2014/\\_.])/u;

/** A word in the parts it may wrap between first: "clinician-educator" → "clinician-", "educator". */
export function ownBreakParts(word: string): string[] {
  return word.split(AFTER_OWN_BREAK);
}

/**
 * A word too wide for its box: broken first after its own hyphens, dashes, slashes and full
 * stops (where a reader expects a word or a URL to wrap), and only a part that is still too wide
 * between any two characters. Every break is an empty piece: it draws nothing, so the text stays as typed.
 */
export function breakWide(word: string, width: number, fontSize: number): string[] {
  const pieces: string[] = [''];
  for (const part of ownBreakParts(word)) {
    if (tooWide(part.trim(), width, fontSize)) pieces.push(...breakAnywhere(part).slice(1));
    else pieces.push(part, '');
  }
  return pieces;
}

const callbacks = new Map<string, (word: string) => string[]>();

/**
 * The hyphenation callback for learner text in a box `width` points wide, at `fontSize`. One
 * function per box size, so that text laid out again in a box of the same size is recognised
 * as the same layout (the text layout memo keys on the callback).
 */
export function wrapFor(width: number, fontSize: number): (word: string) => string[] {
  const key = `${width}|${fontSize}`;
  let callback = callbacks.get(key);
  if (!callback) {
    callback = (word) => {
      const pieces = breakWord(word);
      if (pieces.length > 1) return pieces;
      // Wider than the box (with a margin for the estimate's error): may break anywhere. A word
      // has no spaces: that is one line unless it is at least as wide as the line (estimateLines).
      const trimmed = word.trim();
      const wide = /\s/.test(trimmed) ? estimateLines(trimmed, width * WIDE_SHARE, fontSize) > 1 : tooWide(trimmed, width, fontSize);
      return wide ? breakWide(word, width, fontSize) : pieces;
    };
    callbacks.set(key, callback);
  }
  return callback;
}

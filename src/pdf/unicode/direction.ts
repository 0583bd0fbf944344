import bidiModule from 'bidi-js';
import { isCommonText } from './coverage.js';

export type TextDirection = 'ltr' | 'rtl';

/** One paragraph of a text, as React-PDF lays it out, with its own direction. */
export interface DirectedParagraph {
  /** The paragraph, with the line break that ends it (as React-PDF splits paragraphs). */
  text: string;
  direction: TextDirection;
}

// bidi-js is the bidi algorithm React-PDF itself runs (its textkit orders each line with it),
// so the direction chosen here and the order of the printed line come from one implementation.
// Its module.exports is the factory itself, which its types declare as an ES default export.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/**
 * The paragraph direction of `text` by the Unicode Bidirectional Algorithm (UAX #9, P2–P3):
 * that of its first strong character (a letter, or LRM/RLM/ALM), skipping what sits inside
 * isolates (U+2066–2069); right-to-left for Hebrew, Arabic and the other RTL scripts. Text with
 * no strong character is 'ltr'. Only the first paragraph counts: see `directedParagraphs`.
 */
export function textDirection(text: string): TextDirection {
  // Common text (Latin and its punctuation) holds no right-to-left character.
  if (isCommonText(text)) return 'ltr';
  const [first] = bidi.getEmbeddingLevels(text, 'auto').paragraphs;
  return first !== undefined && first.level % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * `text` cut into the paragraphs React-PDF lays out (it starts one after each "\n"), each with
 * its own direction (UAX #9 P1: every paragraph takes the direction of its own first strong
 * character). A Hebrew answer with an English paragraph prints that paragraph left to right.
 */
export function directedParagraphs(text: string): DirectedParagraph[] {
  const pieces = text.match(/[^\n]*\n|[^\n]+$/gu) ?? [text];
  return pieces.map((piece) => ({ text: piece, direction: textDirection(piece) }));
}

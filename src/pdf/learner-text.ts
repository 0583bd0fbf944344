import type { LearnerTextStyle, PreparedText } from './components/context.js';
import { directedParagraphs, planFonts, prepareText, type UncoveredCharacter } from './unicode/index.js';

export interface LearnerTextPlan {
  style: LearnerTextStyle;
  /** Font families the document needs registered (Noto Sans first). */
  families: string[];
  /** Characters no bundled font has: printed as a placeholder, to be reported by name (nameCharacters). */
  missing: UncoveredCharacter[];
}

/**
 * How the learner's texts will be drawn: only the fonts their scripts need, each paragraph in its
 * own direction, uncovered characters as a visible placeholder, tabs as spaces.
 */
export function planLearnerText(texts: readonly string[]): LearnerTextPlan {
  const plan = planFonts(texts);
  return {
    families: plan.families,
    missing: plan.missing,
    style: {
      fonts: plan.families,
      prepare: prepareLearnerText,
    },
  };
}

/** Display form of one text: placeholders and decomposed marks (prepareText), tabs as spaces (a tab has no glyph). */
function display(text: string): string {
  return prepareText(text).replace(/\t/g, '    ');
}

/**
 * A learner text ready to print, in the direction of its first paragraph; `paragraphs` (each in
 * its own direction, by the bidi algorithm) only when its paragraphs differ in direction, which
 * one React-PDF Text cannot show.
 */
export function prepareLearnerText(text: string): PreparedText {
  const paragraphs = directedParagraphs(text).map((p) => ({ text: display(p.text), rtl: p.direction === 'rtl' }));
  const rtl = paragraphs[0]?.rtl ?? false;
  const mixed = paragraphs.some((p) => p.rtl !== rtl);
  return { text: paragraphs.map((p) => p.text).join(''), rtl, ...(mixed ? { paragraphs } : {}) };
}

export { stringsOf } from '../packet/plan.js';

import type { LearnerTextStyle } from './components/context.js';
import { planFonts, prepareText, textDirection, type UncoveredCharacter } from './unicode/index.js';

export interface LearnerTextPlan {
  style: LearnerTextStyle;
  /** Font families the document needs registered (Noto Sans first). */
  families: string[];
  /** Characters no bundled font has: printed as a placeholder, to be reported by name (nameCharacters). */
  missing: UncoveredCharacter[];
}

/**
 * How the learner's texts will be drawn: only the fonts their scripts need, each text in its own
 * direction, uncovered characters as a visible placeholder, tabs as spaces (a tab has no glyph).
 */
export function planLearnerText(texts: readonly string[]): LearnerTextPlan {
  const plan = planFonts(texts);
  return {
    families: plan.families,
    missing: plan.missing,
    style: {
      fonts: plan.families,
      prepare: (text) => ({ text: prepareText(text).replace(/\t/g, '    '), rtl: textDirection(text) === 'rtl' }),
    },
  };
}

export { stringsOf } from '../packet/plan.js';

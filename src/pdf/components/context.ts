import type { Answers } from '../../answers/schema.js';
import type { Copy, CopyContext } from '../../copy/copy.js';
import { emptyVariables, type TemplateVariables } from '../../copy/variables.js';
import type { Branding } from '../branding.js';
import { extraLines, type Paper } from '../paper.js';
import { theme } from '../theme.js';

/** A learner text in its display form (placeholders for characters no font has, tabs as spaces). */
export interface PreparedText {
  text: string;
  /** The direction of its (first) paragraph. */
  rtl: boolean;
  /** Its paragraphs (each with its line break) and their directions, when they differ. */
  paragraphs?: { text: string; rtl: boolean }[];
}

/** How learner text is drawn: which fonts, and what to do with characters before printing. */
export interface LearnerTextStyle {
  /** fontFamily fallback list: each character takes the first family that has it. */
  fonts: string[];
  prepare: (text: string) => PreparedText;
}

/** What every component needs to draw a page: the copy, the paper, and the answers if any. */
export interface RenderContext {
  copy: Copy;
  paper: Paper;
  /** BCP 47 tag of the copy's language: numbers and dates are formatted for it. */
  locale: string;
  /** Accent colour of headings (the theme's, or the school's). */
  accent: string;
  institution?: Branding['institution'];
  /** Shorthand for copy.text with the document's variables. */
  t: (key: string, variables?: CopyContext) => string;
  /** Extra ruled lines for the growing field of each page on this paper. */
  extraLines: number;
  /** The learner's answers when this sheet is filled; undefined on a blank sheet. */
  answers?: Answers;
  /**
   * A fillable sheet (`--fillable`): answer spaces carry form fields, and answers go into the
   * fields (they size the spaces) instead of being printed.
   */
  fillable?: boolean;
  learnerText: LearnerTextStyle;
  /** How much taller than one line the page header's tallest answer prints (see Header). */
  headerOverflow?: number;
}

/** Learner text in the base font, tabs as spaces (a tab has no glyph). */
export const plainLearnerText: LearnerTextStyle = {
  fonts: [theme.font],
  prepare: (text) => ({ text: text.replace(/\t/g, '    '), rtl: false }),
};

export interface ContextOptions {
  copy: Copy;
  paper: Paper;
  branding?: Branding;
  /** Document-wide template variables: learner, coach, session (the rest are filled in here). */
  variables?: Partial<TemplateVariables>;
  learnerText?: LearnerTextStyle;
}

/** What every component gets: copy with the document's template variables, paper, locale, branding. */
export function createRenderContext(options: ContextOptions): RenderContext {
  const locale = options.copy.locale;
  const base: TemplateVariables = {
    ...emptyVariables(locale, options.paper),
    institution: { name: options.branding?.institution?.name ?? '' },
    ...options.variables,
  };
  base.product = options.copy.text('common.product', { ...base });
  return {
    copy: options.copy,
    paper: options.paper,
    locale,
    accent: options.branding?.accent ?? theme.colour.accent,
    institution: options.branding?.institution,
    t: (key, variables) => options.copy.text(key, { ...base, ...variables }),
    extraLines: extraLines(options.paper, theme.linePitch),
    learnerText: options.learnerText ?? plainLearnerText,
  };
}

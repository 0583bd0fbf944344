/**
 * The variables every template may use. Each template is rendered with all of them (empty where
 * they do not apply, e.g. the learner's name on a blank sheet), so strict mode can tell a misspelt
 * name from one that is merely empty. README and templates/README.md document them.
 */
export interface TemplateVariables {
  /** The product line, from common.product. */
  product: string;
  institution: { name: string };
  learner: { name: string; program: string };
  coach: { name: string };
  /** The session date formatted for the locale, and the session number. */
  session: { date: string; number: string };
  /** The sheet being printed (footer). */
  sheet: { title: string };
  /** Page numbers within the packet, formatted for the locale (footer). */
  page: string;
  pages: string;
  /** Characters used and allowed (the bio box). */
  count: string;
  limit: string;
  locale: string;
  paper: string;
}

/** Used to check, when templates load, that they name only these variables. */
export const SAMPLE_VARIABLES: TemplateVariables = {
  product: 'Personal learning network worksheets',
  institution: { name: 'Example School of Medicine' },
  learner: { name: 'Ana García', program: 'MD, Year 1' },
  coach: { name: 'Dr. Lee' },
  session: { date: '26 Nov 2026', number: '2' },
  sheet: { title: 'Goal sheet' },
  page: '1',
  pages: '8',
  count: '42',
  limit: '160',
  locale: 'en',
  paper: 'letter',
};

export function emptyVariables(locale: string, paper: string): TemplateVariables {
  return {
    product: '',
    institution: { name: '' },
    learner: { name: '', program: '' },
    coach: { name: '' },
    session: { date: '', number: '' },
    sheet: { title: '' },
    page: '',
    pages: '',
    count: '',
    limit: '',
    locale,
    paper,
  };
}

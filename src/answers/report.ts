/**
 * What is answered, what is still empty and which recommendations an answers file breaks, per
 * sheet and section of the worksheet model: the report of `validate --report`, and the same data
 * for any other front end (the web app). Recommendations are advice, never errors.
 *
 * Pure: a function of the answers and the worksheet definitions. Headings and labels are copy keys
 * (templates/<locale>/…), so each front end prints them in its own language.
 */
import { BOUNDARIES, type Answers } from './schema.js';
import { codePointLength } from './text.js';
import { fieldsOf, SHEETS, SHEET_IDS, type Field, type Section, type SheetId } from '../worksheets/index.js';
import { valueAt } from '../worksheets/values.js';

export type RecommendationRule = 'text-limit' | 'five-people-to-add' | 'smart-letter' | 'boundaries';

export interface Recommendation {
  rule: RecommendationRule;
  /** The answers path it is about (`social.bio`, `goals.smart.measurable`). */
  path: string;
  /** In plain words, for a learner. */
  message: string;
  /** Copy key of what it is about, when more precise than the path (a boundaries item). */
  subject?: string;
}

export interface FieldStatus {
  path: string;
  /** Copy key of the field's label, when it has one. */
  label?: string;
  answered: boolean;
}

export interface SectionReport {
  id: string;
  /** Copy key of the section's heading. */
  heading: string;
  fields: FieldStatus[];
  recommendations: Recommendation[];
}

export interface SheetReport {
  id: SheetId;
  /** Copy key of the sheet's title. */
  title: string;
  /** Whether the file has this sheet at all (a sheet left out is not started, not incomplete). */
  started: boolean;
  answered: number;
  total: number;
  sections: SectionReport[];
}

export interface CompletenessReport {
  answered: number;
  total: number;
  sheets: SheetReport[];
  recommendations: Recommendation[];
}

/** The social sheet's "people to add" rows: the handbook's step 3 names five. */
export const PEOPLE_TO_ADD = 5;

const SMART_LETTERS = [
  ['specific', 'Specific'],
  ['measurable', 'Measurable'],
  ['assignable', 'Assignable'],
  ['relevant', 'Relevant'],
  ['timeBased', 'Time-Based'],
] as const;

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;

/** Whether a field holds anything the learner wrote or ticked (blank text is not an answer). */
export function isAnswered(field: Field, answers: Answers): boolean {
  const value = valueAt(answers, field.path);
  switch (field.kind) {
    case 'writing':
    case 'short':
    case 'characterBoxes':
      return hasText(value);
    case 'ifThen':
      return hasText(valueAt(answers, `${field.path}.if`)) || hasText(valueAt(answers, `${field.path}.then`));
    case 'list':
      return Array.isArray(value) && value.some(hasText);
    case 'checklist':
      return (Array.isArray(value) && value.length > 0) || (field.other !== undefined && hasText(valueAt(answers, field.other.path)));
    case 'table':
    case 'connectionLists':
    case 'quadrantMap':
      return Array.isArray(value) && value.length > 0;
  }
}

/** The recommendations a field's answer breaks. */
function fieldRecommendations(field: Field, answers: Answers): Recommendation[] {
  const value = valueAt(answers, field.path);
  if (field.kind === 'characterBoxes' && typeof value === 'string') {
    const length = codePointLength(value);
    if (length > field.limit) {
      return [{ rule: 'text-limit', path: field.path, message: `${length} characters, over the ${field.limit}-character limit` }];
    }
  }
  if (field.kind === 'table' && field.path === 'network.toAdd') {
    const count = Array.isArray(value) ? value.length : 0;
    if (count < PEOPLE_TO_ADD) {
      return [{ rule: 'five-people-to-add', path: field.path, message: `${count} of ${PEOPLE_TO_ADD} people to add` }];
    }
  }
  if (field.kind === 'checklist' && field.path === 'social.boundaries') {
    const ticked = new Set(Array.isArray(value) ? value : []);
    return BOUNDARIES.filter((item) => !ticked.has(item)).map((item) => ({
      rule: 'boundaries' as const,
      path: field.path,
      message: `"${item}" is not ticked`,
      subject: `social.boundary.${item}`,
    }));
  }
  if (field.path.startsWith('goals.smart.') && field.kind === 'writing') {
    const letter = SMART_LETTERS.find(([key]) => field.path === `goals.smart.${key}`);
    // Only once the learner has begun a SMART goal: WOOP alone is a complete choice.
    if (letter && !hasText(value) && smartStarted(answers)) {
      return [{ rule: 'smart-letter', path: field.path, message: `SMART goal without its ${letter[1]} letter` }];
    }
  }
  return [];
}

function smartStarted(answers: Answers): boolean {
  const smart = answers.goals?.smart;
  return smart !== undefined && Object.values(smart).some(hasText);
}

function sectionReport(section: Section, answers: Answers, started: boolean): SectionReport {
  const fields = section.items.flatMap(fieldsOf);
  return {
    id: section.id,
    heading: section.heading,
    fields: fields.map((field) => ({ path: field.path, ...('label' in field && field.label ? { label: field.label } : {}), answered: isAnswered(field, answers) })),
    recommendations: started ? fields.flatMap((field) => fieldRecommendations(field, answers)) : [],
  };
}

/** The completeness report of valid answers, for every sheet in packet order. */
export function completenessReport(answers: Answers, sheets: readonly SheetId[] = SHEET_IDS): CompletenessReport {
  const sheetReports = SHEET_IDS.filter((id) => sheets.includes(id)).map((id): SheetReport => {
    const sheet = SHEETS[id];
    const started = answers[id] !== undefined;
    const sections: SectionReport[] = [];
    for (const section of sheet.pages.flat()) {
      const report = sectionReport(section, answers, started);
      const previous = sections.at(-1);
      // A section carried onto the next page is the same section to the learner.
      if (section.continued && previous) {
        previous.fields.push(...report.fields);
        previous.recommendations.push(...report.recommendations);
      } else sections.push(report);
    }
    const fields = sections.flatMap((section) => section.fields);
    return { id, title: sheet.title, started, answered: fields.filter((f) => f.answered).length, total: fields.length, sections };
  });
  return {
    answered: sheetReports.reduce((sum, sheet) => sum + sheet.answered, 0),
    total: sheetReports.reduce((sum, sheet) => sum + sheet.total, 0),
    sheets: sheetReports,
    recommendations: sheetReports.flatMap((sheet) => sheet.sections.flatMap((section) => section.recommendations)),
  };
}

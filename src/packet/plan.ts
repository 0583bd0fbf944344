/**
 * A packet planned: which sheets it prints, its header, its template variables and the texts that
 * choose its fonts. `fill`, `blank`, bundles and the API plan every packet here, then render the
 * plan (src/pdf/render.tsx). Pure: no files, no fonts, so a browser can plan too.
 */
import type { Answers } from '../answers/schema.js';
import { formatDate, formatNumber } from '../copy/format.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { HeaderValues } from '../pdf/components/frame.js';
import { sheetsInOrder, SHEET_IDS, type Sheet, type SheetId } from '../worksheets/index.js';
import { sheetsWithAnswers } from '../worksheets/values.js';

/** What a packet is made from: a learner's answers, or a blank set (named for a participant, or not). */
export type PacketSource = { kind: 'learner'; answers: Answers } | { kind: 'blank'; name?: string; program?: string };

export interface PlannedPacket {
  sheets: Sheet[];
  header?: HeaderValues;
  /** The learner's details as template variables (a school may print them in its own copy). */
  variables?: Partial<TemplateVariables>;
  answers?: Answers;
  /** The texts whose scripts choose the packet's fonts. */
  texts: string[];
}

/**
 * Plans one packet. `sheets`: the sheets asked for, in any order; default, a learner's packet has
 * the sheets their answers are for (all of them if none), a blank packet all of them.
 */
export function planPacket(source: PacketSource, locale: string, sheets?: readonly SheetId[]): PlannedPacket {
  if (source.kind === 'learner') {
    const { answers } = source;
    const chosen = sheets ?? sheetsWithAnswers(answers);
    const header = headerValues(answers, locale);
    return {
      sheets: sheetsInOrder(chosen.length > 0 ? chosen : SHEET_IDS),
      header,
      variables: learnerVariables(answers, header),
      answers,
      texts: stringsOf(answers),
    };
  }
  const planned = { sheets: sheetsInOrder(sheets ?? SHEET_IDS), texts: [] as string[] };
  const name = source.name?.trim();
  if (!name) return planned;
  const program = source.program?.trim();
  return {
    ...planned,
    header: { name, ...(program ? { program } : {}) },
    variables: { learner: { name, program: program ?? '' } },
    texts: [name, program ?? ''],
  };
}

/** The header every page of a learner's packet prints. */
export function headerValues(answers: Answers, locale = 'en'): HeaderValues {
  return {
    name: answers.learner.name,
    program: answers.learner.program,
    coach: answers.coach?.name,
    date: answers.session?.date ? formatDate(answers.session.date, locale) : undefined,
    session: answers.session?.number !== undefined ? formatNumber(locale, answers.session.number) : undefined,
  };
}

function learnerVariables(answers: Answers, header: HeaderValues): Partial<TemplateVariables> {
  return {
    learner: { name: answers.learner.name, program: answers.learner.program ?? '' },
    coach: { name: answers.coach?.name ?? '' },
    session: { date: header.date ?? '', number: header.session ?? '' },
  };
}

/** Every string of a value (answers), in order. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

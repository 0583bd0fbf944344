/**
 * The starter answers file written by `init`: every field of the format present and empty, so
 * nothing in it passes for an answer (an empty text prints as blank writing space and `validate
 * --report` lists it as still to do). Lists start empty; the names of their items' fields and the
 * allowed values (tie, area, purposes, boundaries) come from the schema the file points at, which
 * editors use for autocomplete.
 */
import type { Answers } from './schema.js';

export interface StarterOptions {
  /**
   * Value of "$schema". Default "./answers.schema.json": `init` writes the schema beside the file
   * so editors can offer autocomplete offline.
   */
  schema?: string;
  /** Session date, YYYY-MM-DD (e.g. today); omitted by default to keep the function pure. */
  date?: string;
}

export function starterAnswers(options: StarterOptions = {}): Answers {
  return {
    $schema: options.schema ?? './answers.schema.json',
    version: 1,
    learner: { name: '', program: '', email: '' },
    coach: { name: '' },
    session: { ...(options.date ? { date: options.date } : {}), number: 1 },
    goals: {
      priorities: [],
      focus: '',
      woop: { timeframe: '', wish: '', outcome: '', feeling: '', obstacle: '', plan: { if: '', then: '' } },
      smart: { draft: '', specific: '', measurable: '', assignable: '', relevant: '', timeBased: '', statement: '' },
      coachSupport: '',
      nextCheckIn: '',
    },
    network: { contacts: [], gaps: '', toAdd: [], actions: [], maintain: '' },
    social: {
      interests: [],
      purposes: [],
      otherPurpose: '',
      audience: '',
      knownFor: [],
      platforms: [],
      bio: '',
      hashtags: [],
      follow: [],
      share: '',
      boundaries: [],
      timeBudget: '',
      guardrail: { if: '', then: '' },
      discussion: '',
      reviewDate: '',
    },
  };
}

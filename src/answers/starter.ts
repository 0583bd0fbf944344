/**
 * The starter answers file written by `init`. JSON has no comments, so the starter shows every
 * field of the format (empty text to fill in) and one example item in each list, so a learner
 * discovers the names and the allowed values (tie, area, purposes, boundaries) by editing.
 */
import type { Answers } from './schema.js';

export interface StarterOptions {
  /**
   * Value of "$schema". Default "./answers.schema.json": `init` should write the schema beside the
   * file (`pln-worksheets schema > answers.schema.json`) so editors can offer autocomplete offline.
   */
  schema?: string;
  /** Session date, YYYY-MM-DD (e.g. today); omitted by default to keep the function pure. */
  date?: string;
}

export function starterAnswers(options: StarterOptions = {}): Answers {
  return {
    $schema: options.schema ?? './answers.schema.json',
    version: 1,
    learner: { name: 'Your Name', program: '', email: '' },
    coach: { name: '' },
    session: { ...(options.date ? { date: options.date } : {}), number: 1 },
    goals: {
      priorities: ['Example: find a mentor in my specialty'],
      focus: '',
      woop: { timeframe: '', wish: '', outcome: '', feeling: '', obstacle: '', plan: { if: '', then: '' } },
      smart: { draft: '', specific: '', measurable: '', assignable: '', relevant: '', timeBased: '', statement: '' },
      coachSupport: '',
      nextCheckIn: 'in two weeks',
    },
    network: {
      contacts: [{ name: 'Example: Dr. A. Rivera', tie: 'mentor', area: 'academic', role: 'Program director', notes: '' }],
      gaps: '',
      toAdd: [{ name: 'Example: a nurse educator', role: '', area: 'expertise', why: '', how: '', by: '' }],
      actions: [{ action: 'Example: ask for a 20-minute coffee chat', skill: '', support: '', by: '' }],
      maintain: '',
    },
    social: {
      interests: ['Example: medical education'],
      purposes: ['learn'],
      otherPurpose: '',
      audience: '',
      knownFor: ['', '', ''],
      platforms: [{ name: 'Example: LinkedIn', handle: '', why: '' }],
      bio: '',
      hashtags: ['#MedEd'],
      follow: [],
      share: '',
      boundaries: ['patient-privacy'],
      timeBudget: '',
      guardrail: { if: '', then: '' },
      discussion: '',
      reviewDate: '',
    },
  };
}

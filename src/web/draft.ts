/**
 * The form's draft: answers as typed (every value a string, lists as arrays of strings), and the
 * answers file it stands for. Pure functions; the page keeps one draft and saves it as it changes.
 */
import type { Answers } from '../answers/schema.js';
import { setAtPath, valueAt } from '../worksheets/paths.js';

export type Draft = Record<string, unknown>;

/** The draft's value at an answers path (the model's own path helper). */
export const getAt = valueAt;

/** A copy of `draft` with `value` at `path`, objects made on the way. */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const copy = structuredClone(draft);
  setAtPath(copy, path, value);
  return copy;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value && typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Empty text, lists and groups left out, recursively (what the learner has not written). */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned).filter((item) => !isEmpty(item));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, pruned(v)] as const);
    return Object.fromEntries(entries.filter(([, v]) => !isEmpty(v)));
  }
  return value;
}

/**
 * The answers file the draft stands for: what was written, as written, nothing else. The session
 * number becomes a number when it is one; otherwise it stays text, for validation to point at.
 */
export function draftToAnswers(draft: Draft): Answers {
  const answers = (pruned(draft) ?? {}) as Record<string, unknown>;
  // A connection row carries its list's tie from the start: with nothing else it is an empty row.
  const contacts = getAt(answers, 'network.contacts');
  if (Array.isArray(contacts)) {
    const written = contacts.filter((row) => Object.keys(row as object).some((key) => key !== 'tie'));
    setAtPath(answers, 'network.contacts', written);
    if (written.length === 0) delete (answers.network as Record<string, unknown>).contacts;
    if (Object.keys(answers.network as object).length === 0) delete answers.network;
  }
  const learner = (answers.learner ?? {}) as Record<string, unknown>;
  answers.learner = { ...learner, name: learner.name ?? '' };
  const number = getAt(answers, 'session.number');
  if (typeof number === 'string' && /^\s*\d+\s*$/.test(number)) (answers.session as Record<string, unknown>).number = Number(number);
  return { version: 1, ...answers } as Answers;
}

/** The draft an answers file opens as: its values as text (the session number too). */
export function answersToDraft(answers: Answers): Draft {
  const draft = structuredClone(answers) as Draft;
  delete draft.$schema;
  delete draft.version;
  const number = getAt(draft, 'session.number');
  return number === undefined ? draft : setAt(draft, 'session.number', String(number));
}

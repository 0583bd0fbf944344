import type { Answers } from '../answers/schema.js';
import { SHEET_IDS, type SheetId } from './model.js';
import { valueAt } from './paths.js';

export { valueAt } from './paths.js';

export function textAt(answers: Answers | undefined, path: string): string | undefined {
  const value = valueAt(answers, path);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function listAt<T>(answers: Answers | undefined, path: string): T[] {
  const value = valueAt(answers, path);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The sheets an answers file has answers for, in packet order. */
export function sheetsWithAnswers(answers: Answers): SheetId[] {
  return SHEET_IDS.filter((id) => answers[id] !== undefined);
}

import type { Answers } from '../answers/schema.js';
import { SHEET_IDS, type SheetId } from './model.js';

/** The value at a field's answers path (`goals.woop.wish`), or undefined. */
export function valueAt(answers: Answers | undefined, path: string): unknown {
  let value: unknown = answers;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

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

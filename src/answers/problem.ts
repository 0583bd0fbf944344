import type { Answers } from './schema.js';

/**
 * One thing wrong with an answers file, located for a person to fix it.
 * `line` and `column` are 1-based (column counts UTF-16 code units, as editors such as VS Code do);
 * both are 0 when the problem concerns the whole file (missing, unreadable, too big).
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** JSON path such as `network.contacts[2].tie`; "" for the file as a whole. */
  path: string;
  /** Plain-English sentence, complete on its own (it already says what was expected and found). */
  message: string;
  /** What would have been accepted, e.g. `one of "strong", "weak", "mentor"`. */
  expected?: string;
  /** The value found, as written in the file (shortened if long). */
  found?: string;
}

export type LoadResult = { ok: true; answers: Answers } | { ok: false; problems: Problem[] };

/** `learner.json:12:15: network.contacts[2].tie: expected one of …, found "strnog"` */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}

/** Reading order: by line, then column (stable, so equal positions keep their discovery order). */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

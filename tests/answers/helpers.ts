import { expect } from 'vitest';
import { parseAnswers, type Problem } from '../../src/answers/index.js';

/** The problems of an answers text that must fail to load. */
export function problemsOf(text: string, file = 'answers.json'): Problem[] {
  const result = parseAnswers(text, file);
  if (result.ok) expect.fail(`expected problems, but the text loaded: ${text.slice(0, 200)}`);
  return result.problems;
}

/** The single problem of an answers text. */
export function onlyProblem(text: string, file = 'answers.json'): Problem {
  const problems = problemsOf(text, file);
  expect(problems, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return problems[0]!;
}

/** `{"learner": {"name": "Ana"}, …extra}` as pretty JSON, for tests that vary one part. */
export function withLearner(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ learner: { name: 'Ana' }, ...extra }, null, 2);
}

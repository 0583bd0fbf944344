import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswersSchema, parseAnswers } from '../../src/answers/index.js';
import { arbitraryAnswers } from './arbitrary.js';

describe('properties', () => {
  it('any valid answers, written as JSON, load back unchanged (nothing lost or altered)', () => {
    fc.assert(
      fc.property(arbitraryAnswers(), (answers) => {
        const result = parseAnswers(JSON.stringify(answers, null, 2), 'gen.json');
        if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
        expect(result.answers).toStrictEqual(answers);
      }),
      { numRuns: 150 },
    );
  });

  it('the generator only makes answers the schema accepts', () => {
    fc.assert(fc.property(arbitraryAnswers(), (answers) => AnswersSchema.safeParse(answers).success));
  });

  it("an unknown field anywhere in learner is reported at its path, with its key's position", () => {
    fc.assert(
      fc.property(arbitraryAnswers(), fc.constantFrom('nmae', 'zzz', 'Name2', '__proto__'), (answers, key) => {
        const withExtra = { ...answers, learner: { ...answers.learner } };
        Object.defineProperty(withExtra.learner, key, { value: 'x', enumerable: true });
        const text = JSON.stringify(withExtra, null, 2);
        const result = parseAnswers(text, 'gen.json');
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toHaveLength(1);
        const p = result.problems[0]!;
        expect(p.path).toBe(`learner.${key}`);
        const line = text.split('\n')[p.line - 1] ?? '';
        expect(line.slice(p.column - 1)).toBe(`${JSON.stringify(key)}: "x"`);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws, whatever the text; every problem is located inside the file', () => {
    const jsonish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json({ maxDepth: 4 }),
      fc.json({ maxDepth: 3 }).map((j) => `{"learner": ${j}}`),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([j, i, s]) => j.slice(0, i % (j.length + 1)) + s + j.slice(i % (j.length + 1))),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const result = parseAnswers(text, 'fuzz.json');
        if (result.ok) return;
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) {
          expect(p.message.length).toBeGreaterThan(0);
          if (p.line === 0) continue;
          expect(p.line).toBeLessThanOrEqual(lines.length);
          expect(p.column).toBeLessThanOrEqual((lines[p.line - 1]?.length ?? 0) + 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

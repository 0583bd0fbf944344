/**
 * Answers nobody on the team has seen come back unchanged: generated answers files (every script,
 * emoji, markup-looking text, long texts, long lists) through `fill --fillable` and `import`.
 *
 * What a form cannot hold is normalised away first, as documented: "$schema", empty lists and
 * objects, and the order of ticked boxes (import lists them in the sheet's order). Texts are never
 * blank and use "\n" line breaks: a blank field is an untouched field, which stays absent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAnswers, renderFilled } from '../src/api.js';
import { BOUNDARIES, PURPOSES, type Answers } from '../src/answers/index.js';
import { arbitraryAnswersWith, longText, shortText } from './answers/arbitrary.js';

const formText = shortText.map((s) => s.replace(/\r\n?/g, '\n')).filter((s) => s.trim() !== '');

function asForm(answers: Answers): unknown {
  const copy = JSON.parse(JSON.stringify(answers)) as Record<string, Record<string, unknown>>;
  delete copy.$schema;
  const social = copy.social;
  if (social?.purposes) social.purposes = PURPOSES.filter((p) => (social.purposes as string[]).includes(p));
  if (social?.boundaries) social.boundaries = BOUNDARIES.filter((b) => (social.boundaries as string[]).includes(b));
  const compact = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(compact).filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).map(([k, v]) => [k, compact(v)] as const).filter(([, v]) => v !== undefined);
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    return value;
  };
  return compact(copy);
}

describe('unseen answers round-trip through a fillable PDF', () => {
  it('short texts in any script, small and longer lists', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(arbitraryAnswersWith({ text: formText, listShare: 0.1 }), arbitraryAnswersWith({ text: formText, listShare: 0.3 })),
        async (answers) => {
          const pdf = await renderFilled(answers, { fillable: true });
          expect(await importAnswers(pdf, 'generated.pdf')).toEqual(asForm(answers));
        },
      ),
      { numRuns: 8, seed: 20261127 },
    );
  });

  it('texts up to the length limit', async () => {
    const [answers] = fc.sample(arbitraryAnswersWith({ text: fc.oneof(formText, longText.map((s) => s.replace(/\r\n?/g, '\n'))), listShare: 0.05 }), {
      numRuns: 1,
      seed: 7,
    });
    const pdf = await renderFilled(answers!, { fillable: true });
    expect(await importAnswers(pdf, 'generated.pdf')).toEqual(asForm(answers!));
    // Every field of 10,000-character answers is fitted to show in full: over a minute of rendering.
  }, 300_000);
});

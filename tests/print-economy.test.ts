/**
 * Print economy: no page of a blank set or a filled packet carries less than a third of a page
 * of content, except a sheet's last page. Content extent is measured from the rendered pixels
 * (tests/support/page-fill.ts), between the header's answer lines and the footer's rule.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderFilled } from '../src/api.js';
import { formatProblem, loadAnswersFile, type Answers } from '../src/answers/index.js';
import { contentWidth, MARGIN, PAPERS, type Paper } from '../src/pdf/paper.js';
import { pageFills } from './support/page-fill.js';
import { blankOnce, exampleOnce } from './support/rendered.js';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));
const examples = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.json')).sort();

async function load(name: string): Promise<Answers> {
  const result = await loadAnswersFile(path.join(EXAMPLES, name));
  if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
  return result.answers;
}

/** Pages (1-based) that are not their sheet's last and use less than a third of the writing area. */
async function nearEmptyPages(pdf: Uint8Array, paper: Paper): Promise<string[]> {
  const fills = await pageFills(pdf, MARGIN, MARGIN + contentWidth(paper));
  expect(fills.length).toBeGreaterThan(0);
  return fills.filter((fill) => !fill.lastOfSheet && fill.extent < 1 / 3).map((fill) => `page ${fill.page}: ${Math.round(fill.extent * 100)}%`);
}

describe('no near-empty page but a sheet\'s last', () => {
  for (const paper of PAPERS) {
    for (const locale of ['en', 'es']) {
      it(`blank set, ${locale}, ${paper}`, async () => {
        expect(await nearEmptyPages(await blankOnce({ paper, locale }), paper)).toEqual([]);
      });
    }
    for (const name of examples) {
      it(`${name}, ${paper}`, async () => {
        expect(await nearEmptyPages(await exampleOnce(path.basename(name, '.json'), { paper }), paper)).toEqual([]);
      });
    }
  }
});

describe('a goal sheet whose WOOP plan spills over', () => {
  it('goes on with the SMART section on the plan\'s page', async () => {
    // A goal sheet whose WOOP outcome, written twice as long, pushes the plan over: the plan is
    // followed on its page by the SMART section, not left alone on it (it used to fill 14% of it).
    const answers = await load('first-year-woop.json');
    const outcome = Array.from({ length: 2 }, () => answers.goals!.woop!.outcome).join(' ');
    const spilled = { ...answers, goals: { ...answers.goals!, woop: { ...answers.goals!.woop!, outcome } } };
    const pdf = await renderFilled(spilled, { sheets: ['goals'] });
    const fills = await pageFills(pdf, MARGIN, MARGIN + contentWidth('letter'));
    expect(fills.at(-1)!.lastOfSheet).toBe(true);
    expect(fills.slice(0, -1).every((fill) => !fill.lastOfSheet)).toBe(true);
    expect(await nearEmptyPages(pdf, 'letter')).toEqual([]);
  });
});

/**
 * Bounded fuzz test of `fill` with hostile but valid answers (tests/support/hostile-text.ts): every
 * file renders, and every answer's text comes out of the PDF unaltered: no hyphen added, no letter
 * dropped or changed. A few files also go through the CLI, for the exit code and a clean stderr.
 *
 * Fixed seed; FUZZ_CASES answers (default 300), ANSWERS_PER_FILE to an answers file. A larger run:
 *   npm run compile && FUZZ_CASES=2000 FUZZ_SEED=7 FUZZ_CLI_FILES=10 npx vitest run tests/fill-fuzz.test.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers, type Answers } from '../src/answers/index.js';
import { renderFilled } from '../src/api.js';
import type { Copy } from '../src/copy/copy.js';
import { loadCopy } from '../src/copy/load.js';
import { runCli } from './support/cli.js';
import { comparable, found, learnerContent } from './support/content.js';
import { ANSWERS_PER_FILE, hostileText, packIntoAnswers } from './support/hostile-text.js';
import { isCovered } from '../src/pdf/unicode/index.js';

const CASES = Number(process.env.FUZZ_CASES ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const CLI_FILES = Number(process.env.FUZZ_CLI_FILES ?? 1);
/** A file slower than this counts as a hang. */
const HANG_MS = 60_000;

const texts = fc.sample(hostileText, { numRuns: CASES, seed: SEED });
const files = packIntoAnswers(texts);

let copy: Copy;
let dir: string;
beforeAll(async () => {
  copy = await loadCopy('en');
  dir = await mkdtemp(join(tmpdir(), 'pln-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The answers of `answers` (in goal-sheet order) that cannot be found in its PDF. */
/**
 * What the PDF must say, worked out without the code under test (prepareText): the answer less the
 * characters no bundled font has, which print as placeholders. MuPDF's extraction drops the plane
 * of a character beyond U+FFFF (U+30729 comes back as U+0729; poppler reads it right), so such a
 * character is expected as MuPDF reads it.
 */
const printable = (text: string) =>
  [...text]
    .filter((char) => isCovered(char.codePointAt(0)!))
    .map((char) => String.fromCodePoint(char.codePointAt(0)! & 0xffff))
    .join('');

async function alteredAnswers(answers: Answers): Promise<string[]> {
  const pdf = await renderFilled(answers, { sheets: ['goals'], paper: 'letter' });
  const body = await learnerContent(pdf, copy);
  const goals = answers.goals!;
  const strings = [goals.focus, ...Object.values(goals.woop ?? {}), ...Object.values(goals.smart ?? {}), goals.coachSupport, goals.nextCheckIn, ...(goals.priorities ?? [])];
  return strings
    .flatMap((value) => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value) : []))
    .filter((text): text is string => typeof text === 'string')
    .filter((text) => comparable(printable(text)) !== '' && !found(text, body, false, printable))
    .map((text) => JSON.stringify([...text].slice(0, 60).join('')));
}

describe(`fill with hostile answers (${CASES} answers in ${files.length} files, seed ${SEED})`, () => {
  it('generates valid answers files', () => {
    for (const answers of files) expect(parseAnswers(JSON.stringify(answers), 'fuzz.json').ok).toBe(true);
    expect(files.length).toBe(Math.ceil(CASES / ANSWERS_PER_FILE));
  });

  it('prints every answer unaltered, without errors or hangs', { timeout: Math.max(120_000, files.length * HANG_MS) }, async () => {
    const report: { file: number; ms: number; error?: string; altered?: string[] }[] = [];
    for (const [file, answers] of files.entries()) {
      const started = performance.now();
      try {
        const altered = await alteredAnswers(answers);
        const ms = Math.round(performance.now() - started);
        if (altered.length > 0 || ms > HANG_MS) report.push({ file, ms, altered });
      } catch (error) {
        report.push({ file, ms: Math.round(performance.now() - started), error: String(error) });
      }
    }
    expect(report).toEqual([]);
  });

  it('exits 0 from the CLI, with nothing on stderr but warnings', { timeout: Math.max(120_000, CLI_FILES * HANG_MS) }, async () => {
    for (const [index, answers] of files.slice(0, CLI_FILES).entries()) {
      const input = join(dir, `fuzz-${index}.json`);
      await writeFile(input, JSON.stringify(answers));
      const result = await runCli(['fill', input, '--sheet', 'goals', '--out', join(dir, `fuzz-${index}.pdf`)]);
      expect({ index, code: result.code, stack: /\n\s+at /.test(result.stderr) }).toEqual({ index, code: 0, stack: false });
      expect(result.stderr.split('\n').filter((line) => line && !/warning/.test(line))).toEqual([]);
    }
  });
});

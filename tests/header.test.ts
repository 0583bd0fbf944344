/**
 * The header's cells share the width by what they print: a realistic coach's name and title
 * fits on one line, while a value too long for any cell still wraps (nothing is cut).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { renderFilled } from '../src/api.js';
import { formatProblem, LIMITS, loadAnswersFile, parseAnswers } from '../src/answers/index.js';
import { headerWidths } from '../src/pdf/header-widths.js';
import { normaliseText, pdfLines, pdfText } from './support/pdf.js';

const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));
const BLANK_WEIGHTS = [3.2, 2.4, 2.4, 1.7, 1];

describe('headerWidths', () => {
  it('keeps the blank proportions when nothing is printed', () => {
    const widths = headerWidths(BLANK_WEIGHTS.map((weight) => ({ weight, label: 20 })), 107);
    expect(widths.map((width) => Number(width.toFixed(6)))).toEqual([32, 24, 24, 17, 10]);
  });

  it('gives a long value the room short ones do not need, and shares the rest when all fit', () => {
    const widths = headerWidths(
      [
        { weight: 3.2, label: 20, value: 30 },
        { weight: 2.4, label: 50, value: 100 },
        { weight: 2.4, label: 25, value: 180 },
        { weight: 1.7, label: 20, value: 55 },
        { weight: 1, label: 30, value: 5 },
      ],
      508,
    );
    expect(widths[2]).toBeGreaterThanOrEqual(180);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(508, 6);
  });

  it('lets a value too long for the header wrap in the room left, never below its share', () => {
    const widths = headerWidths(
      [
        { weight: 3.2, label: 20, value: 900 },
        { weight: 2.4, label: 50 },
        { weight: 2.4, label: 25, value: 60 },
        { weight: 1.7, label: 20, value: 55 },
        { weight: 1, label: 30, value: 5 },
      ],
      508,
    );
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeCloseTo(508, 6);
    // The empty program cell keeps its blank share: room to write by hand.
    expect(widths[1]).toBeCloseTo((508 * 2.4) / 10.7, 6);
    expect(widths[0]).toBeGreaterThan((508 * 3.2) / 10.7);
  });
});

describe('the header of a filled sheet', () => {
  it('prints the multilingual example\'s coach, Hebrew name and Latin parenthetical, on one line', async () => {
    const loaded = await loadAnswersFile(path.join(EXAMPLES, 'multilingual-long.json'));
    if (!loaded.ok) expect.fail(loaded.problems.map(formatProblem).join('\n'));
    expect(loaded.answers.coach.name).toBe('ד״ר יעל בן-דוד (Dr. Yael Ben-David)');
    const pdf = await renderFilled(loaded.answers, { sheets: ['goals'] });
    const header = (await pdfLines(pdf))[0]!.filter((line) => line.bbox[1] < 80);
    const coach = header.filter((line) => /Yael|Ben-David|יעל/u.test(line.text));
    expect(coach.map((line) => line.text)).toHaveLength(1);
    expect(coach[0]!.text).toContain('Dr. Yael Ben-David');
    expect(coach[0]!.text).toContain('יעל');
  });
});

describe('the tallest header the answers format allows', () => {
  /** LIMITS.headerLines lines, the last one long enough to wrap, LIMITS.headerChars characters in all. */
  function tallest(label: string): string {
    const lines = Array.from({ length: LIMITS.headerLines - 1 }, (_, i) => `${label}${i + 1}`);
    const head = lines.join('\n') + '\n';
    return head + 'Wide Words Wrapping '.repeat(10).slice(0, LIMITS.headerChars - [...head].length);
  }

  it.each([
    ['letter', 'en'],
    ['a4', 'es'],
  ] as const)('leaves every sheet room on %s paper (%s), and prints every line', async (paper, locale) => {
    const answers = {
      learner: { name: tallest('N'), program: tallest('P'), email: `${'a'.repeat(64)}@${'d'.repeat(LIMITS.emailChars - 69)}.edu` },
      coach: { name: tallest('C') },
      session: { date: '2026-01-02', number: 3 },
    };
    const parsed = parseAnswers(JSON.stringify(answers), 'tall.json');
    if (!parsed.ok) expect.fail(parsed.problems.map(formatProblem).join('\n'));
    for (const field of [answers.learner.name, answers.learner.program, answers.coach.name]) {
      expect([...field]).toHaveLength(LIMITS.headerChars);
      expect(field.split('\n')).toHaveLength(LIMITS.headerLines);
    }
    const pdf = await renderFilled(parsed.answers, { sheets: ['goals', 'network', 'social'], paper, locale });
    const pages = (await pdfText(pdf)).map((page) => normaliseText(page).replace(/\s+/g, ''));
    // The header is on every page, whole; the sheets follow it.
    for (const page of pages) {
      for (const field of [answers.learner.name, answers.learner.program, answers.coach.name]) expect(page).toContain(normaliseText(field).replace(/\s+/g, ''));
    }
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['letter', 'en', 'The map', 'Legend'],
    ['a4', 'es', 'El mapa', 'Leyenda'],
  ] as const)('in wide letters on %s paper (%s), the map gives up the room it takes: heading, map and legend on one page, and no layout warning', async (paper, locale, heading, legend) => {
    const wide = (label: string) => tallest(label).replace(/[A-Za-z]/g, (c) => (c === c.toUpperCase() ? 'W' : 'm'));
    const answers = {
      learner: { name: wide('N'), program: wide('P') },
      coach: { name: wide('C') },
      network: { contacts: [{ name: 'Dr. Lee', tie: 'mentor', area: 'academic' }] },
    };
    const parsed = parseAnswers(JSON.stringify(answers), 'wide.json');
    if (!parsed.ok) expect.fail(parsed.problems.map(formatProblem).join('\n'));
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((...data: unknown[]) => void warnings.push(data.join(' ')));
    let pdf: Uint8Array;
    try {
      pdf = await renderFilled(parsed.answers, { sheets: ['network'], paper, locale });
    } finally {
      warn.mockRestore();
    }
    // The paginator warns when a block that cannot break is taller than a whole page.
    expect(warnings).toEqual([]);
    const pages = (await pdfText(pdf)).map(normaliseText);
    const mapPage = pages.find((page) => page.includes(heading));
    expect(mapPage).toBeDefined();
    expect(mapPage).toContain(legend);
    expect(mapPage).toContain('Dr. Lee');
  });
});

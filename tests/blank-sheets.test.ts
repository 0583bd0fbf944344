/**
 * What a coach relies on when printing blank worksheets: every prompt is there, on the right paper,
 * with embedded fonts, the same bytes every time, and pages that look as they did when reviewed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBlank } from '../src/api.js';
import { compileCopy } from '../src/copy/copy.js';
import { readTemplateFiles, builtInTemplatesDir } from '../src/copy/load.js';
import { SHEET_IDS, type SheetId } from '../src/worksheets/index.js';
import { fontReport, normaliseText, pageSizes, pdfInfo, pdfText } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';
import { blankOnce } from './support/rendered.js';

const PAGES_PER_SHEET: Record<SheetId, number> = { goals: 2, network: 3, social: 3 };

/** Copy that only filled sheets print. */
const FILLED_ONLY = new Set(['social.bio.count']);

/** The handbook's own terms (It Takes Two, chapter 8), which must appear exactly as written. */
const HANDBOOK_TERMS: Record<SheetId, string[]> = {
  goals: ['WOOP', 'Wish', 'Outcome', 'Obstacle', 'Plan', 'SMART', 'Specific', 'Measurable', 'Assignable', 'Relevant', 'Time-Based'],
  network: [
    'Strong connections',
    'Weak connections',
    'Mentors',
    'Academic network',
    'Expertise network',
    'Professional identity network',
    'Informal communities',
    'Me',
    'Five people to add',
    'Actions and skills',
    'Strong tie',
    'Weak tie',
    'Mentor',
  ],
  social: ['Boundaries checklist', 'Bio draft', '160 characters', '#MedEd', '#FOAMed', 'Time budget', 'Guardrail'],
};

async function sheetCopy(sheet: SheetId): Promise<Map<string, string>> {
  const files = await readTemplateFiles(builtInTemplatesDir, 'en');
  const copy = compileCopy('en', files);
  const texts = new Map<string, string>();
  for (const key of copy.keys.filter((key) => key.startsWith(`${sheet}.`) && !FILLED_ONLY.has(key))) {
    texts.set(key, copy.text(key));
  }
  return texts;
}

const lower = (s: string) => normaliseText(s).toLowerCase();

describe.each(['letter', 'a4'] as const)('blank sheets on %s', (paper) => {
  const pdfs = new Map<SheetId | 'all', Uint8Array>();

  beforeAll(async () => {
    pdfs.set('all', await blankOnce({ paper }));
    for (const sheet of SHEET_IDS) pdfs.set(sheet, await blankOnce({ paper, sheets: [sheet] }));
  });

  it.each(SHEET_IDS)('the %s sheet prints every prompt, label, hint and option of its copy', async (sheet) => {
    const text = lower((await pdfText(pdfs.get(sheet)!)).join('\n'));
    const missing = [...(await sheetCopy(sheet))].filter(([, words]) => !text.includes(lower(words)));
    expect(missing).toEqual([]);
  });

  it.each(SHEET_IDS)("the %s sheet keeps the handbook's terms as written", async (sheet) => {
    const text = normaliseText((await pdfText(pdfs.get(sheet)!)).join('\n'));
    for (const term of HANDBOOK_TERMS[sheet]) expect(text).toContain(term);
  });

  it('every page has the header, the footer with page x of y, and the credits', async () => {
    const pages = (await pdfText(pdfs.get('all')!)).map(normaliseText);
    expect(pages).toHaveLength(8);
    pages.forEach((page, index) => {
      for (const label of ['Name', 'Program / year', 'Coach', 'Date', 'Session']) expect(page).toContain(label);
      expect(page).toContain(`Page ${index + 1} of 8`);
      expect(page).toContain('Framework adapted from Haley K, Haas M, Santen SA');
    });
    expect(pages.slice(0, 2).join(' ')).toContain('WOOP: Gabriele Oettingen, woopmylife.org');
    expect(pages.slice(0, 2).join(' ')).toContain('SMART: after Doran GT');
  });

  it('each sheet has its page count, and a packet prints them in order', async () => {
    for (const sheet of SHEET_IDS) expect(await pageSizes(pdfs.get(sheet)!)).toHaveLength(PAGES_PER_SHEET[sheet]);
    const titles = (await pdfText(pdfs.get('all')!)).map((page) => page.match(/Goal sheet|Network map|Social media reflection/)?.[0]);
    expect(titles).toEqual(['Goal sheet', 'Goal sheet', 'Network map', 'Network map', 'Network map', ...Array(3).fill('Social media reflection')]);
  });

  it(`every page is ${paper} size, laid out for it rather than scaled`, async () => {
    const expected = paper === 'letter' ? { width: 612, height: 792 } : { width: 595.28, height: 841.89 };
    for (const size of await pageSizes(pdfs.get('all')!)) {
      expect(size.width).toBeCloseTo(expected.width, 1);
      expect(size.height).toBeCloseTo(expected.height, 1);
    }
  });

  it('embeds every font (no unembedded standard fonts)', async () => {
    const fonts = await fontReport(pdfs.get('all')!);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || font.standard14)).toEqual([]);
  });

  it('carries title, subject, author, creator and language metadata', async () => {
    const info = await pdfInfo(pdfs.get('all')!);
    expect(info.title).toBe('Personal learning network worksheets: Goal sheet, Network map, Social media reflection');
    expect(info.subject).toBe('Personal learning network worksheets');
    expect(info.author).toBe('pln-worksheets');
    expect(info.creator).toMatch(/^pln-worksheets \d+\.\d+\.\d+$/);
    expect(info.lang).toBe('en');
  });

  it('renders the same bytes twice', async () => {
    const again = await renderBlank({ paper });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(pdfs.get('all')!))).toBe(0);
  });

  it('looks as reviewed, page by page (pixel baselines)', async () => {
    await expectPagesMatchBaseline(`blank-${paper}`, pdfs.get('all')!);
  });
});

describe('the PDF date', () => {
  it('is the date given, so a build can pin it (SOURCE_DATE_EPOCH)', async () => {
    const pdf = await renderBlank({ sheets: ['goals'], date: new Date(Date.UTC(2023, 10, 14, 22, 13, 20)) });
    expect((await pdfInfo(pdf)).creationDate).toMatch(/^D:20231114221320/);
  });
});

describe('the copy ships in templates/', () => {
  it('the templates folder holds the English copy of every sheet', async () => {
    for (const sheet of [...SHEET_IDS, 'common']) {
      const text = await readFile(path.join(builtInTemplatesDir, 'en', `${sheet}.json`), 'utf8');
      expect(Object.keys(JSON.parse(text)).length).toBeGreaterThan(3);
    }
  });
});

// Tests of the PDF inspection toolkit in tests/support/ itself.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createElement as h } from 'react';
import { Document, Font, Page, Text, TextInput, View, renderToBuffer } from '@react-pdf/renderer';
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontReport, normaliseText, pageSizes, pdfInfo, pdfText, rasterise } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOTO = path.join(ROOT, 'fonts/noto-sans/NotoSans_400Regular.ttf');
const FIXED_DATE = new Date('2024-01-02T03:04:05Z');

const A4: [number, number] = [595.28, 841.89];
const LETTER_LANDSCAPE: [number, number] = [792, 612];
const WRAPPED = ['A long sentence about your personal', 'learning network that wraps over', 'three lines.'];

/** Two pages with pdf-lib: standard (unembedded) Helvetica, metadata, /Lang. */
async function makePdfLibPdf(options: { secondLine?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Toolkit self-test');
  doc.setSubject('Testing the tests');
  doc.setAuthor('PLN worksheets');
  doc.setCreator('support.test.ts');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('en-GB'));
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);

  const p1 = doc.addPage(A4);
  // Drawn bottom first, so content order and visual order differ.
  p1.drawText('Footer drawn first', { x: 50, y: 40, size: 10, font: helvetica });
  p1.drawText('Time-Based goals', { x: 50, y: 780, size: 20, font: helvetica });
  WRAPPED.forEach((line, i) => {
    p1.drawText(line, { x: 50, y: 740 - i * 14, size: 12, font: helvetica });
  });
  p1.drawText(options.secondLine ?? 'Unchanged page content', { x: 50, y: 600, size: 24, font: helvetica });
  p1.drawRectangle({ x: 50, y: 400, width: 200, height: 100, color: rgb(0.2, 0.4, 0.8) });

  const p2 = doc.addPage(LETTER_LANDSCAPE);
  p2.drawText('Second page', { x: 50, y: 500, size: 18, font: helvetica });
  return doc.save();
}

/** One pdf-lib page of plain text, for the pixel tests. */
async function makeOnePagePdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 150, size: 24, font: helvetica });
  return doc.save();
}

/** A react-pdf document using an embedded TrueType font (Noto Sans). */
async function makeReactPdf(): Promise<Uint8Array> {
  Font.register({ family: 'Noto Sans', fonts: [{ src: NOTO, fontWeight: 400 }] });
  Font.registerHyphenationCallback((word) => [word]);
  const long =
    'Describe one person in your network who helped you learn something new this month, and how you found them.';
  const element = h(
    Document,
    { title: 'Goal sheet', author: 'PLN worksheets', language: 'en-GB', creationDate: FIXED_DATE },
    h(
      Page,
      { size: 'A4', style: { fontFamily: 'Noto Sans', fontSize: 12, padding: 40 } },
      h(Text, { style: { fontSize: 18 } }, 'Time-Based: when will you reach it?'),
      h(
        View,
        { style: { flexDirection: 'row', marginTop: 12 } },
        h(View, { style: { width: 220 } }, h(Text, null, `Left column. ${long}`)),
        h(View, { style: { width: 220, marginLeft: 20 } }, h(Text, null, `Right column. ${long}`)),
      ),
    ),
  );
  return new Uint8Array(await renderToBuffer(element));
}

let pdfLibPdf: Uint8Array;
let reactPdf: Uint8Array;

beforeAll(async () => {
  [pdfLibPdf, reactPdf] = await Promise.all([makePdfLibPdf(), makeReactPdf()]);
});

describe('pdfText', () => {
  it('returns one string per page, lines in reading order', async () => {
    const pages = await pdfText(pdfLibPdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Time-Based goals');
    expect(pages[0]).toContain(WRAPPED.join('\n'));
    expect(pages[1]).toBe('Second page');
  });

  it('finds a wrapped sentence after normaliseText', async () => {
    const [page1 = ''] = await pdfText(pdfLibPdf);
    expect(page1).not.toContain(WRAPPED.join(' '));
    expect(normaliseText(page1)).toContain(WRAPPED.join(' '));
  });

  it("keeps the PDF's drawing order by default and sorts top-down with order: 'visual'", async () => {
    const [content = ''] = await pdfText(pdfLibPdf);
    const [visual = ''] = await pdfText(pdfLibPdf, { order: 'visual' });
    expect(content.indexOf('Footer drawn first')).toBeLessThan(content.indexOf('Time-Based goals'));
    expect(visual.indexOf('Time-Based goals')).toBeLessThan(visual.indexOf('Footer drawn first'));
    expect(visual.trimEnd().endsWith('Footer drawn first')).toBe(true);
  });

  it('keeps side-by-side react-pdf columns apart', async () => {
    const [page = ''] = await pdfText(reactPdf);
    const text = normaliseText(page);
    expect(text.startsWith('Time-Based: when will you reach it?')).toBe(true);
    expect(text).toContain(
      'Left column. Describe one person in your network who helped you learn something new this month, and how you found them.',
    );
    expect(text).toContain('Right column. Describe one person');
    expect(text.indexOf('Left column.')).toBeLessThan(text.indexOf('Right column.'));
  });

  it('normaliseText collapses all whitespace', () => {
    expect(normaliseText('  a\n\nb\t c\u00a0d  ')).toBe('a b c d');
  });
});

describe('pageSizes', () => {
  it('reports each page in points', async () => {
    const sizes = await pageSizes(pdfLibPdf);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]?.width).toBeCloseTo(A4[0], 1);
    expect(sizes[0]?.height).toBeCloseTo(A4[1], 1);
    expect(sizes[1]).toEqual({ width: 792, height: 612 });
  });

  it('reads react-pdf A4', async () => {
    const [size] = await pageSizes(reactPdf);
    expect(size?.width).toBeCloseTo(595.28, 1);
    expect(size?.height).toBeCloseTo(841.89, 1);
  });
});

describe('fontReport', () => {
  it('detects an unembedded standard-14 font (pdf-lib StandardFonts)', async () => {
    const fonts = await fontReport(pdfLibPdf);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatchObject({
      name: 'Helvetica',
      baseName: 'Helvetica',
      subtype: 'Type1',
      embedded: false,
      subset: false,
      standard14: true,
      pages: [1, 2],
      inFormResources: false,
    });
  });

  it('detects embedded TrueType fonts in react-pdf output, through Type0 descendants', async () => {
    const fonts = await fontReport(reactPdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.filter((f) => f.standard14)).toEqual([]);
    const noto = fonts.find((f) => f.baseName.startsWith('NotoSans'));
    expect(noto).toMatchObject({ embedded: true, subset: true, pages: [1] });
    if (noto?.subtype === 'Type0') {
      expect(noto.descendantSubtype).toBe('CIDFontType2');
    }
    expect(noto?.fontFile).toBe('FontFile2');
  });

  it('reports the form default font that viewers use for field text', async () => {
    Font.register({ family: 'Noto Sans', fonts: [{ src: NOTO, fontWeight: 400 }] });
    const form = await renderToBuffer(
      h(
        Document,
        { creationDate: FIXED_DATE },
        h(
          Page,
          { size: 'A6', style: { fontFamily: 'Noto Sans', padding: 20 } },
          h(Text, null, 'Your answer:'),
          h(TextInput, { name: 'answer', fontSize: 12, style: { height: 40 } }),
        ),
      ),
    );
    const fonts = await fontReport(new Uint8Array(form));
    // react-pdf 4.9 puts the font in effect at the field into /AcroForm /DR
    // (unembedded Helvetica when no fontFamily is set).
    expect(fonts.filter((f) => f.inFormResources)).toMatchObject([
      { baseName: 'NotoSans-Regular', embedded: true, pages: [1], inFormResources: true },
    ]);
  });
});

describe('pdfInfo', () => {
  it('reads the info dictionary and the catalog language', async () => {
    const info = await pdfInfo(pdfLibPdf);
    expect(info).toMatchObject({
      title: 'Toolkit self-test',
      subject: 'Testing the tests',
      author: 'PLN worksheets',
      creator: 'support.test.ts',
      producer: 'pdf-lib',
      lang: 'en-GB',
    });
    expect(info.creationDate).toMatch(/^D:20240102030405/);
  });

  it('reads react-pdf metadata', async () => {
    const info = await pdfInfo(reactPdf);
    expect(info.title).toBe('Goal sheet');
    expect(info.author).toBe('PLN worksheets');
    expect(info.lang).toBe('en-GB');
    expect(info.creationDate).toMatch(/^D:20240102030405/);
    expect(info.subject).toBeUndefined();
  });
});

describe('rasterise', () => {
  it('gives one opaque RGB PNG per page on a white background', async () => {
    const pngs = await rasterise(pdfLibPdf, { dpi: 36 });
    expect(pngs).toHaveLength(2);
    const first = PNG.sync.read(pngs[0] as Buffer);
    expect(first.width).toBe(Math.round(A4[0] / 2));
    expect(first.height).toBe(Math.round(A4[1] / 2));
    // Colour type 2 is truecolour without alpha.
    expect((pngs[0] as Buffer).readUInt8(25)).toBe(2);
    // Top-left corner is blank paper.
    expect([...first.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    const second = PNG.sync.read(pngs[1] as Buffer);
    expect([second.width, second.height]).toEqual([396, 306]);
  });

  it('is deterministic', async () => {
    const a = await rasterise(reactPdf, { dpi: 50 });
    const b = await rasterise(reactPdf, { dpi: 50 });
    expect(a.length).toBe(1);
    expect(Buffer.compare(a[0] as Buffer, b[0] as Buffer)).toBe(0);
  });
});

describe('expectPagesMatchBaseline', () => {
  let dir: string;
  let baselineDir: string;
  let artifactsDir: string;
  const logged: string[] = [];
  const opts = () => ({ baselineDir, artifactsDir, log: (l: string) => logged.push(l), update: false });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pln-baselines-'));
    baselineDir = path.join(dir, 'baselines');
    artifactsDir = path.join(dir, 'artifacts');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes missing baselines, then matches the same PDF', async () => {
    const pdf = await makeOnePagePdf('Hello network');
    const created = await expectPagesMatchBaseline('hello', pdf, opts());
    expect(created.pages).toEqual([{ page: 1, status: 'created', diffPixels: 0, width: 300, height: 200 }]);
    expect(existsSync(path.join(baselineDir, 'hello-p1.png'))).toBe(true);
    expect(logged.at(-1)).toMatch(/created 1 baseline\(s\) for "hello"/);

    const again = await expectPagesMatchBaseline('hello', pdf, opts());
    expect(again.pages).toEqual([{ page: 1, status: 'match', diffPixels: 0, width: 300, height: 200 }]);
  });

  it('fails when a page changes, naming the page and the differing pixels, and leaves artifacts', async () => {
    await expectPagesMatchBaseline('changes', await makePdfLibPdf(), opts());
    const changed = await makePdfLibPdf({ secondLine: 'Changed page content!' });
    const error = await expectPagesMatchBaseline('changes', changed, opts()).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toMatch(/page 1: \d+ of \d+ pixels differ/);
    expect(error?.message).not.toMatch(/page 2:/);
    const files = await readdir(artifactsDir);
    expect(files.sort()).toEqual(['changes-p1.actual.png', 'changes-p1.diff.png', 'changes-p1.expected.png']);

    // The baseline itself was left alone: the original still matches, and the
    // stale artifacts of the failure are cleared.
    await expectPagesMatchBaseline('changes', await makePdfLibPdf(), opts());
    expect(await readdir(artifactsDir)).toEqual([]);
  });

  it('catches a one-letter change in 10 pt text with the default tolerance', async () => {
    Font.register({ family: 'Noto Sans', fonts: [{ src: NOTO, fontWeight: 400 }] });
    const render = async (text: string) =>
      new Uint8Array(
        await renderToBuffer(
          h(
            Document,
            { creationDate: FIXED_DATE },
            h(Page, { size: 'A4', style: { fontFamily: 'Noto Sans', fontSize: 10, padding: 40 } }, h(Text, null, text)),
          ),
        ),
      );
    await expectPagesMatchBaseline('letter', await render('Hello network of learners.'), opts());
    await expect(expectPagesMatchBaseline('letter', await render('Hello netwerk of learners.'), opts())).rejects.toThrow(
      /page 1: \d+ of 501832 pixels differ/,
    );
  });

  it('fails on stale baselines for pages the PDF no longer has', async () => {
    await expectPagesMatchBaseline('shrinks', await makePdfLibPdf(), opts());
    const onePage = await PDFDocument.load(await makePdfLibPdf());
    onePage.removePage(1);
    const shorter = await onePage.save();
    await expect(expectPagesMatchBaseline('shrinks', shorter, opts())).rejects.toThrow(
      /the PDF has 1 page\(s\).*stale baseline\(s\) for page\(s\) 2/,
    );
  });

  it('fails when a page has no baseline although others do', async () => {
    const onePage = await makeOnePagePdf('One');
    await expectPagesMatchBaseline('grows', onePage, opts());
    const doc = await PDFDocument.load(onePage);
    doc.addPage([300, 200]);
    await expect(expectPagesMatchBaseline('grows', await doc.save(), opts())).rejects.toThrow(
      /no baseline for page\(s\) 2/,
    );
  });

  it('fails when the page size changes', async () => {
    await expectPagesMatchBaseline('resized', await makeOnePagePdf('Size'), opts());
    const doc = await PDFDocument.load(await makeOnePagePdf('Size'));
    doc.getPage(0).setSize(310, 200);
    await expect(expectPagesMatchBaseline('resized', await doc.save(), opts())).rejects.toThrow(
      /page 1: size 310x200 px differs from baseline 300x200 px/,
    );
  });

  it('update mode rewrites baselines and removes stale ones', async () => {
    await expectPagesMatchBaseline('updated', await makePdfLibPdf(), opts());
    const single = await makeOnePagePdf('Now one page');
    const result = await expectPagesMatchBaseline('updated', single, { ...opts(), update: true });
    expect(result.pages.map((p) => p.status)).toEqual(['updated']);
    expect(result.removed.map((f) => path.basename(f))).toEqual(['updated-p2.png']);
    expect(logged.at(-1)).toMatch(/updated 1 baseline\(s\) for "updated".*removed stale updated-p2\.png/);
    await expectPagesMatchBaseline('updated', single, opts());
  });

  it('rejects names that are not plain file names', async () => {
    await expect(expectPagesMatchBaseline('../escape', await makeOnePagePdf('x'), opts())).rejects.toThrow(
      /baseline name/,
    );
  });
});

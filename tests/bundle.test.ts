/**
 * Bundles as their readers use them: the outline and the contents lead to the right pages, the
 * page labels read like a book's, each packet is numbered within itself, workshop packets carry
 * the participant's name and start on a fresh sheet of paper, nothing a learner wrote is lost,
 * and the same inputs give the same bytes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mupdf from 'mupdf';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadAnswersFile, type Answers } from '../src/answers/index.js';
import { renderBundle, renderBundleWithLayout, renderFilled, type BundleResult, type PacketInput } from '../src/api.js';
import type { Copy } from '../src/copy/copy.js';
import { loadCopy } from '../src/copy/load.js';
import { SHEETS, sheetsInOrder, type SheetId } from '../src/worksheets/index.js';
import { sheetsWithAnswers } from '../src/worksheets/values.js';
import { comparable, learnerContent } from './support/content.js';
import { fontReport, normaliseText, pageSizes, pdfLines, pdfText, type PageLine } from './support/pdf.js';
import { expectPagesMatchBaseline } from './support/pixels.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const EXAMPLE_NAMES = ['first-year-woop', 'resident-smart', 'multilingual-long'] as const;

async function load(name: string): Promise<Answers> {
  const result = await loadAnswersFile(path.join(EXAMPLES, `${name}.json`));
  if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
  return result.answers;
}

interface Outline {
  title: string;
  /** 0-based page. */
  page: number;
  children: Outline[];
}

function withDoc<T>(pdf: Uint8Array, fn: (doc: mupdf.PDFDocument) => T): T {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    return fn(doc.asPDF()!);
  } finally {
    doc.destroy();
  }
}

function outlineOf(pdf: Uint8Array): Outline[] {
  const convert = (items: mupdf.OutlineItem[]): Outline[] =>
    items.map((item) => ({ title: item.title ?? '', page: item.page ?? -1, children: convert(item.down ?? []) }));
  return withDoc(pdf, (doc) => convert(doc.loadOutline() ?? []));
}

interface LinkInfo {
  /** [x0, y0, x1, y1], top-left origin. */
  rect: number[];
  /** 0-based page the link goes to. */
  target: number;
}

function linksOf(pdf: Uint8Array, pageIndex: number): LinkInfo[] {
  return withDoc(pdf, (doc) => {
    const page = doc.loadPage(pageIndex);
    return page.getLinks().map((link) => ({ rect: [...link.getBounds()], target: doc.resolveLink(link) }));
  });
}

function labelsOf(pdf: Uint8Array): string[] {
  return withDoc(pdf, (doc) => Array.from({ length: doc.countPages() }, (_, i) => (doc.loadPage(i) as mupdf.PDFPage).getLabel()));
}

/** A new PDF of some pages of `pdf` (0-based, in order). */
async function extractPages(pdf: Uint8Array, pages: number[]): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  for (const page of await out.copyPages(source, pages)) out.addPage(page);
  return out.save();
}

/**
 * Where each sheet really starts, read from the pages themselves: a sheet's first page has its
 * step (upper case) then its title at the top of the body. 0-based page indices, in page order.
 */
function sheetStartsFromText(texts: string[], copy: Copy): { page: number; sheet: SheetId }[] {
  const starts: { page: number; sheet: SheetId }[] = [];
  texts.forEach((text, page) => {
    for (const id of Object.keys(SHEETS) as SheetId[]) {
      const marker = `${copy.text(SHEETS[id].step).toUpperCase()}\n${copy.text(SHEETS[id].title)}`;
      if (text.includes(marker)) starts.push({ page, sheet: id });
    }
  });
  return starts;
}

let copy: Copy;
let learners: Answers[];
let handbook: BundleResult;
let handbookPackets: PacketInput[];
let texts: string[];

const HANDBOOK = {
  title: 'Appendix C: Personal learning network worksheets',
  subtitle: 'Worked examples for coaches and learners',
  institution: 'Example School of Medicine',
  pagePrefix: 'C-',
  startPage: 41,
};

beforeAll(async () => {
  copy = await loadCopy('en');
  learners = await Promise.all(EXAMPLE_NAMES.map(load));
  handbookPackets = [{ kind: 'blank' }, ...learners.map((answers, i) => ({ kind: 'learner' as const, answers, source: `${EXAMPLE_NAMES[i]}.json` }))];
  handbook = await renderBundleWithLayout(handbookPackets, HANDBOOK);
  texts = await pdfText(handbook.pdf);
}, 120_000);

/** The sheets each packet of the handbook has, in order. */
function expectedSheets(): { packet: string; sheets: SheetId[] }[] {
  return [
    { packet: copy.text('bundle.blank'), sheets: ['goals', 'network', 'social'] },
    ...learners.map((answers) => ({ packet: answers.learner.name, sheets: sheetsInOrder(sheetsWithAnswers(answers)).map((sheet) => sheet.id) })),
  ];
}

describe('a handbook appendix: a blank set and three learners', () => {
  it('opens with a title page: title, subtitle, institution', () => {
    const title = normaliseText(texts[0]!);
    expect(title).toContain(HANDBOOK.title);
    expect(title).toContain(HANDBOOK.subtitle);
    expect(title).toContain(HANDBOOK.institution);
  });

  it('has a sheet start for every sheet of every packet, where the layout says', () => {
    const truth = sheetStartsFromText(texts, copy);
    const expected = expectedSheets().flatMap(({ sheets }) => sheets);
    expect(truth.map((start) => start.sheet)).toEqual(expected);
    expect(handbook.layout.packets.flatMap((packet) => packet.sheets.map((sheet) => sheet.page - 1))).toEqual(truth.map((start) => start.page));
  });

  it('bookmarks every packet and every sheet, each on the page where it starts', () => {
    const truth = sheetStartsFromText(texts, copy);
    const outline = outlineOf(handbook.pdf);
    expect(outline.map((item) => item.title)).toEqual([copy.text('bundle.contents'), ...expectedSheets().map((p) => p.packet)]);
    expect(outline[0]!.page).toBe(1);
    let next = 0;
    for (const [index, { sheets }] of expectedSheets().entries()) {
      const item = outline[index + 1]!;
      expect(item.children.map((child) => child.title)).toEqual(sheets.map((id) => copy.text(SHEETS[id].title)));
      // The packet's bookmark and its first sheet's land on the packet's first page.
      expect(item.page).toBe(truth[next]!.page);
      for (const child of item.children) expect(child.page).toBe(truth[next++]!.page);
    }
  });

  it('opens with the outline shown', async () => {
    const doc = await PDFDocument.load(handbook.pdf);
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('lists every packet and sheet in the contents with its page label', () => {
    const truth = sheetStartsFromText(texts, copy);
    const contents = pdfLinesText(1);
    let next = 0;
    const lines: string[] = [];
    for (const { packet, sheets } of expectedSheets()) {
      lines.push(`${packet} … C-${41 + truth[next]!.page}`);
      for (const id of sheets) lines.push(`${copy.text(SHEETS[id].title)} … C-${41 + truth[next++]!.page}`);
    }
    // Each entry's title and label stand on one line of the contents, in order.
    let at = 0;
    for (const line of lines) {
      const [title, label] = line.split(' … ') as [string, string];
      const found = contents.findIndex((text, index) => index >= at && text.startsWith(title) && text.endsWith(label));
      expect(found, `contents line "${line}"`).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  let contentsLines: { text: string; bbox: number[] }[][];
  function pdfLinesText(page: number): string[] {
    return contentsLines[page]!.map((line) => line.text);
  }
  beforeAll(async () => {
    // Lines with their boxes; a contents line joins a title and its label drawn apart.
    const pages = await pdfLines(handbook.pdf);
    contentsLines = pages.map((lines) => joinRows(lines.map((line) => ({ text: line.text.trim(), bbox: line.bbox }))));
  });

  it('makes every contents entry a link to the page where its packet or sheet starts', () => {
    const truth = sheetStartsFromText(texts, copy);
    const links = linksOf(handbook.pdf, 1);
    const entries: { title: string; page: number }[] = [];
    let next = 0;
    for (const { packet, sheets } of expectedSheets()) {
      entries.push({ title: packet, page: truth[next]!.page });
      for (const id of sheets) entries.push({ title: copy.text(SHEETS[id].title), page: truth[next++]!.page });
    }
    expect(links).toHaveLength(entries.length);
    links.forEach((link, index) => {
      const entry = entries[index]!;
      expect(link.target, `link ${index} (${entry.title})`).toBe(entry.page);
      // The link covers the entry's line of text.
      const middle = (link.rect[1]! + link.rect[3]!) / 2;
      const line = contentsLines[1]!.find((row) => row.bbox[1]! <= middle && middle <= row.bbox[3]!);
      expect(line?.text, `text under link ${index}`).toMatch(new RegExp(`^${escape(entry.title)}`));
    });
  });

  it('labels pages like a book: C-41 on the title page, then on', () => {
    expect(labelsOf(handbook.pdf)).toEqual(Array.from({ length: handbook.layout.pages }, (_, i) => `C-${41 + i}`));
    expect(handbook.layout.labels[0]).toBe('C-41');
  });

  it('prints each page\'s book label small at its foot, below the footer, on every page but the title page', async () => {
    const feet = footLines(await pdfLines(handbook.pdf), await pageSizes(handbook.pdf));
    expect(feet[0], 'title page').toEqual([]);
    feet.slice(1).forEach((foot, i) => {
      const index = i + 1;
      const label = `C-${41 + index}`;
      expect(foot.map((line) => line.text.trim()), `page ${index + 1}`).toEqual([label]);
      expect(texts[index]!.endsWith(label), `page ${index + 1} text ends with ${label}`).toBe(true);
    });
  });

  it('draws every text, the printed labels included, with embedded TrueType fonts', async () => {
    const fonts = await fontReport(handbook.pdf);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.standard14, font.name).toBe(false);
    }
    // The labels' font is one of them: it is on every labelled page.
    const labelled = Array.from({ length: handbook.layout.pages - 1 }, (_, i) => i + 2);
    expect(fonts.some((font) => font.baseName === 'NotoSans-Regular' && labelled.every((page) => font.pages.includes(page)))).toBe(true);
  });

  it('numbers each packet within itself: page 1 of n on its first page, n of n on its last', () => {
    for (const packet of handbook.layout.packets) {
      const first = normaliseText(texts[packet.page - 1]!);
      const last = normaliseText(texts[packet.page - 1 + packet.pages - 1]!);
      expect(first).toContain(copy.text('common.footer.page', { page: 1, pages: packet.pages }));
      expect(last).toContain(copy.text('common.footer.page', { page: packet.pages, pages: packet.pages }));
    }
  });

  it("prints each learner's name in the header of each of their pages, and none on the blank set", () => {
    const [blank, ...rest] = handbook.layout.packets;
    for (let p = blank!.page - 1; p < blank!.page - 1 + blank!.pages; p++) {
      for (const answers of learners) expect(texts[p]).not.toContain(answers.learner.name);
    }
    rest.forEach((packet, index) => {
      for (let p = packet.page - 1; p < packet.page - 1 + packet.pages; p++) expect(texts[p]).toContain(learners[index]!.learner.name);
    });
  });

  it("loses nothing a learner wrote: each learner's packet has the same content as their own filled PDF", async () => {
    const [, ...packets] = handbook.layout.packets;
    for (const [index, packet] of packets.entries()) {
      const pages = Array.from({ length: packet.pages }, (_, i) => packet.page - 1 + i);
      const inBundle = await learnerContent(await extractPages(handbook.pdf, pages), copy);
      const alone = await learnerContent(await renderFilled(learners[index]!), copy);
      expect(comparable(inBundle)).toBe(comparable(alone));
      // And the learner's longest answer is there, whole.
      const longest = stringsOf(learners[index]!).sort((a, b) => b.length - a.length)[0]!;
      if (!/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(longest)) expect(comparable(inBundle)).toContain(comparable(longest));
    }
  });

  it('gives the same bytes for the same inputs', async () => {
    const again = await renderBundle(handbookPackets, HANDBOOK);
    expect(Buffer.from(again).equals(Buffer.from(handbook.pdf))).toBe(true);
  }, 60_000);

  it('gives each embedded font subset its own tag', async () => {
    const doc = await PDFDocument.load(handbook.pdf);
    const names = new Map<string, string>();
    for (const page of doc.getPages()) {
      const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), (await import('pdf-lib')).PDFDict);
      for (const [, ref] of fonts?.entries() ?? []) {
        const name = doc.context.lookup(ref, (await import('pdf-lib')).PDFDict).get(PDFName.of('BaseFont'))?.toString() ?? '';
        const known = names.get(name);
        expect(known === undefined || known === ref.toString(), `${name} names two fonts`).toBe(true);
        names.set(name, ref.toString());
      }
    }
    expect(names.size).toBeGreaterThan(4);
  });

  it('looks like part of a book: title page and contents', async () => {
    await expectPagesMatchBaseline('bundle-front', await extractPages(handbook.pdf, [0, 1]));
  });
});

describe('a workshop pack: named blank packets for printing on both sides', () => {
  let pack: BundleResult;
  let packTexts: string[];
  const roster = [
    { name: 'Lima, Ana', program: 'MD 2028' },
    { name: 'Bob Smith' },
    { name: '陈静怡', program: '临床医学' },
  ];
  beforeAll(async () => {
    // The network map alone is three pages: every packet needs padding.
    pack = await renderBundleWithLayout(
      [...roster.map((p): PacketInput => ({ kind: 'blank', ...p })), { kind: 'blank' }, { kind: 'blank' }],
      { duplex: true, sheets: ['network'], title: 'Workshop' },
    );
    packTexts = await pdfText(pack.pdf);
  }, 60_000);

  it('pads the front matter and every packet to an even number of pages, so each starts on a fresh sheet', () => {
    expect(pack.layout.frontPages % 2).toBe(0);
    for (const packet of pack.layout.packets) {
      expect(packet.pages % 2).toBe(0);
      expect(packet.page % 2).toBe(1);
      expect(packet.padding).toBe(1);
    }
    expect(pack.layout.pages).toBe(pack.layout.frontPages + 5 * 4);
  });

  it('says on a padding page that it is intentionally blank, and nothing else', () => {
    for (const packet of pack.layout.packets) {
      const padding = packTexts[packet.page - 1 + packet.pages - 1]!;
      expect(normaliseText(padding)).toBe(copy.text('bundle.padding'));
    }
  });

  it("prints each participant's name (and program) in the header of every page of their packet", () => {
    pack.layout.packets.slice(0, 3).forEach((packet, index) => {
      for (let p = packet.page - 1; p < packet.page - 1 + packet.pages - packet.padding; p++) {
        const text = normaliseText(packTexts[p]!);
        expect(text).toContain(roster[index]!.name);
        if (roster[index]!.program) expect(text).toContain(roster[index]!.program);
      }
    });
  });

  it('prints no book label without a page prefix or start page', async () => {
    const feet = footLines(await pdfLines(pack.pdf), await pageSizes(pack.pdf));
    feet.forEach((foot, index) => expect(foot, `page ${index + 1}`).toEqual([]));
  });

  it('numbers unnamed copies, and lists everyone in the contents and the outline', () => {
    const titles = outlineOf(pack.pdf).map((item) => item.title);
    expect(titles).toEqual([copy.text('bundle.contents'), 'Lima, Ana', 'Bob Smith', '陈静怡', `${copy.text('bundle.blank')} 1/2`, `${copy.text('bundle.blank')} 2/2`]);
    const contents = normaliseText(packTexts[1]!);
    for (const title of titles.slice(1)) expect(contents).toContain(title);
  });

  it('a long contents flows over pages, links from every page, and is padded as a whole', async () => {
    const names = Array.from({ length: 26 }, (_, i) => `Participant ${String(i + 1).padStart(2, '0')}`);
    // Drawn in this thread (jobs: 1): the contents are under test here, worker threads in bundle-parallel.
    const long = await renderBundleWithLayout(
      names.map((name): PacketInput => ({ kind: 'blank', name })),
      { duplex: true, sheets: ['goals'], pagePrefix: 'W-', jobs: 1 },
    );
    const longTexts = await pdfText(long.pdf);
    expect(long.layout.frontPages).toBe(4);
    expect(normaliseText(longTexts[2]!)).toContain(copy.text('bundle.contents.continued'));
    // The padding page says so, and prints its book label.
    expect(normaliseText(longTexts[3]!)).toBe(`${copy.text('bundle.padding')} W-4`);
    const links = [1, 2].flatMap((page) => linksOf(long.pdf, page));
    expect(links).toHaveLength(names.length * 2);
    links.forEach((link, index) => {
      const packet = long.layout.packets[Math.floor(index / 2)]!;
      expect(link.target).toBe(packet.page - 1);
      expect(normaliseText(longTexts[link.target]!)).toContain(packet.title);
    });
    for (const packet of long.layout.packets) expect(packet.page % 2).toBe(1);

    // Drawn a few entries at a time (as a large cohort's contents are), the contents are paged
    // exactly as one drawing pages them: same lines on each page, same link targets.
    const inParts = await renderBundleWithLayout(
      names.map((name): PacketInput => ({ kind: 'blank', name })),
      { duplex: true, sheets: ['goals'], pagePrefix: 'W-', contentsPart: 4, jobs: 1 },
    );
    expect(inParts.layout.frontPages).toBe(4);
    expect((await pdfText(inParts.pdf)).slice(0, 4)).toEqual(longTexts.slice(0, 4));
    expect([1, 2].flatMap((page) => linksOf(inParts.pdf, page))).toEqual(links);
  }, 120_000);

  it('without front matter, starts with the first packet', async () => {
    const bare = await renderBundleWithLayout([{ kind: 'blank', name: 'Ana' }], { frontMatter: false, sheets: ['goals'] });
    expect(bare.layout.frontPages).toBe(0);
    expect(outlineOf(bare.pdf).map((item) => item.title)).toEqual(['Ana']);
    expect(normaliseText((await pdfText(bare.pdf))[0]!)).toContain(copy.text(SHEETS.goals.title));
  });
});

/**
 * The text lines in each page's bottom margin (below the footer, which ends 36 pt above the edge),
 * checked to be a printed book label's place: centred, inside what printers print (10 pt from the
 * edge), below every other line of the page.
 */
function footLines(pages: PageLine[][], sizes: { width: number; height: number }[]): PageLine[][] {
  return pages.map((lines, index) => {
    const { width, height } = sizes[index]!;
    const foot = lines.filter((line) => line.bbox[1] >= height - 36);
    for (const line of foot) {
      expect(Math.abs((line.bbox[0] + line.bbox[2]) / 2 - width / 2), `page ${index + 1}: "${line.text}" centred`).toBeLessThan(1);
      expect(line.bbox[3], `page ${index + 1}: "${line.text}" inside the printable area`).toBeLessThan(height - 10);
      expect(line.bbox[3] - line.bbox[1], `page ${index + 1}: "${line.text}" small`).toBeLessThan(12);
      const others = lines.filter((other) => !foot.includes(other));
      for (const other of others) expect(other.bbox[3], `page ${index + 1}: "${other.text}" above the label`).toBeLessThanOrEqual(line.bbox[1]);
    }
    return foot;
  });
}

/** Lines whose boxes share a row, joined left to right (a contents title, its program and its label). */
function joinRows(lines: { text: string; bbox: number[] }[]): { text: string; bbox: number[] }[] {
  const rows: { members: { text: string; bbox: number[] }[]; bbox: number[] }[] = [];
  for (const line of [...lines].sort((a, b) => a.bbox[3]! - a.bbox[1]! - (b.bbox[3]! - b.bbox[1]!)).reverse()) {
    const middle = (line.bbox[1]! + line.bbox[3]!) / 2;
    const row = rows.find((r) => r.bbox[1]! <= middle && middle <= r.bbox[3]!);
    if (row) row.members.push(line);
    else rows.push({ members: [line], bbox: [...line.bbox] });
  }
  return rows
    .sort((a, b) => a.bbox[1]! - b.bbox[1]!)
    .map((row) => {
      const members = row.members.sort((a, b) => a.bbox[0]! - b.bbox[0]!);
      return { text: members.map((m) => m.text).join(' '), bbox: row.bbox };
    });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/**
 * PDF inspection helpers for tests. Everything takes the PDF as bytes
 * (`Uint8Array`, so a Node `Buffer` works too) and needs nothing beyond
 * `npm install`: MuPDF runs as WebAssembly.
 *
 * Every helper opens its own copy of the document and frees the WebAssembly
 * memory before returning, so they are safe to call many times in one test
 * process.
 */
import * as mupdf from 'mupdf';

/** Width and height of a page in PDF points (1/72 inch). */
export interface PageSize {
  width: number;
  height: number;
}

/** One font dictionary referenced from the resources of at least one page. */
export interface FontInfo {
  /** `/BaseFont` as written, including any subset tag ("ABCDEF+NotoSans"). */
  name: string;
  /** `name` without the six-letter subset tag. */
  baseName: string;
  /** `/Subtype` of the font dictionary: Type0, TrueType, Type1, Type3, MMType1. */
  subtype: string;
  /** For Type0 fonts, `/Subtype` of the descendant font (CIDFontType0 or CIDFontType2). */
  descendantSubtype?: string;
  /**
   * The font program is in the file: its descriptor (the descendant font's,
   * for Type0) has /FontFile, /FontFile2 or /FontFile3. Type3 fonts draw
   * their glyphs with PDF operators and always count as embedded.
   */
  embedded: boolean;
  /** Which descriptor key holds the program, when embedded (Type3: undefined). */
  fontFile?: 'FontFile' | 'FontFile2' | 'FontFile3';
  /** The name carries a subset tag ("ABCDEF+"). */
  subset: boolean;
  /** `baseName` is one of the 14 standard PDF fonts (Helvetica, Times-Roman, ...). */
  standard14: boolean;
  /** `/Encoding` when it is a name (WinAnsiEncoding, Identity-H, ...). */
  encoding?: string;
  /**
   * 1-based numbers of the pages whose resources reference this font. Empty
   * for a font only in the form's default resources.
   */
  pages: number[];
  /**
   * The font is in the AcroForm default resources (/AcroForm /DR), which
   * viewers use to draw form-field text (react-pdf puts Helvetica there).
   */
  inFormResources: boolean;
  /** Object number of the font dictionary, when it is an indirect object. */
  objectNumber?: number;
}

/** Document information dictionary and catalog language. Absent entries are undefined. */
export interface PdfInfo {
  title?: string;
  subject?: string;
  author?: string;
  keywords?: string;
  creator?: string;
  producer?: string;
  /** The catalog's `/Lang`, e.g. "en-GB". */
  lang?: string;
  /** Raw PDF date string as stored, e.g. "D:20240102030405Z". */
  creationDate?: string;
  /** Raw PDF date string as stored. */
  modDate?: string;
}

export interface PdfTextOptions {
  /**
   * Order of text blocks on a page.
   * - 'content' (default): the order in which the PDF draws them. For
   *   @react-pdf/renderer that is document order, which keeps side-by-side
   *   columns intact.
   * - 'visual': blocks sorted top to bottom, then left to right (blocks whose
   *   tops are within 2 pt of each other count as one row). Use it when
   *   absolutely positioned or `fixed` content is drawn out of order.
   * Lines inside a block are always top to bottom, characters left to right.
   */
  order?: 'content' | 'visual';
}

export interface RasteriseOptions {
  /** Resolution in dots per inch; 72 gives one pixel per point. Default 72. */
  dpi?: number;
}

const STANDARD_14 = new Set([
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Symbol',
  'ZapfDingbats',
]);

const FONT_FILE_KEYS = ['FontFile', 'FontFile2', 'FontFile3'] as const;

/** Open `pdf`, run `fn`, and always free the document. */
function withPdf<T>(pdf: Uint8Array, fn: (doc: mupdf.PDFDocument) => T): T {
  if (!(pdf instanceof Uint8Array)) {
    throw new TypeError('expected the PDF as a Uint8Array (or Buffer)');
  }
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  try {
    const pdfDoc = doc.asPDF();
    if (pdfDoc === null) throw new Error('not a PDF document');
    return fn(pdfDoc);
  } finally {
    doc.destroy();
  }
}

/** Run `fn` on each page in turn, freeing each page afterwards. */
function mapPages<T>(doc: mupdf.PDFDocument, fn: (page: mupdf.PDFPage, index: number) => T): T[] {
  const out: T[] = [];
  const count = doc.countPages();
  for (let i = 0; i < count; i++) {
    const page = doc.loadPage(i) as mupdf.PDFPage;
    try {
      out.push(fn(page, i));
    } finally {
      page.destroy();
    }
  }
  return out;
}

type Rect = [number, number, number, number];

interface TextLine {
  bbox: Rect;
  text: string;
}

interface TextBlock {
  bbox: Rect;
  lines: TextLine[];
}

function pageBlocks(page: mupdf.PDFPage): TextBlock[] {
  // preserve-whitespace keeps the PDF's own spaces; MuPDF still inserts a
  // space where glyphs are drawn apart without one (word-by-word placement).
  const stext = page.toStructuredText('preserve-whitespace');
  try {
    const blocks: TextBlock[] = [];
    let block: TextBlock | undefined;
    let line: TextLine | undefined;
    stext.walk({
      beginTextBlock(bbox) {
        block = { bbox: [...bbox], lines: [] };
      },
      beginLine(bbox) {
        line = { bbox: [...bbox], text: '' };
      },
      onChar(c) {
        if (line) line.text += c;
      },
      endLine() {
        if (block && line) block.lines.push(line);
        line = undefined;
      },
      endTextBlock() {
        if (block && block.lines.length > 0) blocks.push(block);
        block = undefined;
      },
    });
    return blocks;
  } finally {
    stext.destroy();
  }
}

/** Compare by top edge (within `tolerance` counts as equal), then left edge. */
function byTopThenLeft(tolerance: number) {
  return (a: { bbox: Rect }, b: { bbox: Rect }): number => {
    const dy = a.bbox[1] - b.bbox[1];
    if (Math.abs(dy) > tolerance) return dy;
    return a.bbox[0] - b.bbox[0];
  };
}

function blocksToText(blocks: TextBlock[], order: 'content' | 'visual'): string {
  const ordered = order === 'visual' ? [...blocks].sort(byTopThenLeft(2)) : blocks;
  return ordered
    .map((b) =>
      [...b.lines]
        .sort(byTopThenLeft(1))
        .map((l) => l.text.replace(/\s+$/u, ''))
        .filter((t) => t.length > 0)
        .join('\n'),
    )
    .filter((t) => t.length > 0)
    .join('\n\n');
}

/**
 * Text of each page: lines joined with "\n", text blocks with "\n\n",
 * trailing spaces trimmed. A sentence that wraps is split by newlines, so
 * search `normaliseText(text)` for it.
 */
export async function pdfText(pdf: Uint8Array, options: PdfTextOptions = {}): Promise<string[]> {
  const order = options.order ?? 'content';
  return withPdf(pdf, (doc) => mapPages(doc, (page) => blocksToText(pageBlocks(page), order)));
}

export interface PageLine {
  text: string;
  /** [x0, y0, x1, y1] in points from the top-left corner. */
  bbox: Rect;
}

/** The text lines of each page in content (drawing) order, with their boxes. */
export async function pdfLines(pdf: Uint8Array): Promise<PageLine[][]> {
  return withPdf(pdf, (doc) =>
    mapPages(doc, (page) => pageBlocks(page).flatMap((block) => block.lines.map((line) => ({ text: line.text, bbox: line.bbox })))),
  );
}

/**
 * Collapse every run of whitespace (newlines, tabs, no-break spaces) to one
 * space and trim, so a sentence that wraps over lines can be found with
 * `toContain`.
 */
export function normaliseText(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/**
 * Size of each page in PDF points, as displayed: the crop box (which defaults
 * to the media box), with /Rotate applied.
 */
export async function pageSizes(pdf: Uint8Array): Promise<PageSize[]> {
  return withPdf(pdf, (doc) =>
    mapPages(doc, (page) => {
      const [x0, y0, x1, y1] = page.getBounds();
      return { width: x1 - x0, height: y1 - y0 };
    }),
  );
}

function nameOf(obj: mupdf.PDFObject): string | undefined {
  return obj.isName() ? obj.asName() : undefined;
}

/** Embedding status of a font dictionary (not its descendants). */
function descriptorFontFile(font: mupdf.PDFObject): FontInfo['fontFile'] {
  const descriptor = font.get('FontDescriptor');
  if (!descriptor.isDictionary()) return undefined;
  for (const key of FONT_FILE_KEYS) {
    if (descriptor.get(key).isStream()) return key;
  }
  return undefined;
}

function describeFont(font: mupdf.PDFObject): Omit<FontInfo, 'pages' | 'objectNumber' | 'inFormResources'> {
  const name = nameOf(font.get('BaseFont')) ?? '';
  const subtype = nameOf(font.get('Subtype')) ?? '';
  const subset = /^[A-Z]{6}\+/u.test(name);
  const baseName = subset ? name.slice(7) : name;
  const encoding = nameOf(font.get('Encoding'));

  let descendantSubtype: string | undefined;
  let fontFile: FontInfo['fontFile'];
  let embedded: boolean;
  if (subtype === 'Type0') {
    const descendant = font.get('DescendantFonts', 0);
    descendantSubtype = descendant.isDictionary() ? nameOf(descendant.get('Subtype')) : undefined;
    fontFile = descendant.isDictionary() ? descriptorFontFile(descendant) : undefined;
    embedded = fontFile !== undefined;
  } else if (subtype === 'Type3') {
    embedded = true;
  } else {
    fontFile = descriptorFontFile(font);
    embedded = fontFile !== undefined;
  }

  return {
    name,
    baseName,
    subtype,
    ...(descendantSubtype !== undefined ? { descendantSubtype } : {}),
    embedded,
    ...(fontFile !== undefined ? { fontFile } : {}),
    subset,
    standard14: STANDARD_14.has(baseName),
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

/**
 * Every font referenced by every page: the page's (inherited) resources, the
 * resources of form XObjects, tiling patterns and Type3 fonts they use
 * (recursively), and the appearance streams of the page's annotations (form
 * fields), plus the fonts in the AcroForm default resources that viewers use
 * for form-field text (see `inFormResources`). Fonts shared by several pages
 * are listed once, with all their page numbers. Like `pdffonts`, this reports fonts the resources reference,
 * which for the PDFs we make is the fonts that are used.
 */
export async function fontReport(pdf: Uint8Array): Promise<FontInfo[]> {
  return withPdf(pdf, (doc) => {
    const fonts = new Map<string, FontInfo>();

    // pageNo 0: the AcroForm default resources, not a page.
    const addFont = (ref: mupdf.PDFObject, pageNo: number, where: string) => {
      const font = ref.resolve();
      if (!font.isDictionary()) return;
      const objectNumber = ref.isIndirect() ? ref.asIndirect() : undefined;
      const key = objectNumber !== undefined ? `obj:${objectNumber}` : `direct:${where}`;
      const known = fonts.get(key);
      if (known) {
        if (pageNo === 0) known.inFormResources = true;
        else if (!known.pages.includes(pageNo)) known.pages.push(pageNo);
        return;
      }
      fonts.set(key, {
        ...describeFont(font),
        pages: pageNo === 0 ? [] : [pageNo],
        inFormResources: pageNo === 0,
        ...(objectNumber !== undefined ? { objectNumber } : {}),
      });
      if (nameOf(font.get('Subtype')) === 'Type3') {
        visitResources(font.get('Resources'), pageNo, `${where}/Type3`, new Set());
      }
    };

    // `seen` holds object numbers of streams already visited on this page,
    // to stop on cycles (a form that draws itself).
    const visitResources = (res: mupdf.PDFObject, pageNo: number, where: string, seen: Set<number>) => {
      if (!res.isDictionary()) return;
      res.get('Font').forEach((ref, key) => addFont(ref, pageNo, `${where}/Font/${key}`));
      for (const kind of ['XObject', 'Pattern'] as const) {
        res.get(kind).forEach((ref, key) => {
          visitStream(ref, pageNo, `${where}/${kind}/${key}`, seen);
        });
      }
    };

    const visitStream = (ref: mupdf.PDFObject, pageNo: number, where: string, seen: Set<number>) => {
      if (ref.isIndirect()) {
        const num = ref.asIndirect();
        if (seen.has(num)) return;
        seen.add(num);
      }
      const obj = ref.resolve();
      if (!obj.isDictionary()) return; // a stream is also a dictionary here
      const subtype = nameOf(obj.get('Subtype'));
      if (subtype === 'Image') return;
      visitResources(obj.get('Resources'), pageNo, where, seen);
    };

    mapPages(doc, (page, index) => {
      const pageNo = index + 1;
      const pageObj = page.getObject();
      const seen = new Set<number>();
      visitResources(pageObj.getInheritable('Resources'), pageNo, `p${pageNo}`, seen);
      pageObj.get('Annots').forEach((annot, i) => {
        const normal = annot.get('AP', 'N');
        if (normal.isStream()) {
          visitStream(normal, pageNo, `p${pageNo}/Annot${i}`, seen);
        } else if (normal.isDictionary()) {
          // one appearance per state (checkbox on/off)
          normal.forEach((ap, state) => visitStream(ap, pageNo, `p${pageNo}/Annot${i}/${state}`, seen));
        }
      });
    });

    const formFonts = doc.getTrailer().get('Root', 'AcroForm', 'DR', 'Font');
    formFonts.forEach((ref, key) => addFont(ref, 0, `AcroForm/DR/Font/${key}`));

    return [...fonts.values()];
  });
}

/** Document information (Title, Author, ...) and the catalog's /Lang. */
export async function pdfInfo(pdf: Uint8Array): Promise<PdfInfo> {
  return withPdf(pdf, (doc) => {
    const meta = (key: string): string | undefined => {
      const v = doc.getMetaData(key);
      return v === undefined || v === '' ? undefined : v;
    };
    const lang = doc.getTrailer().get('Root', 'Lang');
    const info: PdfInfo = {
      title: meta(mupdf.Document.META_INFO_TITLE),
      subject: meta(mupdf.Document.META_INFO_SUBJECT),
      author: meta(mupdf.Document.META_INFO_AUTHOR),
      keywords: meta(mupdf.Document.META_INFO_KEYWORDS),
      creator: meta(mupdf.Document.META_INFO_CREATOR),
      producer: meta(mupdf.Document.META_INFO_PRODUCER),
      lang: lang.isString() ? lang.asString() : undefined,
      creationDate: meta(mupdf.Document.META_INFO_CREATIONDATE),
      modDate: meta(mupdf.Document.META_INFO_MODIFICATIONDATE),
    };
    // Drop undefined entries so `toEqual` comparisons stay readable.
    return Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) as PdfInfo;
  });
}

/**
 * Render every page to a PNG: DeviceRGB, no alpha, on white, including
 * annotations and form-field appearances. The same PDF and dpi give the same
 * bytes.
 */
export async function rasterise(pdf: Uint8Array, options: RasteriseOptions = {}): Promise<Buffer[]> {
  const dpi = options.dpi ?? 72;
  if (!(dpi > 0) || !Number.isFinite(dpi)) throw new RangeError(`dpi must be a positive number, got ${dpi}`);
  const scale = dpi / 72;
  return withPdf(pdf, (doc) =>
    mapPages(doc, (page) => {
      // alpha=false makes MuPDF start from a white page.
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false);
      try {
        return Buffer.from(pixmap.asPNG());
      } finally {
        pixmap.destroy();
      }
    }),
  );
}

/**
 * The drawn characters of each page, line by line in visual order: characters grouped by
 * baseline, each line sorted left to right by where its glyphs sit. Unlike `pdfText`, which
 * follows MuPDF's reading order, this shows the order a reader sees, so it can be compared with
 * the bidi algorithm's display order. Lines side by side (table cells, header fields) share a line.
 */
export async function pdfVisualLines(pdf: Uint8Array): Promise<string[][]> {
  return withPdf(pdf, (doc) =>
    mapPages(doc, (page) => {
      const chars: { c: string; x: number; y: number }[] = [];
      const stext = page.toStructuredText('preserve-whitespace');
      try {
        stext.walk({
          onChar(c, origin) {
            chars.push({ c, x: origin[0], y: origin[1] });
          },
        });
      } finally {
        stext.destroy();
      }
      const lines: { y: number; chars: { c: string; x: number }[] }[] = [];
      for (const char of [...chars].sort((a, b) => a.y - b.y)) {
        const line = lines.at(-1);
        if (line && char.y - line.y < 1) line.chars.push(char);
        else lines.push({ y: char.y, chars: [char] });
      }
      return lines.map((line) => line.chars.sort((a, b) => a.x - b.x).map((char) => char.c).join(''));
    }),
  );
}

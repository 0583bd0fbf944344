/**
 * A bundled font embedded as a subset of only the glyphs drawn (a Type0 / CIDFontType2 font with
 * Identity-H encoding and a ToUnicode map), subset with fontkit 2, the fontkit React-PDF uses.
 *
 * pdf-lib's own subsetting (@pdf-lib/fontkit 1.1.1) drops glyphs from Noto Sans, Noto Sans SC/KR
 * and IBM Plex Sans Arabic: "chen.jingyi 2025" drew as "e j 5". Embedding whole fonts instead
 * would add 11 MB (Noto Sans SC) to every form.
 */
import { PDFHexString, type PDFDocument, type PDFRef } from 'pdf-lib';
import { fontBytes, loadFontkit } from './font-source.js';
import { toUnicodeCMap } from './to-unicode.js';
import { pdfFontName, type FontMetrics, type0FontDict } from './type0-font.js';

interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FkSubset {
  includeGlyph(glyph: number | FkGlyph): number;
  encode(): Uint8Array;
}
interface FkFont extends FontMetrics {
  layout(text: string, features?: string[], script?: string, language?: string, direction?: 'ltr' | 'rtl'): { glyphs: FkGlyph[] };
  hasGlyphForCodePoint(codePoint: number): boolean;
  createSubset(): FkSubset;
}

export class SubsetFont {
  readonly ref: PDFRef;
  private readonly font: FkFont;
  private readonly subset: FkSubset;
  /** New glyph id → advance (1000 units per em) and the text it stands for. */
  private readonly glyphs = new Map<number, { width: number; text: string }>();
  /**
   * Shaped advance of each text measured, in font units: fitting a field wraps its text at each
   * size it tries, measuring the same words and line starts again.
   */
  private readonly advances = new Map<string, number>();

  constructor(
    private readonly doc: PDFDocument,
    path: string,
    private readonly tag: string,
  ) {
    this.font = loadFontkit().create(fontBytes(path)) as FkFont;
    this.subset = this.font.createSubset();
    this.ref = doc.context.nextRef();
    this.glyphs.set(this.subset.includeGlyph(0), { width: 0, text: '' });
  }

  private scale(units: number): number {
    return (units * 1000) / this.font.unitsPerEm;
  }

  /** Whether the font draws `codePoint` (a glyph of its own, not .notdef). */
  has(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /** Width of `text` at `size`, laid out (shaped) by fontkit. */
  widthOf(text: string, size: number): number {
    let units = this.advances.get(text);
    if (units === undefined) {
      // Advance widths, as drawn (the W array): no kerning, so measuring and drawing agree.
      units = this.font.layout(text).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
      this.advances.set(text, units);
    }
    return (units * size) / this.font.unitsPerEm;
  }

  /**
   * The text (one run of one bidi level, in logical order) as glyph ids of the subset, in visual
   * order: fontkit shapes it in `direction` and reverses a right-to-left run.
   */
  encode(text: string, direction: 'ltr' | 'rtl' = 'ltr'): PDFHexString {
    const run = this.font.layout(text, undefined, undefined, undefined, direction);
    let hex = '';
    run.glyphs.forEach((glyph) => {
      const id = this.subset.includeGlyph(glyph);
      if (!this.glyphs.has(id)) this.glyphs.set(id, { width: this.scale(glyph.advanceWidth), text: String.fromCodePoint(...(glyph.codePoints ?? [])) });
      hex += id.toString(16).padStart(4, '0');
    });
    return PDFHexString.of(hex);
  }

  /** Writes the font objects; call once, after the last `encode`. */
  finish(): void {
    const ids = [...this.glyphs.keys()].sort((a, b) => a - b);
    const widths = ids.length > 0 ? Array.from({ length: ids.at(-1)! + 1 }, (_, id) => Math.round(this.glyphs.get(id)?.width ?? 0)) : [];
    const name = `${this.tag}+${pdfFontName(this.font)}`;
    const font = type0FontDict(this.doc.context, { name, flags: 4, metrics: this.font, file: this.subset.encode(), widths, toUnicode: this.toUnicode() });
    this.doc.context.assign(this.ref, font);
  }

  private toUnicode(): string {
    return toUnicodeCMap([...this.glyphs].filter(([, glyph]) => glyph.text !== '').map(([id, glyph]) => [id, glyph.text] as const));
  }
}

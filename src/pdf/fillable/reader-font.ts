/**
 * The font a reader draws with when someone types into a field (the fields' default appearance,
 * DA, names it): DejaVu Sans, embedded whole, so that whatever a learner types later has glyphs.
 *
 * One font is all a DA can name. DejaVu Sans covers everyday Latin (Vietnamese, Polish, Turkish,
 * Icelandic…), Greek and Cyrillic like the base family, and also the symbols learners type that
 * Noto Sans lacks (≥ → ✓). Our own appearances of prefilled text keep using the bundled families,
 * subset (appearance.ts). Embedded with its cmap, widths and a ToUnicode map of every character,
 * a reader can encode typed text with it.
 */
import { PDFString, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';
import { loadFontkit, packageFontBytes } from './font-source.js';
import { toUnicodeCMap } from './to-unicode.js';

/** The file, from the pinned dejavu-fonts-ttf package. */
export const READER_FONT_FILE = 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
/** Its family name, as the web app loads it (fonts/dejavu-sans.js) when a fillable PDF is asked for. */
export const READER_FONT_FAMILY = 'DejaVu Sans';
/**
 * Its resource name in the form's default resources (DR) and in every field's DA. A string, not a
 * PDFName: the web app loads pdf-lib only when a form is made, after this module has loaded.
 */
export const READER_FONT_RESOURCE = 'DejaVuSans';

interface FkFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  postscriptName: string;
  numGlyphs: number;
  characterSet: number[];
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  glyphForCodePoint(codePoint: number): { id: number };
  getGlyph(id: number): { advanceWidth: number };
}

function openReaderFont(): { bytes: Uint8Array; font: FkFont } {
  const bytes = packageFontBytes(READER_FONT_FILE);
  return { bytes, font: loadFontkit().create(bytes) as FkFont };
}

/** A ToUnicode CMap: each glyph id (CID, Identity) → the first character that maps to it. */
function toUnicodeMap(font: FkFont): string {
  const byGlyph = new Map<number, number>();
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const { id } = font.glyphForCodePoint(codePoint);
    if (id !== 0 && !byGlyph.has(id)) byGlyph.set(id, codePoint);
  }
  return toUnicodeCMap([...byGlyph].sort(([a], [b]) => a - b).map(([id, codePoint]) => [id, String.fromCodePoint(codePoint)] as const));
}

/** Embeds the reader's font whole (Type0, Identity-H, glyph ids as CIDs) and returns its font dictionary. */
export function embedReaderFont(doc: PDFDocument): PDFRef {
  const { context } = doc;
  const { bytes, font } = openReaderFont();
  const scale = (units: number) => Math.round((units * 1000) / font.unitsPerEm);
  const name = font.postscriptName.replace(/[^A-Za-z0-9-]/g, '');
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: 32,
    FontBBox: [scale(font.bbox.minX), scale(font.bbox.minY), scale(font.bbox.maxX), scale(font.bbox.maxY)],
    ItalicAngle: font.italicAngle,
    Ascent: scale(font.ascent),
    Descent: scale(font.descent),
    CapHeight: scale(font.capHeight || font.ascent),
    StemV: 80,
    FontFile2: context.register(context.flateStream(bytes, { Length1: bytes.length })),
  });
  const widths = Array.from({ length: font.numGlyphs }, (_, id) => scale(font.getGlyph(id).advanceWidth));
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    W: [0, widths],
    CIDToGIDMap: 'Identity',
  });
  const dict = context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [context.register(cidFont)],
    ToUnicode: context.register(context.flateStream(toUnicodeMap(font))),
  }) as PDFDict;
  return context.register(dict);
}

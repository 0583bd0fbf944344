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
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { loadFontkit, packageFontBytes } from './font-source.js';
import { toUnicodeCMap } from './to-unicode.js';
import { pdfFontName, type FontMetrics, type0FontDict } from './type0-font.js';

/** The file, from the pinned dejavu-fonts-ttf package. */
export const READER_FONT_FILE = 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
/** Its family name, as the web app loads it (fonts/dejavu-sans.js) when a fillable PDF is asked for. */
export const READER_FONT_FAMILY = 'DejaVu Sans';
/**
 * Its resource name in the form's default resources (DR) and in every field's DA. A string, not a
 * PDFName: the web app loads pdf-lib only when a form is made, after this module has loaded.
 */
export const READER_FONT_RESOURCE = 'DejaVuSans';

interface FkFont extends FontMetrics {
  numGlyphs: number;
  characterSet: number[];
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
  const { bytes, font } = openReaderFont();
  const widths = Array.from({ length: font.numGlyphs }, (_, id) => Math.round((font.getGlyph(id).advanceWidth * 1000) / font.unitsPerEm));
  return doc.context.register(type0FontDict(doc.context, { name: pdfFontName(font), flags: 32, metrics: font, file: bytes, widths, toUnicode: toUnicodeMap(font) }));
}

/**
 * A TrueType font as a PDF Type0 font (CIDFontType2, Identity-H, glyph ids as CIDs): the font
 * descriptor, the CID font and the Type0 dictionary that the form's fonts share, whether the font
 * file is a subset (subset-font.ts) or whole (reader-font.ts).
 */
import { PDFString, type PDFContext, type PDFDict } from 'pdf-lib';

/** The font metrics a descriptor needs, as fontkit 2 gives them (font units). */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  postscriptName: string;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
}

export interface Type0Font {
  /** BaseFont and FontName (a subset's carries its tag). */
  name: string;
  /** The descriptor's flags: 4 symbolic, 32 non-symbolic. */
  flags: number;
  metrics: FontMetrics;
  /** The TrueType file embedded (FontFile2). */
  file: Uint8Array;
  /** Advance widths in 1000 units per em, from glyph id 0 on. */
  widths: number[];
  /** The ToUnicode CMap. */
  toUnicode: string;
}

/** The PostScript name, reduced to what a PDF name keeps. */
export const pdfFontName = (metrics: FontMetrics): string => metrics.postscriptName.replace(/[^A-Za-z0-9-]/g, '');

/** The Type0 font dictionary; its descriptor, CID font, file and ToUnicode map are registered in `context`. */
export function type0FontDict(context: PDFContext, font: Type0Font): PDFDict {
  const { metrics, name } = font;
  const scale = (units: number) => Math.round((units * 1000) / metrics.unitsPerEm);
  const { bbox } = metrics;
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: name,
    Flags: font.flags,
    FontBBox: [scale(bbox.minX), scale(bbox.minY), scale(bbox.maxX), scale(bbox.maxY)],
    ItalicAngle: metrics.italicAngle,
    Ascent: scale(metrics.ascent),
    Descent: scale(metrics.descent),
    CapHeight: scale(metrics.capHeight || metrics.ascent),
    StemV: 80,
    FontFile2: context.register(context.flateStream(font.file, { Length1: font.file.length })),
  });
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: name,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    W: [0, font.widths],
    CIDToGIDMap: 'Identity',
  });
  return context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: name,
    Encoding: 'Identity-H',
    DescendantFonts: [context.register(cidFont)],
    ToUnicode: context.register(context.flateStream(font.toUnicode)),
  }) as PDFDict;
}

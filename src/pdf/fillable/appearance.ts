/**
 * Appearance streams of text fields, drawn with the bundled fonts: each character in the first
 * bundled family that has it (Chinese, Japanese, Korean, Arabic, Hebrew, Greek, Cyrillic…), right-
 * to-left paragraphs right-aligned with their runs in visual order, lines wrapped at spaces (and
 * between CJK characters) to the field's width. pdf-lib's own appearances use one font, and its
 * standard fonts cannot encode non-Latin text at all.
 */
import { SubsetFont } from './subset-font.js';
import {
  beginMarkedContent,
  beginText,
  clip,
  endMarkedContent,
  endPath,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  PDFName,
  type PDFDict,
  type PDFDocument,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import { BASE_FAMILY, bundledFamily, familyFor } from '../unicode/index.js';
import { textDirection } from '../unicode/direction.js';

/** The answers' blue-black ink (theme.colour.answer #0d2240). */
export const FIELD_TEXT_RGB = [0x0d / 255, 0x22 / 255, 0x40 / 255] as const;

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const BREAK_ANYWHERE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

/** The bundled fonts, each embedded on first use as a subset of the glyphs drawn. */
export class FieldFonts {
  private readonly fonts = new Map<string, { font: SubsetFont; resource: string }>();

  constructor(private readonly doc: PDFDocument) {}

  familyOf(char: string): string {
    return familyFor(char.codePointAt(0)!)?.family ?? BASE_FAMILY;
  }

  get(family: string): { font: SubsetFont; resource: string } {
    const known = this.fonts.get(family);
    if (known) return known;
    const face = bundledFamily(family)?.faces.find((f) => f.fontWeight === 400 && f.fontStyle === 'normal');
    if (!face) return this.get(BASE_FAMILY);
    const index = this.fonts.size;
    const entry = { font: new SubsetFont(this.doc, face.src, `PLN${String.fromCharCode(65 + (index % 26))}AA${String.fromCharCode(65 + Math.floor(index / 26))}`), resource: `PlnF${index}` };
    this.fonts.set(family, entry);
    return entry;
  }

  /** Writes the fonts used; call once, before saving. */
  finish(): void {
    for (const { font } of this.fonts.values()) font.finish();
  }
}

interface Run {
  text: string;
  family: string;
  rtl: boolean;
}

/** Runs of one font and one direction; spaces and punctuation join the run they are in. */
function runsOf(line: string, fonts: FieldFonts): Run[] {
  const runs: Run[] = [];
  for (const char of line) {
    const neutral = !/[\p{L}\p{N}]/u.test(char);
    const last = runs.at(-1);
    const family = neutral && last ? last.family : fonts.familyOf(char);
    const rtl = neutral && last ? last.rtl : RTL.test(char);
    if (last && last.family === family && last.rtl === rtl) last.text += char;
    else runs.push({ text: char, family, rtl });
  }
  return runs;
}

function width(text: string, fonts: FieldFonts, size: number): number {
  return runsOf(text, fonts).reduce((sum, run) => sum + fonts.get(run.family).font.widthOf(run.text, size), 0);
}

/** Lines of `text` wrapped to `maxWidth`: at spaces, between CJK characters, inside a too-long word. */
export function wrapLines(text: string, fonts: FieldFonts, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/\s+|[^\s]/gu) ?? [];
    // Group into words: runs of non-space characters, except that CJK characters stand alone.
    const words: string[] = [];
    for (const token of tokens) {
      const last = words.at(-1);
      if (last !== undefined && !/\s/u.test(token) && !/\s$/u.test(last) && !BREAK_ANYWHERE.test(token) && !BREAK_ANYWHERE.test([...last].at(-1)!)) {
        words[words.length - 1] = last + token;
      } else words.push(token);
    }
    let line = '';
    for (const word of words) {
      const space = /^\s+$/u.test(word);
      if (line !== '' && !space && width((line + word).trimEnd(), fonts, size) > maxWidth) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += word;
      // A word wider than the field breaks between characters (each measured once: linear).
      if (!space && width(line, fonts, size) > maxWidth) {
        let piece = '';
        let used = 0;
        for (const char of line) {
          const w = width(char, fonts, size);
          if (piece !== '' && used + w > maxWidth) {
            lines.push(piece);
            piece = '';
            used = 0;
          }
          piece += char;
          used += w;
        }
        line = piece;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface TextAppearance {
  text: string;
  width: number;
  height: number;
  fontSize: number;
  multiline: boolean;
}

/** Builds the normal appearance (a form XObject) of a text field or dropdown showing `text`. */
export function textAppearance(doc: PDFDocument, fonts: FieldFonts, appearance: TextAppearance): PDFRef {
  const { text, width: boxWidth, height: boxHeight, fontSize } = appearance;
  const padding = 2;
  const lineHeight = fontSize * 1.25;
  const lines = appearance.multiline ? wrapLines(text, fonts, fontSize, boxWidth - 2 * padding) : [text.replace(/\s*\n\s*/gu, ' ')];
  const rtl = textDirection(text) === 'rtl';
  const used = new Map<string, SubsetFont>();
  const operators: PDFOperator[] = [
    beginMarkedContent('Tx'),
    pushGraphicsState(),
    rectangle(1, 1, Math.max(0, boxWidth - 2), Math.max(0, boxHeight - 2)),
    clip(),
    endPath(),
    beginText(),
    setFillingRgbColor(...FIELD_TEXT_RGB),
  ];
  // First baseline: one line's worth below the top (multi-line); centred (single line).
  const ascent = fontSize * 0.78;
  let y = appearance.multiline ? boxHeight - padding - ascent : (boxHeight - fontSize) / 2 + fontSize * 0.22;
  let previous = { x: 0, y: 0 };
  for (const line of lines) {
    if (y < -lineHeight) break; // Below the field: the value holds the rest; the reader scrolls to it.
    const runs = runsOf(line, fonts);
    const lineWidth = runs.reduce((sum, run) => sum + fonts.get(run.family).font.widthOf(run.text, fontSize), 0);
    const ordered = rtl ? [...runs].reverse() : runs;
    let x = rtl ? boxWidth - padding - lineWidth : padding;
    if (appearance.multiline || lines.length === 1) {
      for (const run of ordered) {
        const { font, resource } = fonts.get(run.family);
        used.set(resource, font);
        operators.push(moveText(x - previous.x, y - previous.y), setFontAndSize(resource, fontSize), showText(font.encode(run.text)));
        previous = { x, y };
        x += font.widthOf(run.text, fontSize);
      }
    }
    y -= lineHeight;
  }
  operators.push(endText(), popGraphicsState(), endMarkedContent());
  const fontDict: Record<string, PDFRef> = {};
  for (const [resource, font] of used) fontDict[resource] = font.ref;
  const stream = doc.context.formXObject(operators, {
    BBox: doc.context.obj([0, 0, boxWidth, boxHeight]),
    Resources: doc.context.obj({ Font: doc.context.obj(fontDict) as PDFDict }) as PDFDict,
  });
  return doc.context.register(stream);
}

/** The name a field's default appearance (DA) uses for the reader's own font when it redraws. */
export const READER_FONT = PDFName.of('Helv');

/**
 * A checkbox's two appearances: the filled sheet's tick (in the answers' ink) when on, nothing when
 * off, so an empty box prints as the blank sheet's box (pdf-lib's own off state strokes a hairline
 * border; React-PDF's draws a cross in pdf.js).
 */
export function checkboxAppearances(doc: PDFDocument, boxWidth: number, boxHeight: number): { on: PDFRef; off: PDFRef } {
  const scale = Math.min(boxWidth, boxHeight) / 10;
  const point = (x: number, y: number) => `${(x * scale).toFixed(3)} ${((10 - y) * scale).toFixed(3)}`;
  const [r, g, b] = FIELD_TEXT_RGB;
  const tick = [
    'q',
    `${r.toFixed(3)} ${g.toFixed(3)} ${b.toFixed(3)} RG`,
    `${(1.8 * scale).toFixed(3)} w`,
    `${point(1.8, 5.2)} m`,
    `${point(4.1, 7.6)} l`,
    `${point(8.6, 2.2)} l`,
    'S',
    'Q',
  ].join('\n');
  const bbox = doc.context.obj([0, 0, boxWidth, boxHeight]);
  const on = doc.context.register(doc.context.stream(tick, { Type: 'XObject', Subtype: 'Form', BBox: bbox }));
  const off = doc.context.register(doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: bbox }));
  return { on, off };
}

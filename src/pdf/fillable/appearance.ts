/**
 * Appearance streams of text fields, drawn with the bundled fonts: each character in the first
 * bundled family that has it (Chinese, Japanese, Korean, Arabic, Hebrew, Greek, Cyrillic…), right-
 * to-left paragraphs right-aligned with their runs in the order of the Unicode bidi algorithm, lines
 * wrapped at spaces (and between CJK characters) to the field's width, at the largest size that
 * shows all of the text. pdf-lib's own appearances use one font, and its
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
  type PDFDict,
  type PDFDocument,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import { BASE_FAMILY, bundledFamily, familyFor, prepareText, regularFace } from '../unicode/index.js';
import { textDirection } from '../unicode/direction.js';
import { ownBreakParts } from '../wrap.js';
import bidiModule from 'bidi-js';

/** The answers' blue-black ink (theme.colour.answer #0d2240). */
export const FIELD_TEXT_RGB = [0x0d / 255, 0x22 / 255, 0x40 / 255] as const;

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
    const bundled = bundledFamily(family);
    if (!bundled) return this.get(BASE_FAMILY);
    const face = regularFace(bundled);
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

/** A piece of one line in one font: text of one bidi level, in logical order. */
interface Run {
  text: string;
  family: string;
  rtl: boolean;
}

// bidi-js's module.exports is the factory itself, which its types declare as an ES default export.
const bidi = (bidiModule as unknown as typeof bidiModule.default)();

/**
 * The family of each character: its own (the first bundled family that has it), except that a
 * character that is not a letter or digit (space, punctuation, a combining mark) stays in the
 * font of the character before it when that font has it, as React-PDF's font runs do.
 */
function familiesOf(line: string, fonts: FieldFonts): string[] {
  const families: string[] = [];
  let previous: string | undefined;
  for (const char of line) {
    const codePoint = char.codePointAt(0)!;
    const keep = previous !== undefined && !/[\p{L}\p{N}]/u.test(char) && fonts.get(previous).font.has(codePoint);
    const family = keep ? previous! : fonts.familyOf(char);
    for (let unit = 0; unit < char.length; unit++) families.push(family);
    previous = family;
  }
  return families;
}

/** Runs of one font, in logical order (for measuring). */
function runsOf(line: string, fonts: FieldFonts): Run[] {
  const families = familiesOf(line, fonts);
  const runs: Run[] = [];
  for (let index = 0; index < line.length; index++) {
    const last = runs.at(-1);
    if (last && last.family === families[index]) last.text += line[index];
    else runs.push({ text: line[index]!, family: families[index]!, rtl: false });
  }
  return runs;
}

/**
 * The runs of one line in the order they are drawn, left to right, by the Unicode bidirectional
 * algorithm (bidi-js, which React-PDF's own text layout runs): each run one font and one level,
 * its text in logical order with mirrored brackets swapped, for fontkit to shape in its direction.
 */
export function visualRuns(line: string, direction: 'ltr' | 'rtl', fonts: FieldFonts): Run[] {
  const families = familiesOf(line, fonts);
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const mirrored = bidi.getMirroredCharactersMap(line, embedding.levels);
  const order = Array.from({ length: line.length }, (_, index) => index);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, embedding)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const runs: (Run & { last: number })[] = [];
  for (const index of order) {
    const rtl = embedding.levels[index]! % 2 === 1;
    const char = mirrored.get(index) ?? line[index]!;
    const last = runs.at(-1);
    if (last && last.rtl === rtl && last.family === families[index] && index === last.last + (rtl ? -1 : 1)) {
      last.text = rtl ? char + last.text : last.text + char;
      last.last = index;
    } else runs.push({ text: char, family: families[index]!, rtl, last: index });
  }
  return runs.map(({ text, family, rtl }) => ({ text, family, rtl }));
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
    // A word wider than the field wraps first where it says it may (after its own hyphens,
    // slashes and full stops), as the printed sheet wraps it.
    const parts = words.flatMap((word) => (/^\s+$/u.test(word) || width(word, fonts, size) <= maxWidth ? [word] : ownBreakParts(word)));
    let line = '';
    for (const word of parts) {
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

/** Space between a field's edge and its text. */
const PADDING = 2;
/** Line height of field text, as a share of the font size (as FIELD_LINE_HEIGHT on the sheet). */
const LINE_HEIGHT = 1.25;
/** Smallest font size a one-line field shrinks to before its text wraps onto more lines. */
const MIN_SINGLE_LINE_SIZE = 6.5;
/** Smallest font size text shrinks to: below it, a field shows what fits and the value holds the rest. */
export const MIN_FONT_SIZE = 3;

export interface FieldBox {
  width: number;
  height: number;
}

/** How a field's text is drawn in its widgets: at one size, one line or wrapped, some lines in each. */
export interface FittedText {
  fontSize: number;
  multiline: boolean;
  /** The lines each widget shows (a one-line field: one line, the whole text). */
  lines: string[][];
}

/** Lines a box holds at `size`: the first line's ascent and the last one's descent inside the padding. */
function linesHeld(box: FieldBox, size: number): number {
  return Math.max(1, Math.floor((box.height - 2 * PADDING - size) / (size * LINE_HEIGHT)) + 1);
}

/**
 * The largest font size, at most `fontSize`, at which all of `text` shows in the boxes, with the
 * lines for each box. A one-line field keeps one line down to MIN_SINGLE_LINE_SIZE, then wraps;
 * a multi-line field wraps. With `flow`, the boxes are parts of one space (a long answer over
 * pages): the lines continue from one to the next; without it, each box shows all of the text.
 */
export function fitText(value: string, fonts: FieldFonts, boxes: readonly FieldBox[], fontSize: number, options: { multiline: boolean; flow: boolean }): FittedText {
  // Drawn as the printed sheet draws it: the placeholder for what no bundled font has, marks the
  // font would split off a letter decomposed, a tab as a space, any line ending as a line break.
  const text = prepareText(value).replace(/\r\n?/gu, '\n').replace(/\t/gu, ' ');
  const narrowest = Math.min(...boxes.map((box) => box.width)) - 2 * PADDING;
  const shortest: FieldBox = { width: narrowest, height: Math.min(...boxes.map((box) => box.height)) };
  const oneLine = text.replace(/\s*\n\s*/gu, ' ');
  const sizes: number[] = [];
  for (let size = fontSize; size >= MIN_FONT_SIZE; size -= 0.25) sizes.push(size);
  if (!options.multiline) {
    for (const size of sizes) {
      if (size < MIN_SINGLE_LINE_SIZE) break;
      if (width(oneLine, fonts, size) <= narrowest) return { fontSize: size, multiline: false, lines: boxes.map(() => [oneLine]) };
    }
  }
  const fit = (size: number): { fitted: FittedText; fits: boolean } => {
    const lines = wrapLines(text, fonts, size, narrowest);
    const held = options.flow ? boxes.reduce((sum, box) => sum + linesHeld(box, size), 0) : linesHeld(shortest, size);
    return { fitted: { fontSize: size, multiline: true, lines: options.flow ? distribute(lines, boxes, size) : boxes.map(() => lines) }, fits: lines.length <= held };
  };
  // Smaller sizes hold more: binary search for the largest size that fits (a long answer is
  // wrapped a handful of times, not once per size).
  const first = fit(sizes[0]!);
  if (first.fits) return first.fitted;
  let best = fit(sizes.at(-1)!).fitted;
  let low = 1;
  let high = sizes.length - 2;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const tried = fit(sizes[middle]!);
    if (tried.fits) {
      best = tried.fitted;
      high = middle - 1;
    } else low = middle + 1;
  }
  return best;
}

/** Lines given to boxes in order, each as many as it holds; the last box takes the rest. */
function distribute(lines: string[], boxes: readonly FieldBox[], size: number): string[][] {
  let next = 0;
  return boxes.map((box, index) => {
    const count = index === boxes.length - 1 ? lines.length - next : linesHeld(box, size);
    const taken = lines.slice(next, next + count);
    next += taken.length;
    return taken;
  });
}

export interface TextAppearance {
  /** The lines to draw (from fitText). */
  lines: string[];
  /** The whole text: its first strong character sets the direction of every line. */
  text: string;
  width: number;
  height: number;
  fontSize: number;
  multiline: boolean;
}

/** Builds the normal appearance (a form XObject) of a text field or dropdown showing `lines`. */
export function textAppearance(doc: PDFDocument, fonts: FieldFonts, appearance: TextAppearance): PDFRef {
  const { lines, width: boxWidth, height: boxHeight, fontSize } = appearance;
  const lineHeight = fontSize * LINE_HEIGHT;
  const direction = textDirection(appearance.text);
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
  let y = appearance.multiline ? boxHeight - PADDING - ascent : (boxHeight - fontSize) / 2 + fontSize * 0.22;
  let previous = { x: 0, y: 0 };
  for (const line of lines) {
    const runs = visualRuns(line, direction, fonts);
    const lineWidth = runs.reduce((sum, run) => sum + fonts.get(run.family).font.widthOf(run.text, fontSize), 0);
    let x = direction === 'rtl' ? boxWidth - PADDING - lineWidth : PADDING;
    for (const run of runs) {
      const { font, resource } = fonts.get(run.family);
      used.set(resource, font);
      operators.push(moveText(x - previous.x, y - previous.y), setFontAndSize(resource, fontSize), showText(font.encode(run.text, run.rtl ? 'rtl' : 'ltr')));
      previous = { x, y };
      x += font.widthOf(run.text, fontSize);
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

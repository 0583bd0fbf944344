/**
 * What each form field shows: the text of its widgets' appearances as MuPDF draws them (on screen
 * and in print), read widget by widget in page order, so a field that continues over pages reads
 * as one text.
 */
import * as mupdf from 'mupdf';

export interface ShownField {
  /** MuPDF's field type: text, combobox, checkbox… */
  type: string;
  /** The field's value (what pdf-lib and `import` read). */
  value: string;
  /** The text its widgets draw, widget after widget, lines joined with "\n". */
  text: string;
  /** Each drawn line's characters left to right by position (the visual order). */
  visualLines: string[];
  /** Font names of the characters drawn. */
  fonts: Set<string>;
}

export function shownFields(pdf: Uint8Array): Map<string, ShownField> {
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf') as mupdf.PDFDocument;
  const fields = new Map<string, ShownField>();
  try {
    for (let index = 0; index < doc.countPages(); index++) {
      const page = doc.loadPage(index) as mupdf.PDFPage;
      for (const widget of page.getWidgets()) {
        const name = widget.getName();
        const field = fields.get(name) ?? { type: widget.getFieldType(), value: String(widget.getValue()), text: '', visualLines: [], fonts: new Set<string>() };
        const list = widget.toDisplayList();
        const stext = list.toStructuredText('preserve-whitespace');
        const chars: { c: string; x: number; y: number }[] = [];
        try {
          field.text += stext.asText();
          stext.walk({
            onChar(c, origin, font) {
              chars.push({ c, x: origin[0], y: origin[1] });
              field.fonts.add(font.getName());
            },
          });
        } finally {
          stext.destroy();
          list.destroy();
        }
        const lines: { y: number; chars: { c: string; x: number }[] }[] = [];
        for (const char of chars.sort((a, b) => a.y - b.y)) {
          const line = lines.at(-1);
          if (line && char.y - line.y < 1) line.chars.push(char);
          else lines.push({ y: char.y, chars: [char] });
        }
        field.visualLines.push(...lines.map((line) => line.chars.sort((a, b) => a.x - b.x).map((char) => char.c).join('')));
        fields.set(name, field);
      }
      page.destroy();
    }
  } finally {
    doc.destroy();
  }
  return fields;
}

/**
 * Turns React-PDF's output into the fillable PDF. React-PDF lays out the page and leaves a
 * placeholder widget where each field goes (see slots.ts); here, with pdf-lib, the placeholders are
 * replaced by real AcroForm fields:
 *
 * - named by answers path (`goals.woop.wish`, `network.contacts[3].name`; pdf-lib builds the dotted
 *   names as a field hierarchy, as the PDF spec wants), one field per path, with one widget per
 *   place it appears (the header's fields on every page);
 * - in reading order: each page's widgets in the order the page draws them, and /Tabs /S so
 *   readers tab in that order;
 * - each with a tooltip (/TU) from its printed prompt, for screen readers (see tooltips.ts);
 * - text fields with a fixed font size in their default appearance (never 0, "auto"); checkboxes
 *   with /Yes and /Off states and V and AS in agreement (React-PDF writes a ticked box that pdf-lib
 *   reads as unticked, and an unticked one that pdf.js draws with a cross); no borders or
 *   backgrounds, so an empty field draws nothing and the sheet prints like the blank one;
 * - every appearance drawn by us, with the bundled fonts (see appearance.ts), so poppler, MuPDF,
 *   pdf.js and Acrobat all show what pdf-lib reads as the value, in any script;
 * - a marker in the document's Info dictionary holding the form's format and what the sheet fixes
 *   (each contact row's tie), so `import` knows the PDF is one of ours. No widget has an empty
 *   rectangle (pdf.js cannot draw one).
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  StandardFonts,
  rgb,
  type PDFCheckBox,
  type PDFDropdown,
  type PDFForm,
  type PDFPage,
  type PDFTextField,
} from 'pdf-lib';
import { AREAS } from '../../answers/schema.js';
import { SHEETS, sheetFields } from '../../worksheets/index.js';
import { checkboxAppearances, FieldFonts, FIELD_TEXT_RGB, fitText, textAppearance } from './appearance.js';
import { formBoxes } from '../../fields/index.js';
import { valueAt } from '../../worksheets/paths.js';
import { embedReaderFont, READER_FONT_RESOURCE } from './reader-font.js';
import { decodeSlot, type Slot } from './slots.js';
import { fieldTooltips, type Translate } from './tooltips.js';

/** The Info key holding the marker (JSON of FormMarker). */
export const MARKER_INFO_KEY = 'PlnWorksheetsForm';
/** Where forms of version 1 kept the marker: a hidden field; their Info key held just "1". */
export const LEGACY_MARKER_FIELD = 'pln-worksheets';
/** Version of the fillable form's layout of names (not of the answers format). */
export const FORM_VERSION = 1;

export interface FormMarker {
  format: 'pln-worksheets-form';
  version: number;
  /** Tie of each contact row by its index in network.contacts (the list the row is in). */
  ties: Record<string, string>;
  /** The area dropdowns' options (printed area names) → area values. */
  areas: Record<string, string>;
}

export interface FillableOptions {
  /** Values to prefill (`fill --fillable`); undefined for a blank form. */
  answers?: unknown;
  /** The printed name of each network area (the dropdown's display text). */
  areaLabel: (area: string) => string;
  /** The document's copy: the fields' tooltips repeat their printed prompts. */
  t: Translate;
}

export interface Placement {
  page: PDFPage;
  slot: Slot;
  rect: { x: number; y: number; width: number; height: number };
}

/** The worksheets' checkboxes by form field name: their kinds say when one starts ticked. */
const BOXES = new Map(formBoxes(Object.values(SHEETS).flatMap(sheetFields)).map((box) => [box.name, box]));

function slotValue(answers: unknown, slot: Slot): string | boolean | undefined {
  if (slot.kind === 'check') return BOXES.get(slot.path)?.ticked(answers) ?? false;
  const value = valueAt(answers, slot.path);
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads and removes React-PDF's placeholder widgets, page by page in drawing order. */
function takePlacements(doc: PDFDocument): Placement[] {
  const placements: Placement[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept: PDFRef[] = [];
    for (let index = 0; index < annots.size(); index++) {
      const ref = annots.get(index);
      const annot = annots.lookup(index);
      const name = annot instanceof PDFDict ? annot.lookup(PDFName.of('T')) : undefined;
      const slot = name instanceof PDFString || name instanceof PDFHexString ? decodeSlot(name.decodeText()) : undefined;
      if (!slot || !(annot instanceof PDFDict)) {
        if (ref instanceof PDFRef) kept.push(ref);
        continue;
      }
      const rect = annot.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
      placements.push({ page, slot, rect: { x: rect.x, y: rect.y, width: Math.abs(rect.width), height: Math.abs(rect.height) } });
      if (ref instanceof PDFRef) doc.context.delete(ref);
    }
    page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
  }
  // React-PDF's AcroForm lists only the placeholders: start a fresh one.
  doc.catalog.delete(PDFName.of('AcroForm'));
  return joinFlowParts(placements);
}

/**
 * A field that flows over pages is laid out as parts stacked one under the other (so the page
 * breaks between them): the parts that end up together on a page become one widget there.
 */
export function joinFlowParts(placements: readonly Placement[]): Placement[] {
  const joined: Placement[] = [];
  for (const placement of placements) {
    const last = joined.at(-1);
    const { rect } = placement;
    if (
      last && placement.slot.flow && last.slot.flow && last.slot.path === placement.slot.path && last.page === placement.page &&
      Math.abs(last.rect.x - rect.x) < 0.5 && Math.abs(last.rect.width - rect.width) < 0.5 && Math.abs(last.rect.y - (rect.y + rect.height)) < 0.5
    ) {
      joined[joined.length - 1] = { ...last, rect: { ...last.rect, y: rect.y, height: last.rect.height + rect.height } };
    } else joined.push(placement);
  }
  return joined;
}

const noFrame = { borderWidth: 0, backgroundColor: undefined, borderColor: undefined } as const;

/** Makes the fillable PDF from React-PDF's bytes. */
export async function makeFillable(bytes: Uint8Array, options: FillableOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const placements = takePlacements(doc);
  const form = doc.getForm();
  // pdf-lib draws a widget's first appearance with this when it is added (ours replace them).
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  // The reader's font for text it draws itself as someone types (each field's DA names it).
  const dr = form.acroForm.dict.lookupMaybe(PDFName.of('DR'), PDFDict) ?? doc.context.obj({});
  const drFonts = dr.lookupMaybe(PDFName.of('Font'), PDFDict) ?? doc.context.obj({});
  const readerFont = PDFName.of(READER_FONT_RESOURCE);
  drFonts.set(readerFont, embedReaderFont(doc));
  dr.set(PDFName.of('Font'), drFonts);
  form.acroForm.dict.set(PDFName.of('DR'), dr);
  form.acroForm.dict.set(PDFName.of('DA'), PDFString.of(`${readerFont.toString()} 0 Tf 0 g`));

  const fonts = new FieldFonts(doc);
  const values = new Map<string, string | boolean | undefined>();
  for (const { slot } of placements) values.set(slot.path, slotValue(options.answers, slot));
  const areaNames = new Map(AREAS.map((area) => [area, options.areaLabel(area)]));

  const ties: Record<string, string> = {};
  const created = new Map<string, { slot: Slot; field: PDFTextField | PDFCheckBox | PDFDropdown; widgets: Placement[] }>();
  const [r, g, b] = FIELD_TEXT_RGB;
  const ink = rgb(r, g, b);
  for (const placement of placements) {
    const { slot, page, rect } = placement;
    const contact = /^network\.contacts\[(\d+)\]\.name$/.exec(slot.path);
    if (contact && slot.tie) ties[contact[1]!] = slot.tie;
    let entry = created.get(slot.path);
    if (!entry) {
      entry = { slot, field: createField(form, slot, areaNames), widgets: [] };
      created.set(slot.path, entry);
    }
    entry.widgets.push(placement);
    entry.field.addToPage(page, { ...rect, ...noFrame, textColor: ink, font: helvetica });
  }

  const tooltip = fieldTooltips(options.t, contactRowsOf(ties));
  for (const { slot, field, widgets } of created.values()) {
    const tip = tooltip(slot.path);
    if (tip) field.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(tip));
    const value = values.get(slot.path);
    if (slot.kind === 'check') {
      const box = field as PDFCheckBox;
      box.acroField.getWidgets().forEach((widget, index) => {
        const placed = widgets[index]!;
        const { on, off } = checkboxAppearances(doc, placed.rect.width, placed.rect.height);
        widget.dict.set(PDFName.of('AP'), doc.context.obj({ N: { Yes: on, Off: off } }));
        widget.dict.delete(PDFName.of('MK'));
      });
      // V on the field and AS on every widget agree: /Yes or /Off.
      if (value === true) box.check();
      else box.uncheck();
      continue;
    }
    const acro = field.acroField;
    let shown = '';
    if (slot.kind === 'area') {
      if (typeof value === 'string') {
        shown = areaNames.get(value as (typeof AREAS)[number]) ?? value;
        (field as PDFDropdown).acroField.setValues([PDFHexString.fromText(shown)]);
      }
    } else if (typeof value === 'string') {
      (field as PDFTextField).acroField.setValue(PDFHexString.fromText(value));
      shown = value;
    }
    // Every prefilled answer shows whole: at a smaller size, or wrapped, when its box is too small.
    const fitted = fitText(shown, fonts, widgets.map((placed) => placed.rect), slot.fontSize, {
      multiline: slot.kind === 'multi',
      flow: slot.flow === true,
    });
    // Readers redraw the field at this size when it is edited.
    acro.setDefaultAppearance(`${readerFont.toString()} ${fitted.fontSize} Tf ${r.toFixed(3)} ${g.toFixed(3)} ${b.toFixed(3)} rg`);
    if (fitted.multiline && slot.kind === 'single') (field as PDFTextField).enableMultiline();
    const annots = acro.getWidgets();
    annots.forEach((widget, index) => {
      const placed = widgets[index]!;
      widget.setNormalAppearance(
        textAppearance(doc, fonts, { text: shown, lines: fitted.lines[index]!, width: placed.rect.width, height: placed.rect.height, fontSize: fitted.fontSize, multiline: fitted.multiline }),
      );
    });
  }

  // The marker lives in the Info dictionary, not in a hidden field: a 0×0 widget makes pdf.js
  // throw on page 1 once NeedAppearances is set, and readers keep Info when they save a form.
  const markerValue: FormMarker = { format: 'pln-worksheets-form', version: FORM_VERSION, ties, areas: Object.fromEntries(AREAS.map((area) => [areaNames.get(area) ?? area, area])) };
  infoDict(doc).set(PDFName.of(MARKER_INFO_KEY), PDFHexString.fromText(JSON.stringify(markerValue)));
  // Tab order by structure (each page's widgets in the order they are listed: reading order);
  // without /Tabs readers may order them by position, row by row across columns.
  for (const page of doc.getPages()) if (page.node.Annots()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), doc.context.obj(false));
  fonts.finish();

  return doc.save({ updateFieldAppearances: false });
}

function createField(form: PDFForm, slot: Slot, areaNames: Map<string, string>): PDFTextField | PDFCheckBox | PDFDropdown {
  switch (slot.kind) {
    case 'check':
      return form.createCheckBox(slot.path);
    case 'area': {
      const dropdown = form.createDropdown(slot.path);
      // Plain options (the printed names): readers and pdf-lib disagree about which half of an
      // export/display pair a choice field's value holds. The marker maps the names back.
      dropdown.acroField.setOptions([{ value: PDFHexString.fromText(' ') }, ...AREAS.map((area) => ({ value: PDFHexString.fromText(areaNames.get(area) ?? area) }))]);
      return dropdown;
    }
    default: {
      const text = form.createTextField(slot.path);
      if (slot.kind === 'multi') text.enableMultiline();
      return text;
    }
  }
}

/** Each contact row's list (tie) and its row number in that list: rows run down each list by index. */
function contactRowsOf(ties: Record<string, string>): (index: number) => { tie: string; row: number } | undefined {
  const byTie = new Map<string, number[]>();
  for (const [index, tie] of Object.entries(ties)) byTie.set(tie, [...(byTie.get(tie) ?? []), Number(index)]);
  for (const indices of byTie.values()) indices.sort((a, b) => a - b);
  return (index) => {
    const tie = ties[String(index)];
    return tie === undefined ? undefined : { tie, row: byTie.get(tie)!.indexOf(index) + 1 };
  };
}

/** The document information dictionary (pdf-lib keeps its accessor private). */
export function infoDict(doc: PDFDocument): PDFDict {
  return (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();
}

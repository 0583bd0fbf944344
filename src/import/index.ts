/**
 * `import`: a fillable PDF made by this package (blank or prefilled), filled in any reader, back
 * into an answers file. Each field is named by its answers path; an empty field stays absent;
 * text comes back exactly as typed (line breaks as "\n"); a ticked box puts its option in the
 * list, in the sheet's order; a contact takes its tie from the list its row is in.
 */
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFHexString, PDFString, PDFTextField, EncryptedPDFError, PDFName, type PDFField } from 'pdf-lib';
import { AREAS, type Answers } from '../answers/schema.js';
import { infoDict, LEGACY_MARKER_FIELD, MARKER_INFO_KEY, FORM_VERSION, type FormMarker } from '../pdf/fillable/postprocess.js';
import { RECORD_LISTS, TOP_ORDER } from './schema-lists.js';
import { SHEETS, sheetFields } from '../worksheets/index.js';
import { formBoxes } from '../fields/index.js';
import { fieldPath, setAtKeys } from './paths.js';
import { pdfHazard } from './prescan.js';
import { byteText } from './raw-bytes.js';
import { fieldPages, formatFieldProblems, printable, schemaProblems, type FieldProblem } from './problems.js';

/**
 * A PDF that cannot be imported: one message per line, each naming the PDF; `fields` holds, line
 * by line, the form field (answers path) a line is about, or undefined for the file as a whole.
 */
export class ImportError extends Error {
  constructor(
    readonly lines: string[],
    readonly fields: readonly (string | undefined)[] = [],
  ) {
    super(lines.join('\n'));
    this.name = 'ImportError';
  }
}

/** Largest PDF import reads (a prefilled form of the largest answers file is far smaller). */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** The worksheets' checkboxes by form field name, as their field kinds make them. */
const BOXES = new Map(formBoxes(Object.values(SHEETS).flatMap(sheetFields)).map((box) => [box.name, box]));

/** Each list that ticks fill, with its options in printed order. */
const CHECKLISTS = new Map<string, string[]>();
for (const { list, option } of BOXES.values()) if (option !== undefined) CHECKLISTS.set(list, [...(CHECKLISTS.get(list) ?? []), option]);

/**
 * Reads the answers out of a fillable PDF. `source` names the PDF in messages (its path).
 * @throws ImportError when the bytes are not a PDF, are damaged, are not one of our forms, or
 *   hold answers that are not valid (a contact without an area, a session date that is not a date).
 */
export async function importAnswers(pdf: Uint8Array, source = 'the PDF'): Promise<Answers> {
  const fail = (...lines: string[]): never => {
    throw new ImportError(lines.map((line) => `${source}: ${line}`));
  };
  if (pdf.byteLength > MAX_PDF_BYTES) fail(`the file is ${pdf.byteLength.toLocaleString('en-US')} bytes; import reads PDFs up to ${MAX_PDF_BYTES.toLocaleString('en-US')} bytes`);
  const head = byteText(pdf.subarray(0, 1024));
  if (!head.includes('%PDF-')) fail('not a PDF file (it does not start with "%PDF-")');
  const tail = byteText(pdf.subarray(Math.max(0, pdf.byteLength - 2048)));
  if (!tail.includes('%%EOF')) fail('the PDF is damaged or incomplete (no end-of-file marker: was it cut short while copying or downloading?)');
  const hazard = pdfHazard(pdf);
  if (hazard) fail(hazard);

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return fail('the PDF is encrypted; save an unencrypted copy from the reader and import that');
    return fail(`the PDF is damaged and cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }

  let fields: PDFField[];
  try {
    fields = doc.getForm().getFields();
  } catch (error) {
    return fail(`the PDF's form is damaged and cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const marker = readMarker(doc, fields);
  const notOurs = 'not a fillable worksheet from pln-worksheets (make one with "pln-worksheets blank --fillable" or "pln-worksheets fill <answers.json> --fillable")';
  if (marker === 'fields missing') return fail('the PDF was made by pln-worksheets but its form fields are missing (was it printed to PDF or flattened?)');
  if (!marker || marker.format !== 'pln-worksheets-form' || typeof marker.version !== 'number') return fail(notOurs);
  if (marker.version > FORM_VERSION) fail(`the form is version ${marker.version}, newer than this pln-worksheets reads (${FORM_VERSION}); update pln-worksheets`);

  const raw: Record<string, unknown> = {};
  const ticked = new Map<string, Set<string>>();
  // Every problem is collected, then all are reported in one run (problems.ts).
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const name = field.getName();
    if (name === LEGACY_MARKER_FIELD) continue;
    // A box without an option (a checklist's "Other") is for the reader: its write-in text is the answer.
    if (field instanceof PDFCheckBox) {
      const box = BOXES.get(name);
      if (box?.option !== undefined) {
        if (!ticked.has(box.list)) ticked.set(box.list, new Set());
        if (field.isChecked()) ticked.get(box.list)!.add(box.option);
      } else if (!box) problems.push({ field: name, label: `form field "${printable(name)}"`, message: "not a box on the worksheets; import reads only the worksheets' own fields" });
      continue;
    }
    // Signatures and buttons hold no answer.
    if (!(field instanceof PDFTextField || field instanceof PDFDropdown)) continue;
    const path = fieldPath(name);
    if (!path.ok) {
      problems.push({ field: name, label: `form field "${printable(name)}"`, message: `${path.reason}; import reads only the worksheets' own fields` });
      continue;
    }
    let value = field instanceof PDFTextField ? field.getText() : areaValue(field.getSelected()[0], marker.areas ?? {});
    if (value === undefined) continue;
    value = value.replace(/\r\n?/g, '\n');
    if (value.trim() === '') continue;
    setAtKeys(raw, path.keys, value);
  }
  // Contacts: the tie is the list's; records need their required keys (before rows close up, so
  // the messages name the form's own fields).
  for (const [listPath, spec] of Object.entries(RECORD_LISTS)) {
    const [group, key] = listPath.split('.') as [string, string];
    const list = (raw[group] as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(list)) continue;
    list.forEach((record: Record<string, unknown> | undefined, index) => {
      if (!record) return;
      if (listPath === 'network.contacts') {
        const tie = marker.ties?.[String(index)];
        if (tie) record.tie = tie;
      }
      // A contact's tie is its list's (set above), not a field anyone fills in.
      for (const required of spec.required.filter((k) => !(listPath === 'network.contacts' && k === 'tie'))) {
        if (record[required] === undefined) {
          const what = Object.entries(record)
            .filter(([k]) => k !== 'tie')
            .map(([, v]) => `"${String(v).slice(0, 40)}"`)[0];
          problems.push({ field: `${listPath}[${index}].${required}`, message: `empty, but the row has other entries (${what}); fill it in or clear the row` });
        }
      }
      list[index] = Object.fromEntries(spec.order.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
    });
  }
  for (const [list, options] of CHECKLISTS) {
    const set = ticked.get(list);
    if (!set || set.size === 0) continue;
    const values = options.filter((option) => set.has(option));
    if (values.length > 0) setAtKeys(raw, list.split('.'), values);
  }
  const session = raw.session as Record<string, unknown> | undefined;
  if (session && typeof session.number === 'string' && /^\s*\d+\s*$/.test(session.number)) session.number = Number(session.number);

  // The rows as the form has them (before closing up), to name the fields of the schema's problems.
  const rows = structuredClone(raw);
  const answers = compact({ version: 1, ...raw }) as Record<string, unknown>;
  const ordered = Object.fromEntries(TOP_ORDER.filter((key) => answers[key] !== undefined).map((key) => [key, answers[key]]));
  if (!ordered.learner || !(ordered.learner as Record<string, unknown>).name) {
    problems.unshift({ field: 'learner.name', message: 'empty; type the learner\'s name in "Name" at the top of a page (every answers file needs it)' });
  }
  problems.push(...schemaProblems(ordered, rows));
  if (problems.length > 0) {
    const located = formatFieldProblems(source, problems, fieldPages(doc, fields));
    throw new ImportError(
      located.map(({ line }) => line),
      located.map(({ field }) => field),
    );
  }
  return ordered as Answers;
}

/**
 * The form's marker: JSON in the Info dictionary, or (forms of before, whose Info entry held only
 * "1") JSON in a hidden field. 'fields missing' when the PDF is ours but has lost its form.
 */
function readMarker(doc: PDFDocument, fields: PDFField[]): Partial<FormMarker> | 'fields missing' | undefined {
  const info = infoDict(doc).lookup(PDFName.of(MARKER_INFO_KEY));
  const legacy = fields.find((field) => field.getName() === LEGACY_MARKER_FIELD);
  let text: string | undefined;
  if (info instanceof PDFString || info instanceof PDFHexString) text = info.decodeText();
  if (!text?.startsWith('{')) text = legacy instanceof PDFTextField ? legacy.getText() : undefined;
  if (info && fields.filter((field) => field.getName() !== LEGACY_MARKER_FIELD).length === 0) return 'fields missing';
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Partial<FormMarker>) : undefined;
  } catch {
    return undefined;
  }
}

/** A dropdown's value (a printed area name, or the area value itself) as an area value. */
function areaValue(selected: string | undefined, names: Record<string, string>): string | undefined {
  if (selected === undefined || selected.trim() === '') return undefined;
  const known = names[selected] ?? names[selected.trim()];
  if (known) return known;
  const lower = selected.trim().toLowerCase();
  return AREAS.find((area) => area === lower) ?? selected;
}

/** Lists without their empty rows, objects without empty parts. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = [...value].map(compact).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, compact(v)] as const).filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

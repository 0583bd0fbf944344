/**
 * The worksheet model: each sheet is defined once, as data. The blank renderer, the filled renderer
 * and later the fillable fields and the PDF import all read these definitions, so adding a prompt is
 * one change here plus its copy in templates/.
 *
 * `path` is the field's place in the answers file (`goals.woop.wish`); copy keys name templates
 * (`goals.woop.wish.label` is the key `woop.wish.label` in templates/<locale>/goals.json).
 */

export const SHEET_IDS = ['goals', 'network', 'social'] as const;
export type SheetId = (typeof SHEET_IDS)[number];

/** Handwriting space, counted in ruled lines at the theme's line pitch. */
export type Lines = number;

/** A written answer: a label, an optional hint and ruled lines to write on. */
export interface WritingField {
  kind: 'writing';
  path: string;
  label: string;
  hint?: string;
  lines: Lines;
  /** On taller paper this field takes the extra lines (A4 is 50 pt taller than Letter). */
  grows?: boolean;
  /** Label and hint in a column beside the lines instead of above them (WOOP and SMART steps). */
  side?: boolean;
}

/** A short answer on one line with its label beside it (time frame, by when, review date). */
export interface ShortField {
  kind: 'short';
  path: string;
  label: string;
  hint?: string;
}

/** An if-then pair on two lines (WOOP plan, social media guardrail). */
export interface IfThenField {
  kind: 'ifThen';
  path: string;
  label: string;
  hint?: string;
  ifLabel: string;
  thenLabel: string;
}

/** A list of strings with numbered rows (priorities, hashtags, accounts to follow). */
export interface ListField {
  kind: 'list';
  path: string;
  label?: string;
  hint?: string;
  rows: number;
  /** Rows laid out in this many columns. */
  columns?: number;
}

export interface TableColumn {
  key: string;
  /** A second answers key printed in the same cell after a dash (the role beside a name). */
  alsoKey?: string;
  label: string;
  /** Relative width. */
  width: number;
}

/** A list of records as a table (five people to add, actions, platforms). */
export interface TableField {
  kind: 'table';
  path: string;
  label?: string;
  hint?: string;
  rows: number;
  /** Ruled lines per row. */
  rowLines: Lines;
  columns: TableColumn[];
}

export interface ChecklistOption {
  value: string;
  label: string;
}

/** Checkboxes; the answers hold the values of the ticked options. */
export interface ChecklistField {
  kind: 'checklist';
  path: string;
  label?: string;
  hint?: string;
  options: ChecklistOption[];
  columns?: number;
  /** A write-in "Other" option stored at its own path. */
  other?: { path: string; label: string };
}

/** Character boxes for a text with a hard limit (the 160-character bio). */
export interface CharacterBoxesField {
  kind: 'characterBoxes';
  path: string;
  label: string;
  hint?: string;
  limit: number;
  perRow: number;
}

/** The three connection lists: strong, weak, mentors (network.contacts grouped by tie). */
export interface ConnectionListsField {
  kind: 'connectionLists';
  path: string;
  rows: number;
  /** On taller paper each list gets the extra rows. */
  grows?: boolean;
}

/** The quadrant map with Me at the centre (network.contacts placed by area). */
export interface QuadrantMapField {
  kind: 'quadrantMap';
  path: string;
}

export type Field =
  | WritingField
  | ShortField
  | IfThenField
  | ListField
  | TableField
  | ChecklistField
  | CharacterBoxesField
  | ConnectionListsField
  | QuadrantMapField;

/** Fields placed side by side, sharing the width. */
export interface FieldRow {
  kind: 'row';
  fields: Field[];
}

export interface Section {
  id: string;
  heading: string;
  /** Carries on the previous section on a new page: same number, marked "(continued)". */
  continued?: boolean;
  prompt?: string;
  items: (Field | FieldRow)[];
}

export interface Sheet {
  id: SheetId;
  /** Copy keys of the sheet's title, step line and introduction. */
  title: string;
  step: string;
  intro: string;
  aim?: string;
  /** Sections page by page: the blank layout starts a new page at each inner array. */
  pages: Section[][];
  /** Credit copy keys printed in the footer of this sheet. */
  credits: string[];
}

export function fieldsOf(item: Field | FieldRow): Field[] {
  return item.kind === 'row' ? item.fields : [item];
}

export function sheetFields(sheet: Sheet): Field[] {
  return sheet.pages.flat().flatMap((section) => section.items.flatMap(fieldsOf));
}

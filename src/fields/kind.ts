/**
 * What a field kind knows, in one place: how it prints, how it becomes form fields on a fillable
 * sheet (with their tooltips), and how `import` reads those fields back. Each kind of the worksheet
 * model (`Field['kind']`) has one module in this folder and one entry in `FIELD_KINDS` (index.tsx).
 */
import type React from 'react';
import type { RenderContext } from '../pdf/components/context.js';
import type { Field } from '../worksheets/model.js';

export type Translate = (key: string) => string;

/** A field's tooltips: fixed ones by form field name, and the names of its lists' rows. */
export interface Tooltips {
  /** Form field name → tooltip (`goals.woop.plan.if` → "Plan: If"). */
  fixed?: [name: string, tooltip: string][];
  /** Rows of a list or table at `path`: `list` names it, `columns` each record key's column. */
  rows?: { path: string; list: string; columns: Map<string, string> };
}

/** A checkbox on the fillable sheet and what a tick means when `import` reads it back. */
export interface FormBox {
  /** The box's form field name (`social.purposes.learn`). */
  name: string;
  /** The list the tick adds to (`social.purposes`), with `option` in it; no `option`: a box for the reader only. */
  list: string;
  option?: string;
  /** Whether the box starts ticked on a form prefilled with `answers`. */
  ticked: (answers: unknown) => boolean;
}

export interface FieldKind<F extends Field> {
  /** The printed sheet: ruled space when blank; the learner's answer, in space that grows, when filled. */
  Printed: (props: { field: F; ctx: RenderContext }) => React.ReactElement | null;
  /** The fillable sheet: the blank layout with form slots over the answer spaces, sized by any answers. */
  Fillable: (props: { field: F; ctx: RenderContext }) => React.ReactElement | null;
  /** Tooltips of the form fields it makes; `heading` names the field when it has no label. */
  tooltips: (field: F, t: Translate, heading: string) => Tooltips;
  /**
   * Checkboxes it makes, for `import` to read back. Text fields need no entry: each is named by its
   * answers path and read back through the schema's whitelist (src/import/paths.ts).
   */
  boxes?: (field: F) => FormBox[];
}

/** One module for every kind of the model: a new kind does not compile until it has its entry. */
export type FieldKinds = { [K in Field['kind']]: FieldKind<Extract<Field, { kind: K }>> };

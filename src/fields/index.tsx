/**
 * Every field kind of the worksheet model, each defined in its own module: the one table the
 * printed sheet, the fillable sheet (fields and tooltips) and `import` read.
 */
import type { Field } from '../worksheets/model.js';
import type { RenderContext } from '../pdf/components/context.js';
import { characterBoxes } from './character-boxes.js';
import { checklist } from './checklist.js';
import { connectionLists } from './connection-lists.js';
import { ifThen } from './if-then.js';
import type { FieldKind, FieldKinds, FormBox, Tooltips, Translate } from './kind.js';
import { list } from './list.js';
import { quadrantMap } from './quadrant-map.js';
import { short } from './short.js';
import { table } from './table.js';
import { writing } from './writing.js';

export type { FormBox, Tooltips, Translate } from './kind.js';

export const FIELD_KINDS: FieldKinds = { writing, short, ifThen, list, table, checklist, characterBoxes, connectionLists, quadrantMap };

function kindOf(field: Field): FieldKind<Field> {
  return FIELD_KINDS[field.kind] as FieldKind<Field>;
}

/**
 * Draws one field: ruled space on a blank sheet, the learner's answer on a filled one (in space
 * that grows to hold all of it), form fields over the blank layout on a fillable one.
 */
export function FieldView({ field, ctx }: { field: Field; ctx: RenderContext }) {
  const { Printed, Fillable } = kindOf(field);
  return ctx.fillable ? <Fillable field={field} ctx={ctx} /> : <Printed field={field} ctx={ctx} />;
}

export function fieldTooltipsOf(field: Field, t: Translate, heading: string): Tooltips {
  return kindOf(field).tooltips(field, t, heading);
}

/** The checkboxes `fields` make on a fillable sheet, for `import` to read back. */
export function formBoxes(fields: readonly Field[]): FormBox[] {
  return fields.flatMap((field) => kindOf(field).boxes?.(field) ?? []);
}

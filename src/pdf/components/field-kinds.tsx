import type React from 'react';
import type { Field } from '../../worksheets/model.js';
import type { RenderContext } from './context.js';

/** A component for each kind of field: the printed sheet has one set, the fillable sheet another. */
export type FieldComponents = {
  [K in Field['kind']]: (props: { field: Extract<Field, { kind: K }>; ctx: RenderContext }) => React.ReactElement | null;
};

/** Draws `field` with the component its kind has in `components`. */
export function drawField(components: FieldComponents, field: Field, ctx: RenderContext): React.ReactElement {
  const Component = components[field.kind] as (props: { field: Field; ctx: RenderContext }) => React.ReactElement | null;
  return <Component field={field} ctx={ctx} />;
}

/** The quadrant map with Me at the centre: `network.contacts` placed by area. */
import type { QuadrantMapField } from '../worksheets/model.js';
import { QuadrantMap } from '../pdf/components/quadrant.js';
import type { FieldKind } from './kind.js';

export const quadrantMap: FieldKind<QuadrantMapField> = {
  Printed: ({ ctx }) => <QuadrantMap ctx={ctx} />,
  // The map is for drawing on paper: contacts are entered (with their area) in the lists.
  Fillable: ({ ctx }) => <QuadrantMap ctx={{ ...ctx, answers: undefined }} />,
  tooltips: () => ({}),
};

import { TextInput } from '@react-pdf/renderer';
import { encodeSlot, type Slot } from './slots.js';

/** Font sizes of the fields' text: fixed, never 0 ("auto"), which readers draw huge. */
export const FIELD_FONT = { text: 10, cell: 9, contact: 9, contactSmall: 7.5, header: 9 } as const;
/** Line height of field text as our appearances draw it, as a share of the font size. */
export const FIELD_LINE_HEIGHT = 1.25;

/** A placeholder for a form field, filling its (relatively positioned) parent. */
export function FormSlot({ slot, style }: { slot: Slot; style?: Record<string, number | string> }) {
  return <TextInput name={encodeSlot(slot)} style={{ position: 'absolute', left: 0, top: 0, right: 0, bottom: 0, ...style }} />;
}

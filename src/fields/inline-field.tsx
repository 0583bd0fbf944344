/** A label, then a one-line form field on the rest of the line (short answers, if-then halves). */
import { Text, View } from '@react-pdf/renderer';
import { estimateWidth } from '../pdf/measure.js';
import { theme } from '../pdf/theme.js';
import { ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { linesFor, MAX_FIELD_HEIGHT, textSlotKind } from './fit.js';

const pitch = theme.linePitch;

/** The field grows taller when its answer needs it. */
export function InlineField({ label, path, value, width, bold = true, maxHeight = MAX_FIELD_HEIGHT }: { label: string; path: string; value?: string; width: number; bold?: boolean; maxHeight?: number }) {
  const fieldWidth = width - estimateWidth(label, theme.size.body) - 6;
  const lines = linesFor(value, 1, fieldWidth, FIELD_FONT.text, pitch, maxHeight);
  // A field of several lines shows its text from the top: its label goes beside the first line,
  // or a prefilled answer would read as belonging to the line above the label.
  const multi = lines > 1;
  return (
    <View style={{ flexDirection: 'row', alignItems: multi ? 'flex-start' : 'flex-end', minHeight: lines * pitch, ...ruleBelow }}>
      <Text style={{ fontSize: theme.size.body, ...(bold ? { fontWeight: 700 } : {}), marginRight: 6, ...(multi ? { paddingTop: 4 } : { marginBottom: 3 }) }}>{label}</Text>
      <View style={{ flex: 1, alignSelf: 'stretch', position: 'relative' }}>
        <FormSlot slot={{ kind: textSlotKind(lines), path, fontSize: FIELD_FONT.text }} />
      </View>
    </View>
  );
}

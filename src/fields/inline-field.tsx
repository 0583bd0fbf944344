/** A label, then a one-line form field on the rest of the line (short answers, if-then halves). */
import { Text, View } from '@react-pdf/renderer';
import { estimateWidth } from '../pdf/measure.js';
import { theme } from '../pdf/theme.js';
import { ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { linesFor, MAX_FIELD_HEIGHT, overflowsField, textSlotKind } from './fit.js';
import { FlowingField, flowLines } from './flowing-field.js';

const pitch = theme.linePitch;

/** Whether an answer is too tall to sit beside its label: it then goes under it, and may flow over pages. */
export function flowsUnderLabel(label: string, value: string | undefined, width: number, maxHeight = MAX_FIELD_HEIGHT): boolean {
  return overflowsField(value, width - estimateWidth(label, theme.size.body) - 6, FIELD_FONT.text, maxHeight);
}

/**
 * The field grows taller when its answer needs it; an answer taller than `maxHeight` goes under
 * its label, in a field that continues over pages.
 */
export function InlineField({ label, path, value, width, bold = true, maxHeight = MAX_FIELD_HEIGHT }: { label: string; path: string; value?: string; width: number; bold?: boolean; maxHeight?: number }) {
  const fieldWidth = width - estimateWidth(label, theme.size.body) - 6;
  const labelStyle = { fontSize: theme.size.body, ...(bold ? { fontWeight: 700 } : {}) };
  if (value && flowsUnderLabel(label, value, width, maxHeight)) {
    return (
      <View>
        <Text style={{ ...labelStyle, paddingTop: 4 }} minPresenceAhead={3 * pitch}>{label}</Text>
        <FlowingField path={path} lines={flowLines(value, width, FIELD_FONT.text)} />
      </View>
    );
  }
  const lines = linesFor(value, 1, fieldWidth, FIELD_FONT.text, pitch, maxHeight);
  // A field of several lines shows its text from the top: its label goes beside the first line,
  // or a prefilled answer would read as belonging to the line above the label.
  const multi = lines > 1;
  return (
    <View style={{ flexDirection: 'row', alignItems: multi ? 'flex-start' : 'flex-end', minHeight: lines * pitch, ...ruleBelow }}>
      <Text style={{ ...labelStyle, marginRight: 6, ...(multi ? { paddingTop: 4 } : { marginBottom: 3 }) }}>{label}</Text>
      <View style={{ flex: 1, alignSelf: 'stretch', position: 'relative' }}>
        <FormSlot slot={{ kind: textSlotKind(lines), path, fontSize: FIELD_FONT.text }} />
      </View>
    </View>
  );
}

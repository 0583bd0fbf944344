/** A form field long enough to continue over pages, as the printed answer does. */
import { Text, View } from '@react-pdf/renderer';
import { theme } from '../pdf/theme.js';
import { ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { textHeight } from './fit.js';

/** Lines of a flowing field laid out together: the page may break between two such parts. */
const FLOW_PART_LINES = 4;

/**
 * Lines of `pitch` that `text` needs in a flowing field `width` wide at `fontSize`; one that may
 * break over pages gets a line to spare for each page it may reach (each page's widget has its
 * own padding).
 */
export function flowLines(text: string, width: number, fontSize: number, pitch: number = theme.linePitch): number {
  const height = textHeight(text, width, fontSize);
  const lines = Math.max(1, Math.ceil(height / pitch));
  return lines > FLOW_PART_LINES ? lines + Math.ceil(height / 400) : lines;
}

/**
 * The label above a field of a record too tall for its row (a table row, a contact), printed in
 * turn under their labels: kept with at least `pitch` of what follows.
 */
export function StackedLabel({ label, pitch, bold = false }: { label: string; pitch: number; bold?: boolean }) {
  return (
    <Text style={{ fontSize: theme.size.small, ...(bold ? { fontWeight: 700 } : {}), color: theme.colour.hint }} minPresenceAhead={pitch}>
      {label}
    </Text>
  );
}

/**
 * A long answer's field, in parts that flow over pages like the printed answer: its widgets on
 * each page show the text one after another (see joinFlowParts in the fillable post-processing).
 */
export function FlowingField({ path, lines, fontSize = FIELD_FONT.text, pitch = theme.linePitch, tie }: { path: string; lines: number; fontSize?: number; pitch?: number; tie?: string }) {
  const parts = Array.from({ length: Math.ceil(lines / FLOW_PART_LINES) }, (_, index) => Math.min(FLOW_PART_LINES, lines - index * FLOW_PART_LINES));
  return (
    <View>
      {parts.map((partLines, index) => (
        <View key={index} wrap={false} style={{ position: 'relative', height: partLines * pitch, ...(index === parts.length - 1 ? ruleBelow : {}) }}>
          <FormSlot slot={{ kind: 'multi', path, fontSize, flow: true, ...(tie ? { tie } : {}) }} />
        </View>
      ))}
    </View>
  );
}

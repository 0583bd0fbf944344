import type React from 'react';
import { Svg, Line, Polygon, Text, View } from '@react-pdf/renderer';
import type { Tie } from '../../answers/schema.js';
import type { Style } from '../style.js';
import { theme } from '../theme.js';

/** The rule under a line of handwriting. */
export const ruleBelow = { borderBottomWidth: theme.ruleWidth, borderBottomColor: theme.colour.rule } as const;

/** A checklist's label and its option rows (boxes drawn by the caller), read down column by column. */
export function ChecklistColumns({ label, hint, items, columns }: { label?: string; hint?: string; items: React.ReactElement[]; columns: number }) {
  const perColumn = Math.ceil(items.length / columns);
  return (
    // Free to break between options, so a checklist never strands its heading on the page before.
    <View>
      <LabelWithHint label={label} hint={hint} />
      <View style={{ flexDirection: 'row' }}>
        {Array.from({ length: columns }, (_, column) => (
          <View key={column} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
            {items.slice(column * perColumn, (column + 1) * perColumn)}
          </View>
        ))}
      </View>
    </View>
  );
}

/** A checklist option: its box (filled, empty or a form field) and its words. */
export function ChecklistOption({ box, label }: { box: React.ReactNode; label: string }) {
  return (
    <View style={{ flexDirection: 'row', alignItems: 'flex-start', marginTop: 5 }} wrap={false}>
      {box}
      <Text style={{ fontSize: theme.size.body, marginLeft: 6, flex: 1, lineHeight: 1.3 }}>{label}</Text>
    </View>
  );
}

/** Ruled handwriting lines at the theme's pitch. */
export function Ruled({ lines, style, pitch = theme.linePitch }: { lines: number; style?: Style; pitch?: number }) {
  return (
    <View style={style}>
      {Array.from({ length: lines }, (_, index) => (
        <View
          key={index}
          style={{ height: pitch, borderBottomWidth: theme.ruleWidth, borderBottomColor: theme.colour.rule }}
        />
      ))}
    </View>
  );
}

/** A label with its hint on the same line when it fits, wrapping under it otherwise. */
export function LabelWithHint({ label, hint }: { label?: string; hint?: string }) {
  if (!label && !hint) return null;
  return (
    <Text style={{ fontSize: theme.size.body, lineHeight: 1.35 }}>
      {label ? <Text style={{ fontWeight: 700, color: theme.colour.ink }}>{label}</Text> : null}
      {label && hint ? '   ' : null}
      {hint ? <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint }}>{hint}</Text> : null}
    </Text>
  );
}

/** Side of a checklist's box, printed or a form field. */
export const CHECKBOX_SIZE = 10;

/** Five-pointed star, the mentor marker. */
export function Star({ size = 10, filled = true }: { size?: number; filled?: boolean }) {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? size / 2 : size / 5;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(size / 2 + radius * Math.cos(angle)).toFixed(2)},${(size / 2 + radius * Math.sin(angle)).toFixed(2)}`);
  }
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
      <Polygon
        points={points.join(' ')}
        fill={filled ? theme.colour.ink : 'white'}
        stroke={theme.colour.ink}
        strokeWidth={0.8}
      />
    </Svg>
  );
}

/** A short line sample: solid for a strong tie, dashed for a weak tie. */
export function LineSample({ dashed, width = 28 }: { dashed: boolean; width?: number }) {
  return (
    <Svg width={width} height={8} viewBox={`0 0 ${width} 8`}>
      <Line
        x1={0}
        y1={4}
        x2={width}
        y2={4}
        stroke={theme.colour.ink}
        strokeWidth={dashed ? 1.2 : 1.8}
        strokeDasharray={dashed ? '3 2.5' : undefined}
      />
    </Svg>
  );
}

/** The black-and-white marker of a tie: solid line (strong), dashed line (weak), star (mentor). */
export function TieMarker({ tie, size = 9 }: { tie: Tie; size?: number }) {
  return tie === 'mentor' ? <Star size={size + 1} /> : <LineSample dashed={tie === 'weak'} width={size * 2.2} />;
}

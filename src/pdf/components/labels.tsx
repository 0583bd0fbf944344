import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import { theme } from '../theme.js';
import type { RenderContext } from './context.js';

/** The copy of an optional key (a field without a hint, say). */
export const optional = (ctx: RenderContext, key?: string) => (key ? ctx.t(key) : undefined);

/** Width of the label column of side-labelled fields. */
export const SIDE_LABEL_WIDTH = 124;
/** A label and hint in a left column, the writing space to its right. */
export function SideLabelled({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <View style={{ flexDirection: 'row' }} wrap={false}>
      <View style={{ width: SIDE_LABEL_WIDTH, paddingRight: 8, paddingTop: 6 }}>
        <Text style={{ fontSize: theme.size.body, fontWeight: 700 }}>{label}</Text>
        {hint ? (
          <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, lineHeight: 1.25, marginTop: 1 }}>
            {hint}
          </Text>
        ) : null}
      </View>
      <View style={{ flex: 1 }}>{children}</View>
    </View>
  );
}

/** Character boxes for a text with a hard limit (the 160-character bio). */
import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { CharacterBoxesField } from '../worksheets/model.js';
import { textAt } from '../worksheets/values.js';
import { formatNumber } from '../copy/format.js';
import { keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional } from '../pdf/components/labels.js';
import { LabelWithHint } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { MAX_FIELD_HEIGHT, textHeight } from './fit.js';
import type { FieldKind } from './kind.js';

const BOX_HEIGHT = 20;
const rowCount = (field: CharacterBoxesField) => Math.ceil(field.limit / field.perRow);

function Label({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  return <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />;
}

/** The empty grid of boxes, one per character; `children` lie over it (a form field). */
function Grid({ field, ctx, children }: { field: CharacterBoxesField; ctx: RenderContext; children?: React.ReactNode }) {
  return (
    <View wrap={false}>
      <Label field={field} ctx={ctx} />
      <View style={{ borderTopWidth: 0.8, borderLeftWidth: 0.8, borderColor: theme.colour.frame, marginTop: 2, ...(children ? { position: 'relative' as const } : {}) }}>
        {Array.from({ length: rowCount(field) }, (_, row) => (
          <View key={row} style={{ flexDirection: 'row' }}>
            {Array.from({ length: field.perRow }, (_, index) => (
              <View
                key={index}
                style={{
                  flex: 1,
                  height: BOX_HEIGHT,
                  borderRightWidth: index === field.perRow - 1 ? 0.8 : 0.4,
                  borderBottomWidth: 0.8,
                  borderColor: index === field.perRow - 1 ? theme.colour.frame : theme.colour.rule,
                  borderBottomColor: theme.colour.frame,
                }}
              />
            ))}
          </View>
        ))}
        {children}
      </View>
    </View>
  );
}

function Printed({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  const value = textAt(ctx.answers, field.path);
  if (!value) return <Grid field={field} ctx={ctx} />;
  const count = [...value].length;
  // The count belongs under its frame: a bio that fits on a page moves on whole with it.
  return (
    <View wrap={!keepsTogether(value, contentWidth(ctx.paper) - 12, theme.size.answer)}>
      <View minPresenceAhead={40}>
        <Label field={field} ctx={ctx} />
      </View>
      <View style={{ borderWidth: 0.8, borderColor: theme.colour.frame, padding: 6, minHeight: rowCount(field) * BOX_HEIGHT, marginTop: 2 }}>
        <Answer ctx={ctx} text={value} />
      </View>
      <Text style={{ fontSize: theme.size.small, color: theme.colour.hint, textAlign: 'right', marginTop: 2 }}>
        {ctx.t('social.bio.count', { count: formatNumber(ctx.locale, count), limit: formatNumber(ctx.locale, field.limit) })}
      </Text>
    </View>
  );
}

function Fillable({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  const value = textAt(ctx.answers, field.path);
  const slot = <FormSlot slot={{ kind: 'multi', path: field.path, fontSize: FIELD_FONT.text }} style={{ left: 3, top: 3, right: 3, bottom: 3 }} />;
  if (!value) return <Grid field={field} ctx={ctx}>{slot}</Grid>;
  // An answer does not line up with the boxes: a plain frame, as on the filled sheet.
  const height = Math.max(rowCount(field) * BOX_HEIGHT, Math.min(MAX_FIELD_HEIGHT, textHeight(value, contentWidth(ctx.paper) - 12, FIELD_FONT.text) + 12));
  return (
    <View wrap={false}>
      <Label field={field} ctx={ctx} />
      <View style={{ borderWidth: 0.8, borderColor: theme.colour.frame, height, marginTop: 2, position: 'relative' }}>{slot}</View>
    </View>
  );
}

export const characterBoxes: FieldKind<CharacterBoxesField> = {
  Printed,
  Fillable,
  tooltips: (field, t) => ({ fixed: [[field.path, t(field.label)]] }),
};

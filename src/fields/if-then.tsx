/** An if-then pair on two lines beside its label (WOOP plan, social media guardrail). */
import { Text, View } from '@react-pdf/renderer';
import type { IfThenField } from '../worksheets/model.js';
import { textAt } from '../worksheets/values.js';
import { estimateWidth, keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional, SIDE_LABEL_WIDTH, SideLabelled } from '../pdf/components/labels.js';
import { LabelWithHint, ruleBelow } from '../pdf/components/primitives.js';
import { MAX_FIELD_HEIGHT } from './fit.js';
import { flowsUnderLabel, InlineField } from './inline-field.js';
import type { FieldKind } from './kind.js';

const pitch = theme.linePitch;

function Printed({ field, ctx }: { field: IfThenField; ctx: RenderContext }) {
  const ifValue = textAt(ctx.answers, `${field.path}.if`);
  const thenValue = textAt(ctx.answers, `${field.path}.then`);
  const sideWidth = contentWidth(ctx.paper) - SIDE_LABEL_WIDTH;
  const part = (label: string, value: string | undefined, width: number) => (
    <View
      style={{ minHeight: pitch, ...ruleBelow, flexDirection: 'row', alignItems: value ? 'flex-start' : 'flex-end' }}
      wrap={!keepsTogether(value, width / 2, theme.size.answer)}
    >
      <Text style={{ fontSize: theme.size.body, marginBottom: 3, paddingTop: value ? 5 : 0, marginRight: 6 }}>{label}</Text>
      {value ? (
        <View style={{ flex: 1, paddingTop: 3, paddingBottom: 2 }}>
          <Answer ctx={ctx} text={value} width={width - estimateWidth(label, theme.size.body) - 6} />
        </View>
      ) : null}
    </View>
  );
  const ifLabel = ctx.t(field.ifLabel);
  const thenLabel = ctx.t(field.thenLabel);
  if (keepsTogether(ifValue, sideWidth / 2, theme.size.answer) && keepsTogether(thenValue, sideWidth / 2, theme.size.answer)) {
    return (
      <SideLabelled label={ctx.t(field.label)} hint={optional(ctx, field.hint)}>
        {part(ifLabel, ifValue, sideWidth)}
        {part(thenLabel, thenValue, sideWidth)}
      </SideLabelled>
    );
  }
  // A long plan: label above, each half free to flow over pages.
  return (
    <View>
      <View minPresenceAhead={3 * pitch}>
        <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />
      </View>
      {part(ifLabel, ifValue, contentWidth(ctx.paper))}
      {part(thenLabel, thenValue, contentWidth(ctx.paper))}
    </View>
  );
}

function Fillable({ field, ctx }: { field: IfThenField; ctx: RenderContext }) {
  const sideWidth = contentWidth(ctx.paper) - SIDE_LABEL_WIDTH;
  const values = { if: textAt(ctx.answers, `${field.path}.if`), then: textAt(ctx.answers, `${field.path}.then`) };
  const part = (label: string, key: 'if' | 'then', width: number, maxHeight: number) => (
    <InlineField label={label} path={`${field.path}.${key}`} value={values[key]} width={width} bold={false} maxHeight={maxHeight} />
  );
  const ifLabel = ctx.t(field.ifLabel);
  const thenLabel = ctx.t(field.thenLabel);
  if (!flowsUnderLabel(ifLabel, values.if, sideWidth, MAX_FIELD_HEIGHT / 2) && !flowsUnderLabel(thenLabel, values.then, sideWidth, MAX_FIELD_HEIGHT / 2)) {
    return (
      <SideLabelled label={ctx.t(field.label)} hint={optional(ctx, field.hint)}>
        {part(ifLabel, 'if', sideWidth, MAX_FIELD_HEIGHT / 2)}
        {part(thenLabel, 'then', sideWidth, MAX_FIELD_HEIGHT / 2)}
      </SideLabelled>
    );
  }
  // A plan too long to sit beside its label: label above, each half free to flow over pages.
  return (
    <View>
      <View minPresenceAhead={3 * pitch}>
        <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />
      </View>
      {part(ifLabel, 'if', contentWidth(ctx.paper), MAX_FIELD_HEIGHT / 2)}
      {part(thenLabel, 'then', contentWidth(ctx.paper), MAX_FIELD_HEIGHT / 2)}
    </View>
  );
}

export const ifThen: FieldKind<IfThenField> = {
  Printed,
  Fillable,
  tooltips: (field, t) => ({
    fixed: [
      [`${field.path}.if`, `${t(field.label)}: ${t(field.ifLabel)}`],
      [`${field.path}.then`, `${t(field.label)}: ${t(field.thenLabel)}`],
    ],
  }),
};

/** A short answer on one line with its label beside it (time frame, by when, review date). */
import { Text, View } from '@react-pdf/renderer';
import type { ShortField } from '../worksheets/model.js';
import { textAt } from '../worksheets/values.js';
import { estimateWidth, keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { ruleBelow } from '../pdf/components/primitives.js';
import { flowsUnderLabel, InlineField } from './inline-field.js';
import type { FieldKind } from './kind.js';

const pitch = theme.linePitch;

/** A label, then the answer on the same line (a blank line when unanswered). */
function InlineAnswer({ ctx, label, value, labelWidth }: { ctx: RenderContext; label: string; value?: string; labelWidth?: number }) {
  return (
    <View style={{ flexDirection: 'row', alignItems: value ? 'flex-start' : 'flex-end', minHeight: pitch, ...ruleBelow }}>
      <Text
        style={{
          fontSize: theme.size.body,
          fontWeight: 700,
          marginRight: 6,
          marginBottom: 3,
          paddingTop: value ? 5 : 0,
          ...(labelWidth ? { width: labelWidth } : {}),
        }}
      >
        {label}
      </Text>
      {value ? (
        <View style={{ flex: 1, paddingTop: 3, paddingBottom: 2 }}>
          <Answer ctx={ctx} text={value} width={contentWidth(ctx.paper) - (labelWidth ?? estimateWidth(label, theme.size.body)) - 6} />
        </View>
      ) : null}
    </View>
  );
}

function Hint({ ctx, field }: { ctx: RenderContext; field: ShortField }) {
  return field.hint ? (
    <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, marginTop: 1 }}>{ctx.t(field.hint)}</Text>
  ) : null;
}

function Printed({ field, ctx }: { field: ShortField; ctx: RenderContext }) {
  const value = textAt(ctx.answers, field.path);
  return (
    <View wrap={!keepsTogether(value, contentWidth(ctx.paper) / 2, theme.size.answer)}>
      <InlineAnswer ctx={ctx} label={ctx.t(field.label)} value={value} />
      <Hint ctx={ctx} field={field} />
    </View>
  );
}

function Fillable({ field, ctx }: { field: ShortField; ctx: RenderContext }) {
  const label = ctx.t(field.label);
  const value = textAt(ctx.answers, field.path);
  return (
    <View wrap={flowsUnderLabel(label, value, contentWidth(ctx.paper))}>
      <InlineField label={label} path={field.path} value={value} width={contentWidth(ctx.paper)} />
      <Hint ctx={ctx} field={field} />
    </View>
  );
}

export const short: FieldKind<ShortField> = {
  Printed,
  Fillable,
  tooltips: (field, t) => ({ fixed: [[field.path, t(field.label)]] }),
};

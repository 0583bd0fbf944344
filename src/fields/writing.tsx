/** A written answer: a label (above, or beside for WOOP and SMART steps) and ruled lines. */
import { View } from '@react-pdf/renderer';
import type { WritingField } from '../worksheets/model.js';
import { textAt } from '../worksheets/values.js';
import { estimateHeight, keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional, SIDE_LABEL_WIDTH, SideLabelled } from '../pdf/components/labels.js';
import { LabelWithHint, Ruled, ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { linesFor, textSlotKind } from './fit.js';
import { FlowingField } from './flowing-field.js';
import type { FieldKind } from './kind.js';

const pitch = theme.linePitch;

/** Filled text on ruled space: at least the blank sheet's lines, more when the answer needs them. */
function FilledLines({ ctx, text, lines, width }: { ctx: RenderContext; text: string; lines: number; width: number }) {
  return (
    <View style={{ minHeight: lines * pitch, paddingTop: 4, paddingBottom: 3, ...ruleBelow }}>
      <Answer ctx={ctx} text={text} width={width} />
    </View>
  );
}

/** Answers longer than this (estimated, in points) leave the side layout for label-above, which flows across pages. */
const SIDE_LAYOUT_MAX_HEIGHT = 220;

/**
 * What printed and fillable sheets share: the answer, label and hint, the blank sheet's lines, and
 * whether the label goes beside (a side field whose answer, at `fontSize`, is short enough).
 */
function writingLayout(field: WritingField, ctx: RenderContext, fontSize: number) {
  const value = textAt(ctx.answers, field.path);
  const sideWidth = contentWidth(ctx.paper) - SIDE_LABEL_WIDTH;
  return {
    value,
    label: ctx.t(field.label),
    hint: optional(ctx, field.hint),
    lines: field.lines + (field.grows ? ctx.extraLines : 0),
    sideWidth,
    side: field.side === true && (!value || estimateHeight(value, sideWidth, fontSize) <= SIDE_LAYOUT_MAX_HEIGHT),
  };
}

function Printed({ field, ctx }: { field: WritingField; ctx: RenderContext }) {
  const { value, label, hint, lines, sideWidth, side } = writingLayout(field, ctx, theme.size.answer);
  if (side) {
    return (
      <SideLabelled label={label} hint={hint}>
        {value ? <FilledLines ctx={ctx} text={value} lines={lines} width={sideWidth} /> : <Ruled lines={lines} />}
      </SideLabelled>
    );
  }
  if (!value) {
    return (
      <View wrap={false}>
        <LabelWithHint label={label} hint={hint} />
        <Ruled lines={lines} />
      </View>
    );
  }
  // A short answer stays with its label; a long one may flow over pages.
  const fitsOnePage = keepsTogether(value, contentWidth(ctx.paper), theme.size.answer);
  return (
    <View wrap={!fitsOnePage}>
      <View minPresenceAhead={3 * pitch}>
        <LabelWithHint label={label} hint={hint} />
      </View>
      <FilledLines ctx={ctx} text={value} lines={lines} width={contentWidth(ctx.paper)} />
    </View>
  );
}

/** Ruled lines with a multi-line field over them. */
function RuledField({ path, lines, filled = false }: {
  path: string;
  lines: number;
  /** Holding an answer: ruled lines at handwriting pitch would run through its smaller lines of type. */
  filled?: boolean;
}) {
  return (
    <View style={{ position: 'relative' }}>
      {filled ? <View style={{ height: lines * pitch, ...ruleBelow }} /> : <Ruled lines={lines} pitch={pitch} />}
      <FormSlot slot={{ kind: textSlotKind(lines), path, fontSize: FIELD_FONT.text }} />
    </View>
  );
}

function Fillable({ field, ctx }: { field: WritingField; ctx: RenderContext }) {
  const { value, label, hint, lines: base, sideWidth, side } = writingLayout(field, ctx, FIELD_FONT.text);
  if (side) {
    const lines = linesFor(value, base, sideWidth, FIELD_FONT.text);
    return (
      <SideLabelled label={label} hint={hint}>
        <RuledField path={field.path} lines={lines} filled={value !== undefined} />
      </SideLabelled>
    );
  }
  const lines = linesFor(value, base, contentWidth(ctx.paper), FIELD_FONT.text, pitch, Infinity);
  if (value && !keepsTogether(value, contentWidth(ctx.paper), FIELD_FONT.text)) {
    // Too long for one page: the label, then the field's parts, free to flow over pages.
    return (
      <View>
        <View minPresenceAhead={3 * pitch}>
          <LabelWithHint label={label} hint={hint} />
        </View>
        <FlowingField path={field.path} lines={lines} />
      </View>
    );
  }
  return (
    <View wrap={false}>
      <LabelWithHint label={label} hint={hint} />
      <RuledField path={field.path} lines={lines} filled={value !== undefined} />
    </View>
  );
}

export const writing: FieldKind<WritingField> = {
  Printed,
  Fillable,
  tooltips: (field, t) => ({ fixed: [[field.path, t(field.label)]] }),
};

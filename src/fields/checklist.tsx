/** Checkboxes, with an optional write-in "Other"; the answers hold the values of the ticked options. */
import type React from 'react';
import { Path, Svg, Text, View } from '@react-pdf/renderer';
import type { ChecklistField } from '../worksheets/model.js';
import { listAt, textAt } from '../worksheets/values.js';
import { valueAt } from '../worksheets/paths.js';
import { keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional } from '../pdf/components/labels.js';
import { CHECKBOX_SIZE, ChecklistColumns, ChecklistOption, ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { linesFor, textSlotKind } from './fit.js';
import type { FieldKind, FormBox } from './kind.js';

/** Name of the "Other" box of a checklist: `social.purposes.other` (import reads the write-in text, not the box). */
export const OTHER_BOX = 'other';

/** Width the write-in answer leaves beside its box and label. */
const otherWidth = (ctx: RenderContext, columns: number) => (contentWidth(ctx.paper) - 14 * (columns - 1)) / columns - 60;

function CheckMark() {
  return (
    <Svg width={CHECKBOX_SIZE} height={CHECKBOX_SIZE} viewBox="0 0 10 10" style={{ position: 'absolute', left: -1, top: -1 }}>
      <Path d="M1.8 5.2 L4.1 7.6 L8.6 2.2" stroke={theme.colour.answer} strokeWidth={1.8} fill="none" />
    </Svg>
  );
}

/** The box: ticked or not on a printed sheet; with a checkbox field over it on a fillable one. */
function Box({ ticked = false, formField }: { ticked?: boolean; formField?: string }) {
  return (
    <View style={{ width: CHECKBOX_SIZE, height: CHECKBOX_SIZE, borderWidth: 1, borderColor: theme.colour.frame, marginTop: 2, ...(formField ? { position: 'relative' as const } : {}) }}>
      {ticked ? <CheckMark /> : null}
      {formField ? <FormSlot slot={{ kind: 'check', path: formField, fontSize: 0 }} style={{ left: -1, top: -1, right: -1, bottom: -1 }} /> : null}
    </View>
  );
}

/** The options, then the write-in row (its box, its label and the space `answer` fills). */
function ChecklistLayout({ field, ctx, columns, box, other, fillable = false }: {
  field: ChecklistField;
  ctx: RenderContext;
  columns: number;
  /** An option's box; without `option`, the "Other" box. */
  box: (option?: string) => React.ReactElement;
  other: { minHeight: number; answer: React.ReactElement | null };
  /** The write-in row holds a form field: kept on one page, its space the field's frame. */
  fillable?: boolean;
}) {
  const items = field.options.map((option) => <ChecklistOption key={option.value} box={box(option.value)} label={ctx.t(option.label)} />);
  if (field.other) {
    items.push(
      <View key="other" style={{ flexDirection: 'row', alignItems: 'flex-start', marginTop: 5 }} {...(fillable ? { wrap: false } : {})}>
        {box()}
        <Text style={{ fontSize: theme.size.body, marginLeft: 6, lineHeight: 1.3 }}>{ctx.t(field.other.label)}</Text>
        <View style={{ flex: 1, marginLeft: 4, minHeight: other.minHeight, ...ruleBelow, ...(fillable ? { position: 'relative' as const } : {}) }}>
          {other.answer}
        </View>
      </View>,
    );
  }
  return <ChecklistColumns label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} items={items} columns={columns} />;
}

function Printed({ field, ctx }: { field: ChecklistField; ctx: RenderContext }) {
  const ticked = new Set(listAt<string>(ctx.answers, field.path));
  const otherValue = field.other ? textAt(ctx.answers, field.other.path) : undefined;
  // A long write-in answer takes the full width, in one column, free to flow over pages.
  const otherFits = keepsTogether(otherValue, contentWidth(ctx.paper) / 2 - 60, theme.size.answer);
  const columns = otherFits ? (field.columns ?? 1) : 1;
  const box = (option?: string) => <Box ticked={option === undefined ? otherValue !== undefined : ticked.has(option)} />;
  const answer = otherValue ? <Answer ctx={ctx} text={otherValue} style={{ lineHeight: 1.3 }} width={otherWidth(ctx, columns)} /> : null;
  return <ChecklistLayout field={field} ctx={ctx} columns={columns} box={box} other={{ minHeight: 13, answer }} />;
}

function Fillable({ field, ctx }: { field: ChecklistField; ctx: RenderContext }) {
  const otherValue = field.other ? textAt(ctx.answers, field.other.path) : undefined;
  const otherLines = field.other ? linesFor(otherValue, 1, contentWidth(ctx.paper) / 2 - 60, FIELD_FONT.text, 13) : 1;
  const columns = otherLines > 1 ? 1 : (field.columns ?? 1);
  const box = (option: string = OTHER_BOX) => <Box formField={`${field.path}.${option}`} />;
  const answer = field.other ? <FormSlot slot={{ kind: textSlotKind(otherLines), path: field.other.path, fontSize: FIELD_FONT.text }} /> : null;
  return <ChecklistLayout field={field} ctx={ctx} columns={columns} box={box} other={{ minHeight: 13 * otherLines, answer }} fillable />;
}

export const checklist: FieldKind<ChecklistField> = {
  Printed,
  Fillable,
  tooltips: (field, t, heading) => {
    const list = field.label ? t(field.label) : heading;
    const fixed: [string, string][] = field.options.map((option) => [`${field.path}.${option.value}`, `${list}: ${t(option.label)}`]);
    if (field.other) {
      const other = `${list}: ${t(field.other.label).replace(/[:：]\s*$/, '')}`;
      fixed.push([`${field.path}.${OTHER_BOX}`, other], [field.other.path, other]);
    }
    return { fixed };
  },
  boxes: (field) => {
    const ticks = (answers: unknown) => valueAt(answers, field.path);
    const boxes: FormBox[] = field.options.map((option) => ({
      name: `${field.path}.${option.value}`,
      list: field.path,
      option: option.value,
      ticked: (answers) => {
        const list = ticks(answers);
        return Array.isArray(list) && list.includes(option.value);
      },
    }));
    if (field.other) {
      const otherPath = field.other.path;
      // The "Other" box is for the reader: ticked when there is write-in text, which is the answer.
      boxes.push({ name: `${field.path}.${OTHER_BOX}`, list: field.path, ticked: (answers) => typeof valueAt(answers, otherPath) === 'string' && valueAt(answers, otherPath) !== '' });
    }
    return boxes;
  },
};

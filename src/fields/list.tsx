/** A list of strings in numbered rows, in one or more columns (priorities, hashtags, accounts). */
import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { ListField } from '../worksheets/model.js';
import { listAt } from '../worksheets/values.js';
import { estimateWidth, keepsTogether } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional } from '../pdf/components/labels.js';
import { LabelWithHint, ruleBelow } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { linesFor, overflowsField, textSlotKind } from './fit.js';
import { FlowingField, flowLines } from './flowing-field.js';
import type { FieldKind } from './kind.js';

const pitch = theme.linePitch;
/** Room for a row's number. */
const NUMBER_WIDTH = 18;
const COLUMN_GAP = 14;

/** Width of a row's answer space when the list takes `columns` columns. */
const answerWidth = (ctx: RenderContext, columns: number) => (contentWidth(ctx.paper) - COLUMN_GAP * (columns - 1)) / columns - NUMBER_WIDTH;

/**
 * The list's layout, printed or fillable: its label, then `rows` rows drawn by `row`. One column
 * flows over pages (`wrap`); several columns are read down each column and kept on one page.
 */
function ListLayout({ field, ctx, rows, columns, wrap, row }: {
  field: ListField;
  ctx: RenderContext;
  rows: number;
  columns: number;
  wrap?: boolean;
  row: (index: number) => React.ReactElement;
}) {
  const header = <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />;
  if (columns === 1) {
    return (
      // React-PDF reads a `wrap` prop that is present but undefined as false: pass it only when given.
      <View {...(wrap === undefined ? {} : { wrap })}>
        <View minPresenceAhead={2 * pitch}>{header}</View>
        {Array.from({ length: rows }, (_, index) => row(index))}
      </View>
    );
  }
  const perColumn = Math.ceil(rows / columns);
  return (
    <View wrap={false}>
      {header}
      <View style={{ flexDirection: 'row' }}>
        {Array.from({ length: columns }, (_, column) => (
          <View key={column} style={{ flex: 1, marginLeft: column === 0 ? 0 : COLUMN_GAP }}>
            {Array.from({ length: Math.max(0, Math.min(perColumn, rows - column * perColumn)) }, (_, i) => row(column * perColumn + i))}
          </View>
        ))}
      </View>
    </View>
  );
}

function Printed({ field, ctx }: { field: ListField; ctx: RenderContext }) {
  const items = listAt<string>(ctx.answers, field.path);
  const rows = Math.max(field.rows, items.length);
  const columnWidth = answerWidth(ctx, field.columns ?? 1);
  // A long list, or one with a long item, reads down one column and flows across pages.
  const columns =
    items.length > field.rows || !items.every((item) => keepsTogether(item, columnWidth, theme.size.answer)) ? 1 : (field.columns ?? 1);
  const row = (index: number) => {
    const value = items[index];
    return (
      <View
        key={index}
        style={{ flexDirection: 'row', alignItems: value ? 'flex-start' : 'flex-end', minHeight: pitch, ...ruleBelow }}
        wrap={!keepsTogether(value, contentWidth(ctx.paper) - NUMBER_WIDTH, theme.size.answer)}
      >
        <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, width: NUMBER_WIDTH, marginBottom: 3, paddingTop: value ? 5 : 0 }}>
          {`${index + 1}.`}
        </Text>
        {value !== undefined ? (
          <View style={{ flex: 1, paddingTop: 3, paddingBottom: 2 }}>
            <Answer ctx={ctx} text={value} width={answerWidth(ctx, columns)} />
          </View>
        ) : null}
      </View>
    );
  };
  return <ListLayout field={field} ctx={ctx} rows={rows} columns={columns} row={row} />;
}

function Fillable({ field, ctx }: { field: ListField; ctx: RenderContext }) {
  const items = listAt<string>(ctx.answers, field.path);
  const rows = Math.max(field.rows, items.length);
  const columnWidth = answerWidth(ctx, field.columns ?? 1);
  // Like the filled sheet: a longer list, or one with an item too long for a one-line cell, reads down one column.
  const fitsColumns = items.length <= field.rows && items.every((item) => estimateWidth(item, FIELD_FONT.text) <= columnWidth - 4);
  const columns = fitsColumns ? (field.columns ?? 1) : 1;
  const width = answerWidth(ctx, columns);
  const flows = (item: string | undefined) => overflowsField(item, width, FIELD_FONT.text);
  const number = (index: number, top = {}) => <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, width: NUMBER_WIDTH, marginBottom: 3, ...top }}>{`${index + 1}.`}</Text>;
  const row = (index: number) => {
    const item = items[index];
    if (item !== undefined && flows(item)) {
      // Taller than a page allows: the item's field continues over pages.
      return (
        // Its number beside the first line; not a row, whose children would not split over pages.
        <View key={index} style={{ position: 'relative', paddingLeft: NUMBER_WIDTH }}>
          <View style={{ position: 'absolute', left: 0, top: 0 }}>{number(index, { paddingTop: 4 })}</View>
          <FlowingField path={`${field.path}[${index}]`} lines={flowLines(item, width, FIELD_FONT.text)} />
        </View>
      );
    }
    const lines = linesFor(item, 1, width, FIELD_FONT.text);
    return (
      <View key={index} style={{ flexDirection: 'row', alignItems: 'flex-end', minHeight: lines * pitch, ...ruleBelow }} wrap={false}>
        {number(index)}
        <View style={{ flex: 1, alignSelf: 'stretch', position: 'relative' }}>
          <FormSlot slot={{ kind: textSlotKind(lines), path: `${field.path}[${index}]`, fontSize: FIELD_FONT.text }} />
        </View>
      </View>
    );
  };
  return <ListLayout field={field} ctx={ctx} rows={rows} columns={columns} wrap={rows > field.rows || items.some(flows)} row={row} />;
}

export const list: FieldKind<ListField> = {
  Printed,
  Fillable,
  tooltips: (field, t, heading) => ({ rows: { path: field.path, list: field.label ? t(field.label) : heading, columns: new Map() } }),
};

/** A list of records as a table, one row per record (five people to add, actions, platforms). */
import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { TableColumn, TableField } from '../worksheets/model.js';
import { listAt } from '../worksheets/values.js';
import { estimateHeight } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { optional } from '../pdf/components/labels.js';
import { LabelWithHint, Ruled } from '../pdf/components/primitives.js';
import { FIELD_FONT, FormSlot } from '../pdf/fillable/form-slot.js';
import { MAX_FIELD_HEIGHT, overflowsField, textHeight, textSlotKind } from './fit.js';
import { FlowingField, flowLines, StackedLabel } from './flowing-field.js';
import type { FieldKind } from './kind.js';

type TableRecord = Record<string, unknown>;

/** A column's cell: its share of the width, a rule to its left after the first. */
const cellStyle = (width: number, index: number) => ({
  flex: width,
  flexBasis: 0,
  borderLeftWidth: index === 0 ? 0 : theme.ruleWidth,
  borderLeftColor: theme.colour.rule,
  paddingHorizontal: 4,
});

const rowBorder = { borderLeftWidth: 0.8, borderRightWidth: 0.8, borderBottomWidth: 0.8, borderColor: theme.colour.frame } as const;

/** Width inside a column's cell. */
const cellWidth = (ctx: RenderContext, field: TableField, column: TableColumn) =>
  (contentWidth(ctx.paper) * column.width) / field.columns.reduce((sum, each) => sum + each.width, 0) - 8;

/** The ruling of an empty row's cell: the row's lines but the last, which the row's border draws. */
function CellRules({ field }: { field: TableField }) {
  return field.rowLines > 1 ? <Ruled lines={field.rowLines - 1} pitch={theme.tablePitch} /> : null;
}

/**
 * The table's layout, printed or fillable: label, a header row repeated on each page the table
 * reaches, then `rows` rows drawn by `row`. A table with records may flow over pages.
 */
function TableLayout({ field, ctx, rows, wrap, row }: {
  field: TableField;
  ctx: RenderContext;
  rows: number;
  wrap: boolean;
  row: (index: number) => React.ReactElement;
}) {
  return (
    <View wrap={wrap}>
      <View minPresenceAhead={40}>
        <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />
      </View>
      <View style={{ marginTop: 2 }}>
        <View style={{ flexDirection: 'row', backgroundColor: theme.colour.fill, borderWidth: 0.8, borderColor: theme.colour.frame }} fixed>
          {field.columns.map((column, index) => (
            <View key={column.key} style={{ ...cellStyle(column.width, index), paddingVertical: 3 }}>
              <Text style={{ fontSize: theme.size.small, fontWeight: 700 }}>{ctx.t(column.label)}</Text>
            </View>
          ))}
        </View>
        {Array.from({ length: rows }, (_, index) => row(index))}
      </View>
    </View>
  );
}

/** Display text of a table cell: area values print as their area's name; a second key follows a dash. */
function cellText(ctx: RenderContext, column: TableColumn, record: TableRecord): string | undefined {
  const value = record[column.key];
  const also = column.alsoKey ? record[column.alsoKey] : undefined;
  const main = typeof value === 'string' && value !== '' ? (column.key === 'area' ? ctx.t(`network.map.${value}.label`) : value) : undefined;
  const extra = typeof also === 'string' && also !== '' ? also : undefined;
  return main && extra ? `${main} – ${extra}` : (main ?? extra);
}

/** A table row taller than this (estimated) prints as a stacked record instead, which can flow across pages. */
const TABLE_ROW_MAX_HEIGHT = 260;

/** Estimated height of a printed record's row, before its padding. */
const rowHeight = (ctx: RenderContext, field: TableField, record: TableRecord) =>
  Math.max(...field.columns.map((column) => estimateHeight(cellText(ctx, column, record) ?? '', cellWidth(ctx, field, column), theme.size.answer)));

/** Header row: one line of small bold text with its padding and frame. */
const HEADER_ROW_HEIGHT = 18;

/**
 * Estimated height of the printed table: label, header row and every row (at least the blank
 * sheet's). Used to decide whether the table's section can move to a new page whole.
 */
export function tableHeight(field: TableField, ctx: RenderContext): number {
  const records = listAt<TableRecord>(ctx.answers, field.path);
  const rows = Array.from({ length: Math.max(field.rows, records.length) }, (_, index) => {
    const record = records[index];
    return Math.max(field.rowLines * theme.tablePitch, record ? rowHeight(ctx, field, record) + 6 : 0);
  });
  return (field.label ? 16 : 0) + 2 + HEADER_ROW_HEIGHT + rows.reduce((sum, row) => sum + row, 0);
}

function Printed({ field, ctx }: { field: TableField; ctx: RenderContext }) {
  const records = listAt<TableRecord>(ctx.answers, field.path);
  const row = (index: number) => {
    const record = records[index];
    if (!record) {
      return (
        <View key={index} style={{ flexDirection: 'row', height: field.rowLines * theme.tablePitch, ...rowBorder }} wrap={false}>
          {field.columns.map((column, columnIndex) => (
            <View key={column.key} style={cellStyle(column.width, columnIndex)}>
              <CellRules field={field} />
            </View>
          ))}
        </View>
      );
    }
    if (rowHeight(ctx, field, record) > TABLE_ROW_MAX_HEIGHT) {
      // Too tall to keep on one line of the table: each column's answer in turn, free to flow.
      return (
        <View key={index} style={{ ...rowBorder, paddingHorizontal: 4, paddingVertical: 3 }}>
          {field.columns.map((column) => {
            const text = cellText(ctx, column, record);
            return text ? (
              <View key={column.key} style={{ marginBottom: 3 }}>
                <Text style={{ fontSize: theme.size.small, fontWeight: 700, color: theme.colour.hint }}>{ctx.t(column.label)}</Text>
                <Answer ctx={ctx} text={text} width={contentWidth(ctx.paper) - 10} />
              </View>
            ) : null;
          })}
        </View>
      );
    }
    return (
      <View key={index} style={{ flexDirection: 'row', minHeight: field.rowLines * theme.tablePitch, ...rowBorder }} wrap={false}>
        {field.columns.map((column, columnIndex) => {
          const text = cellText(ctx, column, record);
          return (
            <View key={column.key} style={{ ...cellStyle(column.width, columnIndex), paddingVertical: 3 }}>
              {text ? <Answer ctx={ctx} text={text} style={{ fontSize: theme.size.body }} width={cellWidth(ctx, field, column)} /> : null}
            </View>
          );
        })}
      </View>
    );
  };
  return <TableLayout field={field} ctx={ctx} rows={Math.max(field.rows, records.length)} wrap={records.length > 0} row={row} />;
}

function Fillable({ field, ctx }: { field: TableField; ctx: RenderContext }) {
  const records = listAt<TableRecord>(ctx.answers, field.path);
  const text = (record: TableRecord | undefined, key: string) => {
    const value = record?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  const full = contentWidth(ctx.paper) - 10;
  const flows = (record: TableRecord | undefined) =>
    field.columns.some((column) => [column.key, column.alsoKey].some((key) => key !== undefined && overflowsField(text(record, key), cellWidth(ctx, field, column), FIELD_FONT.cell, MAX_FIELD_HEIGHT / 2)));
  const row = (index: number) => {
    const record = records[index];
    const base = `${field.path}[${index}]`;
    if (flows(record)) {
      // Too tall for a row of the table, as on the filled sheet: each column's field in turn, under
      // its label, free to continue over pages.
      return (
        <View key={index} style={{ ...rowBorder, paddingHorizontal: 4, paddingVertical: 3 }}>
          {field.columns.map((column) => (
            <View key={column.key} style={{ marginBottom: 3 }}>
              <StackedLabel label={ctx.t(column.label)} pitch={theme.tablePitch} bold />
              {column.key === 'area' ? (
                <View style={{ position: 'relative', height: theme.tablePitch }}>
                  <FormSlot slot={{ kind: 'area', path: `${base}.area`, fontSize: FIELD_FONT.cell }} />
                </View>
              ) : (
                [column.key, column.alsoKey].flatMap((key) =>
                  key === undefined ? [] : [<FlowingField key={key} path={`${base}.${key}`} lines={flowLines(text(record, key) ?? '', full, FIELD_FONT.cell, theme.tablePitch)} fontSize={FIELD_FONT.cell} pitch={theme.tablePitch} />],
                )
              )}
            </View>
          ))}
        </View>
      );
    }
    // Each cell's height in table lines; a second key (the role beside a name) takes the cell's lower half.
    const need = (key: string, width: number) => Math.ceil(Math.min(MAX_FIELD_HEIGHT / 2, textHeight(text(record, key), width, FIELD_FONT.cell)) / theme.tablePitch);
    const lines = Math.max(
      field.rowLines,
      ...field.columns.map((column) =>
        column.alsoKey ? need(column.key, cellWidth(ctx, field, column)) + need(column.alsoKey, cellWidth(ctx, field, column)) : need(column.key, cellWidth(ctx, field, column)),
      ),
    );
    return (
      <View key={index} style={{ flexDirection: 'row', height: lines * theme.tablePitch, ...rowBorder }} wrap={false}>
        {field.columns.map((column, columnIndex) => {
          const mainLines = column.alsoKey ? Math.max(1, lines - Math.max(1, need(column.alsoKey, cellWidth(ctx, field, column)))) : lines;
          return (
            <View key={column.key} style={{ ...cellStyle(column.width, columnIndex), position: 'relative' }}>
              <CellRules field={field} />
              {column.key === 'area' ? (
                <FormSlot slot={{ kind: 'area', path: `${base}.area`, fontSize: FIELD_FONT.cell }} style={{ bottom: (lines - 1) * theme.tablePitch }} />
              ) : column.alsoKey ? (
                <>
                  <FormSlot slot={{ kind: textSlotKind(mainLines), path: `${base}.${column.key}`, fontSize: FIELD_FONT.cell }} style={{ bottom: (lines - mainLines) * theme.tablePitch }} />
                  <FormSlot slot={{ kind: textSlotKind(lines - mainLines), path: `${base}.${column.alsoKey}`, fontSize: FIELD_FONT.cell }} style={{ top: mainLines * theme.tablePitch }} />
                </>
              ) : (
                <FormSlot slot={{ kind: textSlotKind(lines), path: `${base}.${column.key}`, fontSize: FIELD_FONT.cell }} />
              )}
            </View>
          );
        })}
      </View>
    );
  };
  return <TableLayout field={field} ctx={ctx} rows={Math.max(field.rows, records.length)} wrap={records.length > 0} row={row} />;
}

export const table: FieldKind<TableField> = {
  Printed,
  Fillable,
  tooltips: (field, t, heading) => {
    const columns = new Map<string, string>();
    for (const column of field.columns) {
      columns.set(column.key, t(column.label));
      if (column.alsoKey) columns.set(column.alsoKey, t(column.label));
    }
    return { rows: { path: field.path, list: field.label ? t(field.label) : heading, columns } };
  },
};

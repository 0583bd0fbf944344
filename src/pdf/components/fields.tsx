import type React from 'react';
import { Svg, Path, Text, View } from '@react-pdf/renderer';
import type {
  CharacterBoxesField,
  ChecklistField,
  Field,
  IfThenField,
  ListField,
  ShortField,
  TableColumn,
  TableField,
  WritingField,
} from '../../worksheets/model.js';
import { listAt, textAt } from '../../worksheets/values.js';
import { estimateHeight, estimateWidth, keepsTogether } from '../measure.js';
import { contentWidth } from '../paper.js';
import { theme } from '../theme.js';
import { Answer } from './answer.js';
import { formatNumber } from '../../copy/format.js';
import { ConnectionLists } from './connections.js';
import type { RenderContext } from './context.js';
import { drawField, type FieldComponents } from './field-kinds.js';
import { CHECKBOX_SIZE, ChecklistColumns, ChecklistOption, LabelWithHint, Ruled, ruleBelow } from './primitives.js';
import { QuadrantMap } from './quadrant.js';
import { FillableField } from '../fillable/fields.js';
import { optional, SIDE_LABEL_WIDTH, SideLabelled } from './labels.js';

const pitch = theme.linePitch;

/**
 * Draws one field of the worksheet model: ruled space on a blank sheet; the learner's answer on a
 * filled one, in a space that grows to hold all of it. A field left unanswered stays writable.
 */
export function FieldView({ field, ctx }: { field: Field; ctx: RenderContext }) {
  if (ctx.fillable) return <FillableField field={field} ctx={ctx} />;
  return drawField(PRINTED, field, ctx);
}

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

function Writing({ field, ctx }: { field: WritingField; ctx: RenderContext }) {
  const lines = field.lines + (field.grows ? ctx.extraLines : 0);
  const value = textAt(ctx.answers, field.path);
  const label = ctx.t(field.label);
  const hint = optional(ctx, field.hint);
  const sideWidth = contentWidth(ctx.paper) - SIDE_LABEL_WIDTH;
  if (field.side && (!value || estimateHeight(value, sideWidth, theme.size.answer) <= SIDE_LAYOUT_MAX_HEIGHT)) {
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

function Short({ field, ctx }: { field: ShortField; ctx: RenderContext }) {
  const value = textAt(ctx.answers, field.path);
  return (
    <View wrap={!keepsTogether(value, contentWidth(ctx.paper) / 2, theme.size.answer)}>
      <InlineAnswer ctx={ctx} label={ctx.t(field.label)} value={value} />
      {field.hint ? (
        <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, marginTop: 1 }}>
          {ctx.t(field.hint)}
        </Text>
      ) : null}
    </View>
  );
}

function IfThen({ field, ctx }: { field: IfThenField; ctx: RenderContext }) {
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

function List({ field, ctx }: { field: ListField; ctx: RenderContext }) {
  const items = listAt<string>(ctx.answers, field.path);
  const rows = Math.max(field.rows, items.length);
  const columnsWanted = field.columns ?? 1;
  const columnWidth = (contentWidth(ctx.paper) - 14 * (columnsWanted - 1)) / columnsWanted - 18;
  // A long list, or one with a long item, reads down one column and flows across pages.
  const columns =
    items.length > field.rows || !items.every((item) => keepsTogether(item, columnWidth, theme.size.answer)) ? 1 : columnsWanted;
  const perColumn = Math.ceil(rows / columns);
  const row = (index: number) => {
    const value = items[index];
    return (
      <View
        key={index}
        style={{ flexDirection: 'row', alignItems: value ? 'flex-start' : 'flex-end', minHeight: pitch, ...ruleBelow }}
        wrap={!keepsTogether(value, contentWidth(ctx.paper) - 18, theme.size.answer)}
      >
        <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, width: 18, marginBottom: 3, paddingTop: value ? 5 : 0 }}>
          {`${index + 1}.`}
        </Text>
        {value !== undefined ? (
          <View style={{ flex: 1, paddingTop: 3, paddingBottom: 2 }}>
            <Answer ctx={ctx} text={value} width={(contentWidth(ctx.paper) - 14 * (columns - 1)) / columns - 18} />
          </View>
        ) : null}
      </View>
    );
  };
  const header = <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />;
  if (columns === 1) {
    return (
      <View>
        <View minPresenceAhead={2 * pitch}>{header}</View>
        {Array.from({ length: rows }, (_, index) => row(index))}
      </View>
    );
  }
  return (
    <View wrap={false}>
      {header}
      <View style={{ flexDirection: 'row' }}>
        {Array.from({ length: columns }, (_, column) => (
          <View key={column} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
            {Array.from({ length: Math.max(0, Math.min(perColumn, rows - column * perColumn)) }, (_, i) => row(column * perColumn + i))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** Display text of a table cell: area values print as their area's name; a second key follows a dash. */
function cellText(ctx: RenderContext, column: TableColumn, record: Record<string, unknown>): string | undefined {
  const value = record[column.key];
  const also = column.alsoKey ? record[column.alsoKey] : undefined;
  const main = typeof value === 'string' && value !== '' ? (column.key === 'area' ? ctx.t(`network.map.${value}.label`) : value) : undefined;
  const extra = typeof also === 'string' && also !== '' ? also : undefined;
  return main && extra ? `${main} – ${extra}` : (main ?? extra);
}

/** A table row taller than this (estimated) prints as a stacked record instead, which can flow across pages. */
const TABLE_ROW_MAX_HEIGHT = 260;

function Table({ field, ctx }: { field: TableField; ctx: RenderContext }) {
  const records = listAt<Record<string, unknown>>(ctx.answers, field.path);
  const rows = Math.max(field.rows, records.length);
  const totalWidth = field.columns.reduce((sum, column) => sum + column.width, 0);
  const tableWidth = contentWidth(ctx.paper);
  const rowHeight = (record: Record<string, unknown>) =>
    Math.max(
      ...field.columns.map((column) => {
        const text = cellText(ctx, column, record) ?? '';
        return estimateHeight(text, (tableWidth * column.width) / totalWidth - 8, theme.size.answer);
      }),
    );
  const cell = (width: number, index: number) => ({
    flex: width,
    flexBasis: 0,
    borderLeftWidth: index === 0 ? 0 : theme.ruleWidth,
    borderLeftColor: theme.colour.rule,
    paddingHorizontal: 4,
  });
  const headerRow = (
    <View
      style={{ flexDirection: 'row', backgroundColor: theme.colour.fill, borderWidth: 0.8, borderColor: theme.colour.frame }}
      fixed
    >
      {field.columns.map((column, index) => (
        <View key={column.key} style={{ ...cell(column.width, index), paddingVertical: 3 }}>
          <Text style={{ fontSize: theme.size.small, fontWeight: 700 }}>{ctx.t(column.label)}</Text>
        </View>
      ))}
    </View>
  );
  const rowBorder = {
    borderLeftWidth: 0.8,
    borderRightWidth: 0.8,
    borderBottomWidth: 0.8,
    borderColor: theme.colour.frame,
  } as const;
  const body = Array.from({ length: rows }, (_, row) => {
    const record = records[row];
    if (!record) {
      return (
        <View key={row} style={{ flexDirection: 'row', height: field.rowLines * theme.tablePitch, ...rowBorder }} wrap={false}>
          {field.columns.map((column, index) => (
            <View key={column.key} style={cell(column.width, index)}>
              {field.rowLines > 1 ? <Ruled lines={field.rowLines - 1} pitch={theme.tablePitch} /> : null}
            </View>
          ))}
        </View>
      );
    }
    if (rowHeight(record) > TABLE_ROW_MAX_HEIGHT) {
      // Too tall to keep on one line of the table: each column's answer in turn, free to flow.
      return (
        <View key={row} style={{ ...rowBorder, paddingHorizontal: 4, paddingVertical: 3 }}>
          {field.columns.map((column) => {
            const text = cellText(ctx, column, record);
            return text ? (
              <View key={column.key} style={{ marginBottom: 3 }}>
                <Text style={{ fontSize: theme.size.small, fontWeight: 700, color: theme.colour.hint }}>{ctx.t(column.label)}</Text>
                <Answer ctx={ctx} text={text} width={tableWidth - 10} />
              </View>
            ) : null;
          })}
        </View>
      );
    }
    return (
      <View key={row} style={{ flexDirection: 'row', minHeight: field.rowLines * theme.tablePitch, ...rowBorder }} wrap={false}>
        {field.columns.map((column, index) => {
          const text = cellText(ctx, column, record);
          return (
            <View key={column.key} style={{ ...cell(column.width, index), paddingVertical: 3 }}>
              {text ? <Answer ctx={ctx} text={text} style={{ fontSize: theme.size.body }} width={(tableWidth * column.width) / totalWidth - 8} /> : null}
            </View>
          );
        })}
      </View>
    );
  });
  return (
    <View wrap={records.length > 0}>
      <View minPresenceAhead={40}>
        <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />
      </View>
      <View style={{ marginTop: 2 }}>
        {headerRow}
        {body}
      </View>
    </View>
  );
}

function CheckMark() {
  return (
    <Svg width={CHECKBOX_SIZE} height={CHECKBOX_SIZE} viewBox="0 0 10 10" style={{ position: 'absolute', left: -1, top: -1 }}>
      <Path d="M1.8 5.2 L4.1 7.6 L8.6 2.2" stroke={theme.colour.answer} strokeWidth={1.8} fill="none" />
    </Svg>
  );
}

function Box({ ticked }: { ticked: boolean }) {
  return (
    <View style={{ width: CHECKBOX_SIZE, height: CHECKBOX_SIZE, borderWidth: 1, borderColor: theme.colour.frame, marginTop: 2 }}>
      {ticked ? <CheckMark /> : null}
    </View>
  );
}

function Checklist({ field, ctx }: { field: ChecklistField; ctx: RenderContext }) {
  const ticked = new Set(listAt<string>(ctx.answers, field.path));
  const otherValue = field.other ? textAt(ctx.answers, field.other.path) : undefined;
  // A long write-in answer takes the full width, in one column, free to flow over pages.
  const otherFits = keepsTogether(otherValue, contentWidth(ctx.paper) / 2 - 60, theme.size.answer);
  const columns = otherFits ? (field.columns ?? 1) : 1;
  const items = field.options.map((option) => (
    <ChecklistOption key={option.value} box={<Box ticked={ticked.has(option.value)} />} label={ctx.t(option.label)} />
  ));
  if (field.other) {
    items.push(
      <View key="other" style={{ flexDirection: 'row', alignItems: 'flex-start', marginTop: 5 }}>
        <Box ticked={otherValue !== undefined} />
        <Text style={{ fontSize: theme.size.body, marginLeft: 6, lineHeight: 1.3 }}>{ctx.t(field.other.label)}</Text>
        <View style={{ flex: 1, marginLeft: 4, minHeight: 13, ...ruleBelow }}>
          {otherValue ? <Answer ctx={ctx} text={otherValue} style={{ lineHeight: 1.3 }} width={(contentWidth(ctx.paper) - 14 * (columns - 1)) / columns - 60} /> : null}
        </View>
      </View>,
    );
  }
  return <ChecklistColumns label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} items={items} columns={columns} />;
}

function CharacterBoxes({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  const rows = Math.ceil(field.limit / field.perRow);
  const value = textAt(ctx.answers, field.path);
  const label = <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />;
  if (value) {
    const count = [...value].length;
    return (
      <View>
        <View minPresenceAhead={40}>{label}</View>
        <View style={{ borderWidth: 0.8, borderColor: theme.colour.frame, padding: 6, minHeight: rows * 20, marginTop: 2 }}>
          <Answer ctx={ctx} text={value} />
        </View>
        <Text style={{ fontSize: theme.size.small, color: theme.colour.hint, textAlign: 'right', marginTop: 2 }}>
          {ctx.t('social.bio.count', { count: formatNumber(ctx.locale, count), limit: formatNumber(ctx.locale, field.limit) })}
        </Text>
      </View>
    );
  }
  return (
    <View wrap={false}>
      {label}
      <View style={{ borderTopWidth: 0.8, borderLeftWidth: 0.8, borderColor: theme.colour.frame, marginTop: 2 }}>
        {Array.from({ length: rows }, (_, row) => (
          <View key={row} style={{ flexDirection: 'row' }}>
            {Array.from({ length: field.perRow }, (_, index) => (
              <View
                key={index}
                style={{
                  flex: 1,
                  height: 20,
                  borderRightWidth: index === field.perRow - 1 ? 0.8 : 0.4,
                  borderBottomWidth: 0.8,
                  borderColor: index === field.perRow - 1 ? theme.colour.frame : theme.colour.rule,
                  borderBottomColor: theme.colour.frame,
                }}
              />
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The printed sheet's component for each kind of field (FieldView). */
const PRINTED: FieldComponents = {
  writing: Writing,
  short: Short,
  ifThen: IfThen,
  list: List,
  table: Table,
  checklist: Checklist,
  characterBoxes: CharacterBoxes,
  connectionLists: ConnectionLists,
  quadrantMap: ({ ctx }) => <QuadrantMap ctx={ctx} />,
};

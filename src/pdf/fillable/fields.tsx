/**
 * The fillable sheet: the blank sheet's layout, with a form field laid over each answer space.
 * Printed empty it looks like the blank sheet (the fields draw nothing until they hold text); with
 * answers (`fill --fillable`) each space grows to show its text and lists get a row per item, and
 * the text is in the fields, never printed under them.
 */
import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import { AREAS, TIES, type Contact, type Tie } from '../../answers/schema.js';
import type {
  CharacterBoxesField,
  ChecklistField,
  ConnectionListsField,
  Field,
  IfThenField,
  ListField,
  ShortField,
  TableField,
  WritingField,
} from '../../worksheets/model.js';
import { listAt, textAt } from '../../worksheets/values.js';
import { estimateLines, estimateWidth } from '../measure.js';
import { contentWidth } from '../paper.js';
import { theme } from '../theme.js';
import { ColumnLabels, TieColumns, TieHeading } from '../components/connections.js';
import type { RenderContext } from '../components/context.js';
import { drawField, type FieldComponents } from '../components/field-kinds.js';
import { optional, SIDE_LABEL_WIDTH, SideLabelled } from '../components/labels.js';
import { CHECKBOX_SIZE, ChecklistColumns, ChecklistOption, LabelWithHint, Ruled, ruleBelow } from '../components/primitives.js';
import { QuadrantMap } from '../components/quadrant.js';
import { FIELD_FONT, FIELD_LINE_HEIGHT, FormSlot } from './form-slot.js';

const pitch = theme.linePitch;

/** No field grows taller than this: a field cannot continue on the next page. Longer text scrolls. */
const MAX_FIELD_HEIGHT = 480;

/** Height text needs at a field font size in a box this wide (estimated), plus padding. */
function textHeight(text: string | undefined, width: number, fontSize: number): number {
  if (!text) return 0;
  return estimateLines(text, Math.max(10, width - 4), fontSize) * fontSize * FIELD_LINE_HEIGHT + 4;
}

/** Ruled lines needed to show `text`: at least `lines`, at most a page's worth. */
function linesFor(text: string | undefined, lines: number, width: number, fontSize: number, linePitch: number = pitch, maxHeight = MAX_FIELD_HEIGHT): number {
  const needed = Math.floor(Math.min(maxHeight, textHeight(text, width, fontSize)) / linePitch + 0.999);
  return Math.max(lines, needed);
}


export function FillableField({ field, ctx }: { field: Field; ctx: RenderContext }) {
  return drawField(FILLABLE, field, ctx);
}

/** Ruled lines with a multi-line field over them. */
function RuledField({
  path,
  lines,
  filled = false,
  linePitch = pitch,
  fontSize = FIELD_FONT.text,
}: {
  path: string;
  lines: number;
  /** Holding an answer: ruled lines at handwriting pitch would run through its smaller lines of type. */
  filled?: boolean;
  linePitch?: number;
  fontSize?: number;
}) {
  return (
    <View style={{ position: 'relative' }}>
      {filled ? <View style={{ height: lines * linePitch, ...ruleBelow }} /> : <Ruled lines={lines} pitch={linePitch} />}
      <FormSlot slot={{ kind: lines > 1 ? 'multi' : 'single', path, fontSize }} />
    </View>
  );
}

function Writing({ field, ctx }: { field: WritingField; ctx: RenderContext }) {
  const base = field.lines + (field.grows ? ctx.extraLines : 0);
  const value = textAt(ctx.answers, field.path);
  const label = ctx.t(field.label);
  const hint = optional(ctx, field.hint);
  if (field.side) {
    const lines = linesFor(value, base, contentWidth(ctx.paper) - SIDE_LABEL_WIDTH, FIELD_FONT.text);
    return (
      <SideLabelled label={label} hint={hint}>
        <RuledField path={field.path} lines={lines} filled={value !== undefined} />
      </SideLabelled>
    );
  }
  const lines = linesFor(value, base, contentWidth(ctx.paper), FIELD_FONT.text);
  return (
    <View wrap={false}>
      <LabelWithHint label={label} hint={hint} />
      <RuledField path={field.path} lines={lines} filled={value !== undefined} />
    </View>
  );
}

/** A label, then a one-line field on the rest of the line (taller when its answer needs it). */
function InlineField({ label, path, value, width, bold = true, maxHeight = MAX_FIELD_HEIGHT }: { label: string; path: string; value?: string; width: number; bold?: boolean; maxHeight?: number }) {
  const fieldWidth = width - estimateWidth(label, theme.size.body) - 6;
  const lines = linesFor(value, 1, fieldWidth, FIELD_FONT.text, pitch, maxHeight);
  return (
    <View style={{ flexDirection: 'row', alignItems: 'flex-end', minHeight: lines * pitch, ...ruleBelow }}>
      <Text style={{ fontSize: theme.size.body, ...(bold ? { fontWeight: 700 } : {}), marginRight: 6, marginBottom: 3 }}>{label}</Text>
      <View style={{ flex: 1, alignSelf: 'stretch', position: 'relative' }}>
        <FormSlot slot={{ kind: lines > 1 ? 'multi' : 'single', path, fontSize: FIELD_FONT.text }} />
      </View>
    </View>
  );
}

function Short({ field, ctx }: { field: ShortField; ctx: RenderContext }) {
  return (
    <View wrap={false}>
      <InlineField label={ctx.t(field.label)} path={field.path} value={textAt(ctx.answers, field.path)} width={contentWidth(ctx.paper)} />
      {field.hint ? (
        <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, marginTop: 1 }}>{ctx.t(field.hint)}</Text>
      ) : null}
    </View>
  );
}

function IfThen({ field, ctx }: { field: IfThenField; ctx: RenderContext }) {
  const width = contentWidth(ctx.paper) - SIDE_LABEL_WIDTH;
  const part = (label: string, key: 'if' | 'then') => (
    <InlineField label={label} path={`${field.path}.${key}`} value={textAt(ctx.answers, `${field.path}.${key}`)} width={width} bold={false} maxHeight={MAX_FIELD_HEIGHT / 2} />
  );
  return (
    <SideLabelled label={ctx.t(field.label)} hint={optional(ctx, field.hint)}>
      {part(ctx.t(field.ifLabel), 'if')}
      {part(ctx.t(field.thenLabel), 'then')}
    </SideLabelled>
  );
}

function List({ field, ctx }: { field: ListField; ctx: RenderContext }) {
  const items = listAt<string>(ctx.answers, field.path);
  const rows = Math.max(field.rows, items.length);
  const columnsWanted = field.columns ?? 1;
  const columnWidth = (contentWidth(ctx.paper) - 14 * (columnsWanted - 1)) / columnsWanted - 18;
  // Like the filled sheet: a longer list, or one with an item too long for a one-line cell, reads down one column.
  const fitsColumns = items.length <= field.rows && items.every((item) => estimateWidth(item, FIELD_FONT.text) <= columnWidth - 4);
  const columns = fitsColumns ? columnsWanted : 1;
  const width = (contentWidth(ctx.paper) - 14 * (columns - 1)) / columns - 18;
  const perColumn = Math.ceil(rows / columns);
  const row = (index: number) => {
    const lines = linesFor(items[index], 1, width, FIELD_FONT.text);
    return (
      <View key={index} style={{ flexDirection: 'row', alignItems: 'flex-end', minHeight: lines * pitch, ...ruleBelow }} wrap={false}>
        <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, width: 18, marginBottom: 3 }}>{`${index + 1}.`}</Text>
        <View style={{ flex: 1, alignSelf: 'stretch', position: 'relative' }}>
          <FormSlot slot={{ kind: lines > 1 ? 'multi' : 'single', path: `${field.path}[${index}]`, fontSize: FIELD_FONT.text }} />
        </View>
      </View>
    );
  };
  const header = <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />;
  if (columns === 1) {
    return (
      <View wrap={rows > field.rows}>
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

function Table({ field, ctx }: { field: TableField; ctx: RenderContext }) {
  const records = listAt<Record<string, unknown>>(ctx.answers, field.path);
  const rows = Math.max(field.rows, records.length);
  const totalWidth = field.columns.reduce((sum, column) => sum + column.width, 0);
  const tableWidth = contentWidth(ctx.paper);
  const cellWidth = (width: number) => (tableWidth * width) / totalWidth - 8;
  const cell = (width: number, index: number) => ({
    flex: width,
    flexBasis: 0,
    borderLeftWidth: index === 0 ? 0 : theme.ruleWidth,
    borderLeftColor: theme.colour.rule,
    paddingHorizontal: 4,
  });
  const text = (record: Record<string, unknown> | undefined, key: string) => {
    const value = record?.[key];
    return typeof value === 'string' ? value : undefined;
  };
  const headerRow = (
    <View style={{ flexDirection: 'row', backgroundColor: theme.colour.fill, borderWidth: 0.8, borderColor: theme.colour.frame }} fixed>
      {field.columns.map((column, index) => (
        <View key={column.key} style={{ ...cell(column.width, index), paddingVertical: 3 }}>
          <Text style={{ fontSize: theme.size.small, fontWeight: 700 }}>{ctx.t(column.label)}</Text>
        </View>
      ))}
    </View>
  );
  const rowBorder = { borderLeftWidth: 0.8, borderRightWidth: 0.8, borderBottomWidth: 0.8, borderColor: theme.colour.frame } as const;
  const body = Array.from({ length: rows }, (_, row) => {
    const record = records[row];
    const base = `${field.path}[${row}]`;
    // Each cell's height in table lines; a second key (the role beside a name) takes the cell's lower half.
    const need = (key: string, width: number) => Math.ceil(Math.min(MAX_FIELD_HEIGHT / 2, textHeight(text(record, key), width, FIELD_FONT.cell)) / theme.tablePitch);
    const lines = Math.max(
      field.rowLines,
      ...field.columns.map((column) =>
        column.alsoKey ? need(column.key, cellWidth(column.width)) + need(column.alsoKey, cellWidth(column.width)) : need(column.key, cellWidth(column.width)),
      ),
    );
    return (
      <View key={row} style={{ flexDirection: 'row', height: lines * theme.tablePitch, ...rowBorder }} wrap={false}>
        {field.columns.map((column, index) => {
          const mainLines = column.alsoKey ? Math.max(1, lines - Math.max(1, need(column.alsoKey, cellWidth(column.width)))) : lines;
          const kind = (n: number): 'multi' | 'single' => (n > 1 ? 'multi' : 'single');
          return (
            <View key={column.key} style={{ ...cell(column.width, index), position: 'relative' }}>
              {field.rowLines > 1 ? <Ruled lines={field.rowLines - 1} pitch={theme.tablePitch} /> : null}
              {column.key === 'area' ? (
                <FormSlot slot={{ kind: 'area', path: `${base}.area`, fontSize: FIELD_FONT.cell }} style={{ bottom: (lines - 1) * theme.tablePitch }} />
              ) : column.alsoKey ? (
                <>
                  <FormSlot slot={{ kind: kind(mainLines), path: `${base}.${column.key}`, fontSize: FIELD_FONT.cell }} style={{ bottom: (lines - mainLines) * theme.tablePitch }} />
                  <FormSlot slot={{ kind: kind(lines - mainLines), path: `${base}.${column.alsoKey}`, fontSize: FIELD_FONT.cell }} style={{ top: mainLines * theme.tablePitch }} />
                </>
              ) : (
                <FormSlot slot={{ kind: kind(lines), path: `${base}.${column.key}`, fontSize: FIELD_FONT.cell }} />
              )}
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

/** The blank sheet's box, with a checkbox field over it. */
function CheckBox({ path }: { path: string }) {
  return (
    <View style={{ width: CHECKBOX_SIZE, height: CHECKBOX_SIZE, borderWidth: 1, borderColor: theme.colour.frame, marginTop: 2, position: 'relative' }}>
      <FormSlot slot={{ kind: 'check', path, fontSize: 0 }} style={{ left: -1, top: -1, right: -1, bottom: -1 }} />
    </View>
  );
}

/** Name of the "Other" box of a checklist: `social.purposes.other` (import reads the write-in text, not the box). */
export const OTHER_BOX = 'other';

function Checklist({ field, ctx }: { field: ChecklistField; ctx: RenderContext }) {
  const otherValue = field.other ? textAt(ctx.answers, field.other.path) : undefined;
  const otherWidth = contentWidth(ctx.paper) / 2 - 60;
  const otherLines = field.other ? linesFor(otherValue, 1, otherWidth, FIELD_FONT.text, 13) : 1;
  const columns = otherLines > 1 ? 1 : (field.columns ?? 1);
  const items: React.ReactElement[] = field.options.map((option) => (
    <ChecklistOption key={option.value} box={<CheckBox path={`${field.path}.${option.value}`} />} label={ctx.t(option.label)} />
  ));
  if (field.other) {
    items.push(
      <View key="other" style={{ flexDirection: 'row', alignItems: 'flex-start', marginTop: 5 }} wrap={false}>
        <CheckBox path={`${field.path}.${OTHER_BOX}`} />
        <Text style={{ fontSize: theme.size.body, marginLeft: 6, lineHeight: 1.3 }}>{ctx.t(field.other.label)}</Text>
        <View style={{ flex: 1, marginLeft: 4, minHeight: 13 * otherLines, ...ruleBelow, position: 'relative' }}>
          <FormSlot slot={{ kind: otherLines > 1 ? 'multi' : 'single', path: field.other.path, fontSize: FIELD_FONT.text }} />
        </View>
      </View>,
    );
  }
  return <ChecklistColumns label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} items={items} columns={columns} />;
}

function CharacterBoxes({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  const rows = Math.ceil(field.limit / field.perRow);
  const value = textAt(ctx.answers, field.path);
  const height = Math.max(rows * 20, Math.min(MAX_FIELD_HEIGHT, textHeight(value, contentWidth(ctx.paper) - 12, FIELD_FONT.text) + 12));
  const label = <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />;
  const slot = <FormSlot slot={{ kind: 'multi', path: field.path, fontSize: FIELD_FONT.text }} style={{ left: 3, top: 3, right: 3, bottom: 3 }} />;
  if (value) {
    // An answer does not line up with the boxes: a plain frame, as on the filled sheet.
    return (
      <View wrap={false}>
        {label}
        <View style={{ borderWidth: 0.8, borderColor: theme.colour.frame, height, marginTop: 2, position: 'relative' }}>{slot}</View>
      </View>
    );
  }
  return (
    <View wrap={false}>
      {label}
      <View style={{ borderTopWidth: 0.8, borderLeftWidth: 0.8, borderColor: theme.colour.frame, marginTop: 2, position: 'relative' }}>
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
        {slot}
      </View>
    </View>
  );
}

/**
 * Where each contact goes: its index in `network.contacts`, by tie, in the learner's order; blank
 * rows after them get the next free indices, column by column, so new entries sort after the old.
 */
export function contactRows(contacts: readonly Contact[], rowsPerTie: number): Record<Tie, { index: number; contact?: Contact }[]> {
  const rows: Record<Tie, { index: number; contact?: Contact }[]> = { strong: [], weak: [], mentor: [] };
  contacts.forEach((contact, index) => rows[contact.tie].push({ index, contact }));
  let next = contacts.length;
  const depth = Math.max(rowsPerTie, ...TIES.map((tie) => rows[tie].length));
  for (const tie of TIES) while (rows[tie].length < depth) rows[tie].push({ index: next++ });
  return rows;
}

/**
 * A contact's row: name and role on the upper line, the area (a dropdown of the four map areas)
 * and notes on the lower line, over the blank sheet's name | role row. It grows for long text.
 */
function ContactRow({ index, tie, contact, width }: { index: number; tie: Tie; contact?: Contact; width: number }) {
  const nameWidth = (width * 3) / 5;
  const roleWidth = width - nameWidth;
  const upper = Math.max(12, textHeight(contact?.name, nameWidth, FIELD_FONT.contact), textHeight(contact?.role, roleWidth, FIELD_FONT.contact));
  const lower = Math.max(10, textHeight(contact?.notes, roleWidth, FIELD_FONT.contactSmall));
  const height = Math.max(pitch, Math.min(MAX_FIELD_HEIGHT, upper + lower));
  const upperHeight = height - lower;
  const base = `network.contacts[${index}]`;
  const kind = (h: number, size: number): 'multi' | 'single' => (h > size * FIELD_LINE_HEIGHT * 1.8 ? 'multi' : 'single');
  return (
    <View style={{ flexDirection: 'row', height, ...ruleBelow }} wrap={false}>
      <View style={{ flex: 3, position: 'relative' }}>
        <FormSlot slot={{ kind: kind(upperHeight, FIELD_FONT.contact), path: `${base}.name`, fontSize: FIELD_FONT.contact, tie }} style={{ bottom: lower }} />
        <FormSlot slot={{ kind: 'area', path: `${base}.area`, fontSize: FIELD_FONT.contactSmall }} style={{ top: upperHeight, bottom: lower - 10 }} />
      </View>
      <View style={{ flex: 2, borderLeftWidth: 0.4, borderLeftColor: theme.colour.rule, position: 'relative' }}>
        <FormSlot slot={{ kind: kind(upperHeight, FIELD_FONT.contact), path: `${base}.role`, fontSize: FIELD_FONT.contact }} style={{ bottom: lower }} />
        <FormSlot slot={{ kind: kind(lower, FIELD_FONT.contactSmall), path: `${base}.notes`, fontSize: FIELD_FONT.contactSmall }} style={{ top: upperHeight }} />
      </View>
    </View>
  );
}

/** The three connection lists; each row's tie is its list's (recorded in the form's marker field). */
function ConnectionLists({ field, ctx }: { field: ConnectionListsField; ctx: RenderContext }) {
  const contacts = listAt<Contact>(ctx.answers, field.path);
  const rowsPerTie = field.rows + (field.grows ? ctx.extraLines : 0);
  const rows = contactRows(contacts, rowsPerTie);
  const columnWidth = (contentWidth(ctx.paper) - 28) / 3;
  const depth = rows.strong.length;
  if (depth <= rowsPerTie && contacts.every((contact) => textHeight(contact.notes, (columnWidth * 2) / 5, FIELD_FONT.contactSmall) <= 12 && textHeight(contact.name, (columnWidth * 3) / 5, FIELD_FONT.contact) <= 14 && textHeight(contact.role, (columnWidth * 2) / 5, FIELD_FONT.contact) <= 14)) {
    // Side by side, row for row like the blank sheet.
    return (
      <TieColumns
        ctx={ctx}
        rows={(tie) => rows[tie].map((row) => <ContactRow key={row.index} index={row.index} tie={tie} contact={row.contact} width={columnWidth} />)}
      />
    );
  }
  // More people, or longer entries, than the blank rows hold: the lists one after another, full width.
  return (
    <View>
      {TIES.map((tie, tieIndex) => (
        <View key={tie} style={{ marginTop: tieIndex === 0 ? 0 : 10 }}>
          <View minPresenceAhead={3 * pitch}>
            <TieHeading ctx={ctx} tie={tie} />
            <ColumnLabels ctx={ctx} />
          </View>
          {rows[tie]
            .filter((row, position) => row.contact || position < rows[tie].filter((r) => r.contact).length + 2)
            .map((row) => (
              <ContactRow key={row.index} index={row.index} tie={tie} contact={row.contact} width={contentWidth(ctx.paper)} />
            ))}
        </View>
      ))}
    </View>
  );
}

/** Every area value, in the map's order (the dropdown's options). */
export const AREA_OPTIONS = AREAS;

/** The fillable sheet's component for each kind of field (FillableField). */
const FILLABLE: FieldComponents = {
  writing: Writing,
  short: Short,
  ifThen: IfThen,
  list: List,
  table: Table,
  checklist: Checklist,
  characterBoxes: CharacterBoxes,
  connectionLists: ConnectionLists,
  // The map is for drawing on paper: contacts are entered (with their area) in the lists.
  quadrantMap: ({ ctx }) => <QuadrantMap ctx={{ ...ctx, answers: undefined }} />,
};

/**
 * The three connection lists (strong, weak, mentors): `network.contacts` grouped by tie. On a
 * fillable sheet each row's tie is its list's, recorded in the form's marker for `import`.
 */
import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import type { Contact, Tie } from '../answers/schema.js';
import { TIES } from '../answers/schema.js';
import type { ConnectionListsField } from '../worksheets/model.js';
import { listAt } from '../worksheets/values.js';
import { estimateHeight, KEEP_TOGETHER_MAX_HEIGHT } from '../pdf/measure.js';
import { contentWidth } from '../pdf/paper.js';
import { theme } from '../pdf/theme.js';
import { Answer } from '../pdf/components/answer.js';
import type { RenderContext } from '../pdf/components/context.js';
import { ruleBelow, TieMarker } from '../pdf/components/primitives.js';
import { FIELD_FONT, FIELD_LINE_HEIGHT, FormSlot } from '../pdf/fillable/form-slot.js';
import { MAX_FIELD_HEIGHT, textHeight } from './fit.js';
import { FlowingField, flowLines, StackedLabel } from './flowing-field.js';
import type { FieldKind } from './kind.js';

const pitch = theme.linePitch;

/** Contacts grouped by tie, in the order the learner listed them. */
function contactsByTie(contacts: readonly Contact[]): Record<Tie, Contact[]> {
  const groups: Record<Tie, Contact[]> = { strong: [], weak: [], mentor: [] };
  for (const contact of contacts) groups[contact.tie].push(contact);
  return groups;
}

function TieHeading({ ctx, tie }: { ctx: RenderContext; tie: Tie }) {
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 2 }}>
      <TieMarker tie={tie} />
      <Text style={{ fontSize: theme.size.body, fontWeight: 700, marginLeft: 5 }}>{ctx.t(`network.connections.${tie}`)}</Text>
    </View>
  );
}

function ColumnLabels({ ctx }: { ctx: RenderContext }) {
  return (
    <View style={{ flexDirection: 'row' }}>
      <Text style={{ flex: 3, fontSize: theme.size.small, color: theme.colour.hint }}>{ctx.t('network.connections.name')}</Text>
      <Text style={{ flex: 2, fontSize: theme.size.small, color: theme.colour.hint, paddingLeft: 4 }}>{ctx.t('network.connections.role')}</Text>
    </View>
  );
}

function BlankContactRow() {
  return (
    <View style={{ flexDirection: 'row', height: pitch, ...ruleBelow }}>
      <View style={{ flex: 3 }} />
      <View style={{ flex: 2, borderLeftWidth: 0.4, borderLeftColor: theme.colour.rule }} />
    </View>
  );
}

/** A filled entry: the name, its role after a dash, notes in italics beneath. */
function ContactEntry({ ctx, contact, width }: { ctx: RenderContext; contact: Contact; width: number }) {
  return (
    <View style={{ minHeight: pitch, paddingTop: 4, paddingBottom: 2, ...ruleBelow }} wrap={contactHeight(contact, width) > KEEP_TOGETHER_MAX_HEIGHT}>
      <Answer ctx={ctx} text={contact.role ? `${contact.name} – ${contact.role}` : contact.name} style={{ fontSize: theme.size.body, lineHeight: 1.3 }} width={width} />
      {contact.notes ? (
        <Answer ctx={ctx} text={contact.notes} style={{ fontSize: theme.size.hint, fontStyle: 'italic', lineHeight: 1.3 }} width={width} />
      ) : null}
    </View>
  );
}

function contactHeight(contact: Contact, width: number): number {
  const entry = contact.role ? `${contact.name} – ${contact.role}` : contact.name;
  return Math.max(pitch, 6 + estimateHeight(entry, width, theme.size.body, 1.3) + (contact.notes ? estimateHeight(contact.notes, width, theme.size.hint, 1.3) : 0));
}

/** Height the three side-by-side lists may take before they print one after another instead. */
const COLUMNS_MAX_HEIGHT = 500;
/** Blank rows left under a filled list, for connections added in the session. */
const SPARE_ROWS = 2;

/** The three lists side by side, each under its tie's heading and the Name / Role labels. */
function TieColumns({ ctx, rows }: { ctx: RenderContext; rows: (tie: Tie) => React.ReactNode }) {
  return (
    <View style={{ flexDirection: 'row' }} wrap={false}>
      {TIES.map((tie, column) => (
        <View key={tie} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
          <TieHeading ctx={ctx} tie={tie} />
          <ColumnLabels ctx={ctx} />
          {rows(tie)}
        </View>
      ))}
    </View>
  );
}

/**
 * The three lists of connections. Side by side like the blank sheet while they fit its rows;
 * a longer network prints the lists one after another, free to flow over pages.
 */
function Printed({ field, ctx }: { field: ConnectionListsField; ctx: RenderContext }) {
  const contacts = listAt<Contact>(ctx.answers, field.path);
  const groups = contactsByTie(contacts);
  const rows = field.rows + (field.grows ? ctx.extraLines : 0);
  if (contacts.length === 0) {
    return <TieColumns ctx={ctx} rows={() => Array.from({ length: rows }, (_, row) => <BlankContactRow key={row} />)} />;
  }
  const columnWidth = (contentWidth(ctx.paper) - 28) / 3;
  const height = (tie: Tie) => groups[tie].reduce((sum, contact) => sum + contactHeight(contact, columnWidth), 0);
  const tallest = Math.max(...TIES.map(height));
  if (tallest + SPARE_ROWS * pitch <= COLUMNS_MAX_HEIGHT) {
    // Side by side like the blank sheet, with blank rows below down to the same depth.
    const depth = Math.min(COLUMNS_MAX_HEIGHT, Math.max(tallest + SPARE_ROWS * pitch, 8 * pitch));
    return (
      <View style={{ flexDirection: 'row' }} wrap={false}>
        {TIES.map((tie, column) => {
          const spare = Math.max(0, Math.floor((depth - height(tie)) / pitch));
          return (
            <View key={tie} style={{ flex: 1, flexBasis: 0, marginLeft: column === 0 ? 0 : 14 }}>
              <TieHeading ctx={ctx} tie={tie} />
              {groups[tie].map((contact, row) => (
                <ContactEntry key={row} ctx={ctx} contact={contact} width={columnWidth} />
              ))}
              {Array.from({ length: spare }, (_, row) => (
                <View key={`spare-${row}`} style={{ height: pitch, ...ruleBelow }} />
              ))}
            </View>
          );
        })}
      </View>
    );
  }
  // A large network: the lists one after another, flowing over pages; short entries two a row.
  const halfWidth = (contentWidth(ctx.paper) - 14) / 2;
  const short = (contact: Contact) => contactHeight(contact, halfWidth) <= KEEP_TOGETHER_MAX_HEIGHT / 2;
  return (
    <View>
      {TIES.map((tie, tieIndex) => {
        const rows: Contact[][] = [];
        for (const contact of groups[tie]) {
          const last = rows.at(-1);
          if (last && last.length === 1 && short(last[0]!) && short(contact)) last.push(contact);
          else rows.push([contact]);
        }
        return (
          <View key={tie} style={{ marginTop: tieIndex === 0 ? 0 : 10 }}>
            <View minPresenceAhead={3 * pitch}>
              <TieHeading ctx={ctx} tie={tie} />
            </View>
            {rows.length === 0 ? <View style={{ height: pitch, ...ruleBelow }} /> : null}
            {rows.map((row, index) =>
              row.length === 2 || short(row[0]!) ? (
                <View key={index} style={{ flexDirection: 'row' }} wrap={false}>
                  {[row[0], row[1]].map((contact, column) => (
                    <View key={column} style={{ flex: 1, flexBasis: 0, marginLeft: column === 0 ? 0 : 14 }}>
                      {contact ? <ContactEntry ctx={ctx} contact={contact} width={halfWidth} /> : <View style={{ height: pitch, ...ruleBelow }} />}
                    </View>
                  ))}
                </View>
              ) : (
                <ContactEntry key={index} ctx={ctx} contact={row[0]!} width={contentWidth(ctx.paper)} />
              ),
            )}
          </View>
        );
      })}
    </View>
  );
}

/**
 * Where each contact goes on a fillable sheet: its index in `network.contacts`, by tie, in the
 * learner's order; blank rows after them get the next free indices, column by column, so new
 * entries sort after the old.
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
function ContactRow({ ctx, index, tie, contact, width }: { ctx: RenderContext; index: number; tie: Tie; contact?: Contact; width: number }) {
  const nameWidth = (width * 3) / 5;
  const roleWidth = width - nameWidth;
  const upper = Math.max(12, textHeight(contact?.name, nameWidth, FIELD_FONT.contact), textHeight(contact?.role, roleWidth, FIELD_FONT.contact));
  const lower = Math.max(10, textHeight(contact?.notes, roleWidth, FIELD_FONT.contactSmall));
  const base = `network.contacts[${index}]`;
  if (upper + lower > MAX_FIELD_HEIGHT) {
    // Too tall for a row: name, role, area and notes in turn, under their labels, free to
    // continue over pages.
    const part = (label: string, key: 'name' | 'role' | 'notes', fontSize: number) => (
      <View style={{ marginBottom: 2 }}>
        <StackedLabel label={label} pitch={pitch} />
        <FlowingField path={`${base}.${key}`} lines={flowLines(contact?.[key] ?? '', width, fontSize)} fontSize={fontSize} {...(key === 'name' ? { tie } : {})} />
      </View>
    );
    return (
      <View style={{ marginBottom: 4 }}>
        {part(ctx.t('network.connections.name'), 'name', FIELD_FONT.contact)}
        {part(ctx.t('network.connections.role'), 'role', FIELD_FONT.contact)}
        <StackedLabel label={ctx.t('common.form.area')} pitch={pitch} />
        <View style={{ position: 'relative', height: pitch, ...ruleBelow }}>
          <FormSlot slot={{ kind: 'area', path: `${base}.area`, fontSize: FIELD_FONT.contactSmall }} />
        </View>
        {part(ctx.t('common.form.notes'), 'notes', FIELD_FONT.contactSmall)}
      </View>
    );
  }
  const height = Math.max(pitch, upper + lower);
  const upperHeight = height - lower;
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

function Fillable({ field, ctx }: { field: ConnectionListsField; ctx: RenderContext }) {
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
        rows={(tie) => rows[tie].map((row) => <ContactRow key={row.index} ctx={ctx} index={row.index} tie={tie} contact={row.contact} width={columnWidth} />)}
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
              <ContactRow key={row.index} ctx={ctx} index={row.index} tie={tie} contact={row.contact} width={contentWidth(ctx.paper)} />
            ))}
        </View>
      ))}
    </View>
  );
}

export const connectionLists: FieldKind<ConnectionListsField> = {
  Printed,
  Fillable,
  // Contact rows are named by their list and row number as the sheet draws them, which only the
  // finished form knows (postprocess.ts passes them to fieldTooltips).
  tooltips: () => ({}),
};

import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
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
import { theme } from '../theme.js';
import type { RenderContext } from './context.js';
import { Checkbox, LabelWithHint, LineSample, Ruled, Star } from './primitives.js';
import { QuadrantMap } from './quadrant.js';

const pitch = theme.linePitch;
const ruleBelow = { borderBottomWidth: theme.ruleWidth, borderBottomColor: theme.colour.rule } as const;

/** Draws one field of the worksheet model, blank, ready for handwriting. */
export function BlankField({ field, ctx }: { field: Field; ctx: RenderContext }) {
  switch (field.kind) {
    case 'writing':
      return <Writing field={field} ctx={ctx} />;
    case 'short':
      return <Short field={field} ctx={ctx} />;
    case 'ifThen':
      return <IfThen field={field} ctx={ctx} />;
    case 'list':
      return <List field={field} ctx={ctx} />;
    case 'table':
      return <Table field={field} ctx={ctx} />;
    case 'checklist':
      return <Checklist field={field} ctx={ctx} />;
    case 'characterBoxes':
      return <CharacterBoxes field={field} ctx={ctx} />;
    case 'connectionLists':
      return <ConnectionLists field={field} ctx={ctx} />;
    case 'quadrantMap':
      return <QuadrantMap ctx={ctx} />;
  }
}

const optional = (ctx: RenderContext, key?: string) => (key ? ctx.t(key) : undefined);

function Writing({ field, ctx }: { field: WritingField; ctx: RenderContext }) {
  const lines = field.lines + (field.grows ? ctx.extraLines : 0);
  if (field.side) {
    return (
      <SideLabelled label={ctx.t(field.label)} hint={optional(ctx, field.hint)}>
        <Ruled lines={lines} />
      </SideLabelled>
    );
  }
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />
      <Ruled lines={lines} />
    </View>
  );
}

/** Width of the label column of side-labelled fields. */
const SIDE_LABEL_WIDTH = 124;

/** A label and hint in a left column, the writing space to its right. */
function SideLabelled({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: theme.gap.field }} wrap={false}>
      <View style={{ width: SIDE_LABEL_WIDTH, paddingRight: 8, paddingTop: 6 }}>
        <Text style={{ fontSize: theme.size.body, fontWeight: 700 }}>{label}</Text>
        {hint ? (
          <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, lineHeight: 1.25, marginTop: 1 }}>
            {hint}
          </Text>
        ) : null}
      </View>
      <View style={{ flex: 1 }}>{children}</View>
    </View>
  );
}

function Short({ field, ctx }: { field: ShortField; ctx: RenderContext }) {
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <View style={{ flexDirection: 'row', alignItems: 'flex-end', height: pitch }}>
        <Text style={{ fontSize: theme.size.body, fontWeight: 700, marginRight: 6, marginBottom: 2 }}>{ctx.t(field.label)}</Text>
        <View style={{ flex: 1, height: pitch, ...ruleBelow }} />
      </View>
      {field.hint ? (
        <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, marginTop: 1 }}>
          {ctx.t(field.hint)}
        </Text>
      ) : null}
    </View>
  );
}

function IfThen({ field, ctx }: { field: IfThenField; ctx: RenderContext }) {
  const part = (label: string) => (
    <View style={{ flexDirection: 'row', alignItems: 'flex-end', height: pitch, ...ruleBelow }}>
      <Text style={{ fontSize: theme.size.body, marginBottom: 3 }}>{label}</Text>
    </View>
  );
  return (
    <SideLabelled label={ctx.t(field.label)} hint={optional(ctx, field.hint)}>
      {part(ctx.t(field.ifLabel))}
      {part(ctx.t(field.thenLabel))}
    </SideLabelled>
  );
}

function List({ field, ctx }: { field: ListField; ctx: RenderContext }) {
  const columns = field.columns ?? 1;
  const perColumn = Math.ceil(field.rows / columns);
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />
      <View style={{ flexDirection: 'row' }}>
        {Array.from({ length: columns }, (_, column) => (
          <View key={column} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
            {Array.from({ length: Math.min(perColumn, field.rows - column * perColumn) }, (_, row) => (
              <View key={row} style={{ flexDirection: 'row', alignItems: 'flex-end', height: pitch }}>
                <Text style={{ fontSize: theme.size.body, color: theme.colour.hint, width: 16, marginBottom: 2 }}>
                  {`${column * perColumn + row + 1}.`}
                </Text>
                <View style={{ flex: 1, height: pitch, ...ruleBelow }} />
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

function Table({ field, ctx }: { field: TableField; ctx: RenderContext }) {
  const cell = (width: number, index: number) => ({
    flex: width,
    borderLeftWidth: index === 0 ? 0 : theme.ruleWidth,
    borderLeftColor: theme.colour.rule,
    paddingHorizontal: 4,
  });
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />
      <View style={{ borderWidth: 0.8, borderColor: theme.colour.frame, marginTop: 2 }}>
        <View style={{ flexDirection: 'row', backgroundColor: theme.colour.fill, borderBottomWidth: 0.8, borderBottomColor: theme.colour.frame }}>
          {field.columns.map((column, index) => (
            <View key={column.key} style={{ ...cell(column.width, index), paddingVertical: 3 }}>
              <Text style={{ fontSize: theme.size.small, fontWeight: 700 }}>{ctx.t(column.label)}</Text>
            </View>
          ))}
        </View>
        {Array.from({ length: field.rows }, (_, row) => (
          <View
            key={row}
            style={{
              flexDirection: 'row',
              height: field.rowLines * theme.tablePitch,
              borderTopWidth: row === 0 ? 0 : 0.8,
              borderTopColor: theme.colour.frame,
            }}
          >
            {field.columns.map((column, index) => (
              <View key={column.key} style={cell(column.width, index)}>
                {field.rowLines > 1 ? <Ruled lines={field.rowLines - 1} pitch={theme.tablePitch} /> : null}
              </View>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

function Checklist({ field, ctx }: { field: ChecklistField; ctx: RenderContext }) {
  const columns = field.columns ?? 1;
  const options = field.options.map((option) => ctx.t(option.label));
  const perColumn = Math.ceil((options.length + (field.other ? 1 : 0)) / columns);
  const items = options.map((label) => (
    <View key={label} style={{ flexDirection: 'row', alignItems: 'flex-start', marginBottom: 5 }}>
      <Checkbox />
      <Text style={{ fontSize: theme.size.body, marginLeft: 6, flex: 1, lineHeight: 1.3 }}>{label}</Text>
    </View>
  ));
  if (field.other) {
    items.push(
      <View key="other" style={{ flexDirection: 'row', alignItems: 'flex-start', marginBottom: 5 }}>
        <Checkbox />
        <Text style={{ fontSize: theme.size.body, marginLeft: 6, lineHeight: 1.3 }}>{ctx.t(field.other.label)}</Text>
        <View style={{ flex: 1, marginLeft: 4, height: 13, ...ruleBelow }} />
      </View>,
    );
  }
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <LabelWithHint label={optional(ctx, field.label)} hint={optional(ctx, field.hint)} />
      <View style={{ flexDirection: 'row', marginTop: 3 }}>
        {Array.from({ length: columns }, (_, column) => (
          <View key={column} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
            {items.slice(column * perColumn, (column + 1) * perColumn)}
          </View>
        ))}
      </View>
    </View>
  );
}

function CharacterBoxes({ field, ctx }: { field: CharacterBoxesField; ctx: RenderContext }) {
  const rows = Math.ceil(field.limit / field.perRow);
  return (
    <View style={{ marginBottom: theme.gap.field }} wrap={false}>
      <LabelWithHint label={ctx.t(field.label)} hint={optional(ctx, field.hint)} />
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

export const TIES = ['strong', 'weak', 'mentor'] as const;
export type TieKind = (typeof TIES)[number];

export function TieMarker({ tie, size = 9 }: { tie: TieKind; size?: number }) {
  return tie === 'mentor' ? <Star size={size + 1} /> : <LineSample dashed={tie === 'weak'} width={size * 2.2} />;
}

function ConnectionLists({ field, ctx }: { field: ConnectionListsField; ctx: RenderContext }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: theme.gap.field }} wrap={false}>
      {TIES.map((tie, column) => (
        <View key={tie} style={{ flex: 1, marginLeft: column === 0 ? 0 : 14 }}>
          <View style={{ flexDirection: 'row', alignItems: 'center', marginBottom: 2 }}>
            <TieMarker tie={tie} />
            <Text style={{ fontSize: theme.size.body, fontWeight: 700, marginLeft: 5 }}>{ctx.t(`network.connections.${tie}`)}</Text>
          </View>
          <View style={{ flexDirection: 'row' }}>
            <Text style={{ flex: 3, fontSize: theme.size.small, color: theme.colour.hint }}>{ctx.t('network.connections.name')}</Text>
            <Text style={{ flex: 2, fontSize: theme.size.small, color: theme.colour.hint, paddingLeft: 4 }}>
              {ctx.t('network.connections.role')}
            </Text>
          </View>
          {Array.from({ length: field.rows + (field.grows ? ctx.extraLines : 0) }, (_, row) => (
            <View key={row} style={{ flexDirection: 'row', height: pitch, ...ruleBelow }}>
              <View style={{ flex: 3 }} />
              <View style={{ flex: 2, borderLeftWidth: 0.4, borderLeftColor: theme.colour.rule }} />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

import { Children, type ReactNode } from 'react';
import { Image, Text, View } from '@react-pdf/renderer';
import { formatNumber as formatLocaleNumber } from '../../copy/format.js';
import { contentWidth } from '../paper.js';
import { theme } from '../theme.js';
import { headerWidths, lineWidth } from '../header-widths.js';
import { estimateHeight } from '../measure.js';
import { Answer } from './answer.js';
import type { RenderContext } from './context.js';
import { FIELD_FONT, FormSlot } from '../fillable/form-slot.js';

export interface HeaderValues {
  name?: string;
  program?: string;
  coach?: string;
  date?: string;
  session?: string;
}

const HEADER_FIELDS = [
  { key: 'name', copy: 'common.header.name', width: 3.2 },
  { key: 'program', copy: 'common.header.program', width: 2.4 },
  { key: 'coach', copy: 'common.header.coach', width: 2.4 },
  { key: 'date', copy: 'common.header.date', width: 1.7 },
  { key: 'session', copy: 'common.header.session', width: 1 },
] as const;
/** The answers path of each header field (the form field's name on a fillable sheet). */
const HEADER_PATHS = { name: 'learner.name', program: 'learner.program', coach: 'coach.name', date: 'session.date', session: 'session.number' } as const;
/** Space between the header's cells. */
const HEADER_GAP = 8;

/** The header's cells' widths: by their text on a filled sheet (see header-widths.ts). */
function headerCellWidths(ctx: RenderContext, values: HeaderValues): number[] {
  return headerWidths(
    HEADER_FIELDS.map((field) => ({
      weight: field.width,
      label: lineWidth(ctx.t(field.copy), theme.size.small) ?? 0,
      value: ctx.fillable ? undefined : lineWidth(values[field.key], theme.size.body),
    })),
    contentWidth(ctx.paper) - HEADER_GAP * (HEADER_FIELDS.length - 1),
  );
}

/** A header answer's line: its size and line height. */
const HEADER_ANSWER = { fontSize: theme.size.body, lineHeight: 1.3 };

/**
 * The estimate's average advance times this is the widest Latin letters' (W and m: 0.93 of the
 * font size against 0.58): a header's height is estimated as if every letter were that wide.
 */
const WIDEST_LETTERS = 1.65;

/**
 * How much taller than one line the header's tallest answer prints, estimated generously: what a
 * name of several lines takes from every page.
 */
export function headerOverflow(ctx: RenderContext, values: HeaderValues = {}): number {
  if (ctx.fillable) return 0; // form fields of one line's height
  const widths = headerCellWidths(ctx, values);
  const tallest = Math.max(
    0,
    ...HEADER_FIELDS.map((field, index) => {
      const value = values[field.key];
      return value ? estimateHeight(value, widths[index]! / WIDEST_LETTERS, HEADER_ANSWER.fontSize, HEADER_ANSWER.lineHeight) : 0;
    }),
  );
  return Math.max(0, tallest - HEADER_ANSWER.fontSize * HEADER_ANSWER.lineHeight);
}

/** The header on every page: who, with whom, when. Blank lines on blank sheets, values on filled ones. */
export function Header({ ctx, values = {} }: { ctx: RenderContext; values?: HeaderValues }) {
  const widths = headerCellWidths(ctx, values);
  return (
    <View style={{ flexDirection: 'row', marginBottom: 14 }}>
      {HEADER_FIELDS.map((field, index) => (
        <View key={field.key} style={{ width: widths[index], marginLeft: index === 0 ? 0 : HEADER_GAP }}>
          <Text style={{ fontSize: theme.size.small, color: theme.colour.hint }}>{ctx.t(field.copy)}</Text>
          <View style={{ minHeight: 18, borderBottomWidth: 0.8, borderBottomColor: theme.colour.frame, justifyContent: 'flex-end' }}>
            {ctx.fillable ? (
              <FormSlot slot={{ kind: 'single', path: HEADER_PATHS[field.key], fontSize: FIELD_FONT.header }} />
            ) : values[field.key] ? (
              <Answer
                ctx={ctx}
                text={values[field.key]!}
                style={HEADER_ANSWER}
                width={widths[index]}
              />
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}

/** Room kept at the footer row's right for "page x of y" (about 40 pt at the footer's size). */
const PAGE_NUMBER_ROOM = 90;

/** The footer on every page: sheet, page x of y within the packet, and the sheet's credits. */
export function Footer({
  ctx,
  sheetTitle,
  credits,
  pageNumber,
  totalPages,
}: {
  ctx: RenderContext;
  sheetTitle: string;
  credits: string[];
  pageNumber: number;
  totalPages: number;
}) {
  return (
    <View style={{ marginTop: 10, borderTopWidth: 0.6, borderTopColor: theme.colour.rule, paddingTop: 4 }}>
      {/* The page number is placed over the row's right end, out of the flow, so that no page
          number can change the footer's height: every page of a template then leaves the same
          room for content, which lets the paginator measure it once (stableRegion). */}
      <View style={{ paddingRight: PAGE_NUMBER_ROOM }}>
        <Text style={{ fontSize: theme.size.footer, color: theme.colour.ink }}>
          {ctx.t('common.footer.sheet', { sheet: { title: sheetTitle } })}
        </Text>
        <Text style={{ position: 'absolute', top: 0, right: 0, fontSize: theme.size.footer, color: theme.colour.ink }}>
          {ctx.t('common.footer.page', { page: formatNumber(ctx, pageNumber), pages: formatNumber(ctx, totalPages) })}
        </Text>
      </View>
      <Text style={{ fontSize: theme.size.credit, color: theme.colour.hint, marginTop: 2, lineHeight: 1.3 }}>
        {credits.map((key) => ctx.t(key)).join(' ')}
      </Text>
    </View>
  );
}

/** Title block at the top of a sheet's first page. */
export function SheetTitle({
  ctx,
  step,
  title,
  intro,
  aim,
  email,
}: {
  ctx: RenderContext;
  step: string;
  title: string;
  intro: string;
  aim?: string;
  /** The learner's email, when the answers give one: printed once per sheet, not in every header. */
  email?: string;
}) {
  return (
    <View style={{ marginBottom: 10, flexDirection: 'row' }}>
      <View style={{ flex: 1 }}>
      <Text style={{ fontSize: theme.size.small, color: ctx.accent, fontWeight: 700, letterSpacing: 0.8 }}>
        {step.toUpperCase()}
      </Text>
      <Text style={{ fontSize: theme.size.title, fontWeight: 700, color: theme.colour.ink, marginTop: 1 }}>{title}</Text>
      <Text style={{ fontSize: theme.size.body, color: theme.colour.ink, marginTop: 3, lineHeight: 1.35 }}>{intro}</Text>
      {aim ? (
        <Text style={{ fontSize: theme.size.hint, color: theme.colour.hint, fontStyle: 'italic', marginTop: 2 }}>{aim}</Text>
      ) : null}
      {email ? (
        <View style={{ marginTop: 2, flexDirection: 'row' }}>
          <Text style={{ fontSize: theme.size.small, color: theme.colour.hint, marginRight: 4 }}>{ctx.t('common.email')}</Text>
          <View style={{ flex: 1 }}>
            {ctx.fillable ? (
              <View style={{ height: 12 }}>
                <FormSlot slot={{ kind: 'single', path: 'learner.email', fontSize: FIELD_FONT.header }} />
              </View>
            ) : (
              <Answer ctx={ctx} text={email} style={{ fontSize: theme.size.small }} width={contentWidth(ctx.paper) - 40} />
            )}
          </View>
        </View>
      ) : null}
      </View>
      <Brand ctx={ctx} />
    </View>
  );
}

/** The school's logo and name, top right of each sheet's first page, when the config gives them. */
function Brand({ ctx }: { ctx: RenderContext }) {
  const { name, logo } = ctx.institution ?? {};
  if (!name && !logo) return null;
  return (
    <View style={{ width: 150, marginLeft: 12, alignItems: 'flex-end' }}>
      {logo ? <Image src={{ data: logo.data, format: logo.format }} style={{ maxWidth: 150, maxHeight: 44, objectFit: 'contain' }} /> : null}
      {name ? (
        <Text style={{ fontSize: theme.size.small, color: theme.colour.ink, textAlign: 'right', marginTop: logo ? 3 : 0, lineHeight: 1.25 }}>{name}</Text>
      ) : null}
    </View>
  );
}

/** Room (in points) kept after a heading or prompt on its page, for the start of what follows:
 * a field's label and two lines of writing. */
export const HEADING_PRESENCE = 60;

/** A numbered section heading with its prompt, then the section's fields. */
export function SectionBlock({
  accent,
  first,
  number,
  heading,
  continued,
  prompt,
  whole = false,
  keepOpening = false,
  children,
}: {
  accent: string;
  /** Moves to the next page in one piece rather than breaking. */
  whole?: boolean;
  /**
   * The heading, prompt and first child move to the next page together when they do not fit
   * (React-PDF cannot move a \`fixed\` heading for its minPresenceAhead, so the heading is then
   * not repeated on continuation pages).
   */
  keepOpening?: boolean;
  /** First on its page: no space above. Spacing goes above blocks, never below, so that no
   * trailing margin spills onto a page of its own (with the section heading repeated on it). */
  first: boolean;
  number: number;
  heading: string;
  continued?: string;
  prompt?: string;
  children: ReactNode;
}) {
  const headingRow = (
    <View
      fixed={!keepOpening}
      minPresenceAhead={HEADING_PRESENCE}
      style={{ flexDirection: 'row', alignItems: 'center', borderBottomWidth: 1.2, borderBottomColor: accent, paddingBottom: 2 }}
    >
      <View
        style={{
          width: 18,
          height: 18,
          borderRadius: 9,
          backgroundColor: accent,
          alignItems: 'center',
          justifyContent: 'center',
          marginRight: 7,
        }}
      >
        <Text style={{ color: 'white', fontSize: 10, fontWeight: 700 }}>{String(number)}</Text>
      </View>
      <Text style={{ fontSize: theme.size.heading, fontWeight: 700, color: accent }}>
        {heading}
        {continued ? <Text style={{ fontSize: theme.size.body, fontWeight: 400, fontStyle: 'italic' }}>{`  ${continued}`}</Text> : null}
      </Text>
    </View>
  );
  const promptText = prompt ? (
    <Text minPresenceAhead={HEADING_PRESENCE} style={{ fontSize: theme.size.body, color: theme.colour.ink, marginTop: 4, lineHeight: 1.35 }}>
      {prompt}
    </Text>
  ) : null;
  if (keepOpening) {
    // The heading, prompt and first field as one block that moves to the next page together.
    const [opening, ...rest] = Children.toArray(children);
    return (
      <View wrap={!whole} style={{ marginTop: first ? 0 : theme.gap.section }}>
        <View wrap={false}>
          {headingRow}
          {promptText}
          <View style={{ marginTop: 4 }}>{opening}</View>
        </View>
        {rest}
      </View>
    );
  }
  return (
    <View wrap={!whole} style={{ marginTop: first ? 0 : theme.gap.section }}>
      {/* Fixed: when a long section flows onto another page, its heading comes along. */}
      {/* minPresenceAhead: a heading (and its prompt) never stands alone at the foot of a page. */}
      {headingRow}
      {promptText}
      <View style={{ marginTop: 4 }}>{children}</View>
    </View>
  );
}

/** A number as the document's locale writes it. */
export function formatNumber(ctx: RenderContext, value: number): string {
  return formatLocaleNumber(ctx.locale, value);
}

import type React from 'react';
import { Text, View } from '@react-pdf/renderer';
import { AREAS, type Area, type Contact } from '../../answers/schema.js';
import { listAt } from '../../worksheets/values.js';
import { estimateHeight, keepsTogether } from '../measure.js';
import { contentWidth, PAPER_SIZES } from '../paper.js';
import { theme } from '../theme.js';
import { Answer } from './answer.js';
import type { RenderContext } from './context.js';
import { LineSample, Star, TieMarker } from './primitives.js';
import { HEADING_PRESENCE } from './frame.js';

const ME_DIAMETER = 66;
/** Map height on Letter; taller paper gives the map its extra height. */
const LETTER_MAP_HEIGHT = 430;
const QUADRANT_PADDING = 8;
/** Room the area label and its description take at the quadrant's outer edge. */
const LABEL_BLOCK = 46;
/** Kept clear at the inner edge, where the Me circle sits. */
const CENTRE_CLEARANCE = ME_DIAMETER / 2 + 6;
const ENTRY_FONT = 9;
const ENTRY_GAP = 2;
const MARKER_WIDTH = 22;

/**
 * How much taller than one line the page header may grow before the map's section (heading,
 * prompt, map and legend, kept on one page) no longer fits under it: 124 pt on either paper.
 */
const HEADER_ROOM = 120;

/** The map's height: taller paper gives it its extra height; a header taller than HEADER_ROOM takes it. */
export function mapHeight(ctx: RenderContext): number {
  const headerTakes = Math.ceil(Math.max(0, (ctx.headerOverflow ?? 0) - HEADER_ROOM));
  return LETTER_MAP_HEIGHT + Math.floor(PAPER_SIZES[ctx.paper].height - PAPER_SIZES.letter.height) - headerTakes;
}

function entryText(contact: Contact): string {
  return contact.role ? `${contact.name} (${contact.role})` : contact.name;
}

/**
 * Splits an area's contacts into those that fit in its quadrant (in up to two columns) and those
 * that continue below the map. Estimates err towards continuing, so nothing is ever clipped.
 */
export function placeInQuadrant(contacts: readonly Contact[], quadrantWidth: number, quadrantHeight: number) {
  const available = quadrantHeight - 2 * QUADRANT_PADDING - LABEL_BLOCK - CENTRE_CLEARANCE;
  const fits = (columns: number) => {
    const columnWidth = (quadrantWidth - 2 * QUADRANT_PADDING) / columns - MARKER_WIDTH - 6;
    const placed: Contact[] = [];
    let used = 0;
    let column = 0;
    for (const contact of contacts) {
      const height = estimateHeight(entryText(contact), columnWidth, ENTRY_FONT, 1.3) + ENTRY_GAP;
      if (used + height > available) {
        column += 1;
        used = 0;
        if (column >= columns || height > available) break;
      }
      used += height;
      placed.push(contact);
    }
    return placed;
  };
  const one = fits(1);
  const placed = one.length === contacts.length ? one : fits(2);
  return { placed, columns: placed === one ? 1 : 2, overflow: contacts.slice(placed.length) };
}

/** Where each area's contacts go: in its quadrant, or on the follow-on page. */
function mapPlacements(ctx: RenderContext) {
  const height = mapHeight(ctx);
  const contacts = listAt<Contact>(ctx.answers, 'network.contacts');
  return new Map(
    AREAS.map((area) => [
      area,
      placeInQuadrant(
        contacts.filter((contact) => contact.area === area),
        contentWidth(ctx.paper) / 2,
        height / 2,
      ),
    ]),
  );
}

/** The quadrant template: one quadrant per area, Me at the centre, a black-and-white legend. */
export function QuadrantMap({ ctx }: { ctx: RenderContext }) {
  const height = mapHeight(ctx);
  const placements = mapPlacements(ctx);
  return (
    <View>
      <View wrap={false}>
        <View style={{ height, borderWidth: 1.2, borderColor: theme.colour.frame, position: 'relative' }}>
          {[0, 1].map((row) => (
            <View key={row} style={{ flexDirection: 'row', flex: 1 }}>
              {[0, 1].map((column) => {
                const area = AREAS[row * 2 + column]!;
                const { placed, columns } = placements.get(area)!;
                const label = <AreaLabel ctx={ctx} area={area} align={column === 0 ? 'left' : 'right'} />;
                const entries = <Entries ctx={ctx} contacts={placed} columns={columns} />;
                return (
                  <View
                    key={area}
                    style={{
                      flex: 1,
                      padding: QUADRANT_PADDING,
                      borderLeftWidth: column === 1 ? 1.2 : 0,
                      borderTopWidth: row === 1 ? 1.2 : 0,
                      borderColor: theme.colour.frame,
                      justifyContent: 'space-between',
                      alignItems: column === 0 ? 'flex-start' : 'flex-end',
                    }}
                  >
                    {row === 0 ? label : <View style={{ height: CENTRE_CLEARANCE }} />}
                    {entries}
                    {row === 1 ? label : <View style={{ height: CENTRE_CLEARANCE }} />}
                  </View>
                );
              })}
            </View>
          ))}
          <View
            style={{
              position: 'absolute',
              left: '50%',
              top: '50%',
              marginLeft: -ME_DIAMETER / 2,
              marginTop: -ME_DIAMETER / 2,
              width: ME_DIAMETER,
              height: ME_DIAMETER,
              borderRadius: ME_DIAMETER / 2,
              borderWidth: 2,
              borderColor: theme.colour.ink,
              backgroundColor: 'white',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            <Text style={{ fontSize: 14, fontWeight: 700 }}>{ctx.t('network.map.me')}</Text>
          </View>
        </View>
        <Legend ctx={ctx} />
      </View>
    </View>
  );
}

/** The tallest follow-on (estimated) that moves whole to the next page rather than leave its heading behind. */
const FOLLOW_ON_WHOLE_MAX_HEIGHT = 400;

/**
 * The follow-on's estimated height is under the limit: then it moves on whole where it does not fit
 * below the map. Entries sit two a row: half their total, plus the tallest for an uneven pairing.
 */
function followOnFitsWhole(ctx: RenderContext, areas: number, contacts: Contact[]): boolean {
  const half = (contentWidth(ctx.paper) - 14) / 2;
  const heights = contacts.map((contact) => estimateHeight(entryText(contact), half - MARKER_WIDTH, ENTRY_FONT, 1.3) + ENTRY_GAP);
  const entries = heights.reduce((sum, height) => sum + height, 0) / 2 + Math.max(0, ...heights);
  return 20 + areas * 24 + entries <= FOLLOW_ON_WHOLE_MAX_HEIGHT;
}

/** Room kept after the follow-on's heading: an area's label and its first entries. */
const FOLLOW_ON_PRESENCE = HEADING_PRESENCE + 40;

/**
 * The contacts that did not fit in their quadrant, after the map: on a page of its own after the
 * blank sheet's designed map page, or straight after the map where a filled sheet flows. It must
 * be a child of the page itself: React-PDF 4.9's paginator honours `break` only there.
 */
export function MapFollowOn({ ctx, startsPage = true }: { ctx: RenderContext; startsPage?: boolean }) {
  const placements = mapPlacements(ctx);
  const overflow = AREAS.filter((area) => placements.get(area)!.overflow.length > 0);
  if (overflow.length === 0) return null;
  return (
    <View {...(startsPage ? { break: true } : { wrap: !followOnFitsWhole(ctx, overflow.length, overflow.flatMap((area) => placements.get(area)!.overflow)), style: { marginTop: theme.gap.section } })}>
      <Text minPresenceAhead={FOLLOW_ON_PRESENCE} style={{ fontSize: theme.size.heading, fontWeight: 700, color: ctx.accent }}>
        {`${ctx.t('network.map.heading')} ${ctx.t('common.continued')}`}
      </Text>
      {overflow.map((area) => (
        <View key={area} style={{ marginTop: 6 }}>
          <View minPresenceAhead={30}>
            <Text style={{ fontSize: 11, fontWeight: 700, color: ctx.accent }}>{ctx.t(`network.map.${area}.label`)}</Text>
          </View>
          <Entries ctx={ctx} contacts={placements.get(area)!.overflow} columns={2} flowing />
        </View>
      ))}
    </View>
  );
}

function Entry({ ctx, contact, width }: { ctx: RenderContext; contact: Contact; width: number }) {
  return (
    <View
      style={{ flexDirection: 'row', alignItems: 'flex-start', marginBottom: ENTRY_GAP }}
      wrap={!keepsTogether(entryText(contact), width - MARKER_WIDTH, ENTRY_FONT, 1.3)}
    >
      <View style={{ width: MARKER_WIDTH, paddingTop: 3 }}>
        <TieMarker tie={contact.tie} size={8} />
      </View>
      <View style={{ flex: 1 }}>
        <Answer ctx={ctx} text={entryText(contact)} style={{ fontSize: ENTRY_FONT, lineHeight: 1.3 }} width={width - MARKER_WIDTH} />
      </View>
    </View>
  );
}

/** Contacts with their tie markers, in one or two columns (filled column by column). */
function Entries({ ctx, contacts, columns, flowing }: { ctx: RenderContext; contacts: Contact[]; columns: number; flowing?: boolean }) {
  if (contacts.length === 0) return <View />;
  if (flowing) {
    // Below the map, a long list flows over pages in reading order: short entries two a row,
    // a long one on its own, free to break across pages.
    const width = contentWidth(ctx.paper);
    const half = (width - 14) / 2;
    const short = (contact: Contact) => keepsTogether(entryText(contact), half - MARKER_WIDTH, ENTRY_FONT, 1.3);
    const rows: Contact[][] = [];
    for (const contact of contacts) {
      const last = rows.at(-1);
      if (last && last.length === 1 && short(last[0]!) && short(contact)) last.push(contact);
      else rows.push([contact]);
    }
    return (
      <View>
        {rows.map((row, index) =>
          short(row[0]!) ? (
            <View key={index} style={{ flexDirection: 'row' }} wrap={false}>
              {[row[0], row[1]].map((contact, column) => (
                <View key={column} style={{ flex: 1, flexBasis: 0, marginLeft: column === 0 ? 0 : 14 }}>
                  {contact ? <Entry ctx={ctx} contact={contact} width={half} /> : null}
                </View>
              ))}
            </View>
          ) : (
            <Entry key={index} ctx={ctx} contact={row[0]!} width={width} />
          ),
        )}
      </View>
    );
  }
  const perColumn = Math.ceil(contacts.length / columns);
  return (
    <View style={{ flexDirection: 'row', alignSelf: 'stretch', flexGrow: 1 }}>
      {Array.from({ length: columns }, (_, column) => (
        <View key={column} style={{ flex: 1, flexBasis: 0, marginLeft: column === 0 ? 0 : 8 }}>
          {contacts.slice(column * perColumn, (column + 1) * perColumn).map((contact, index) => (
            <Entry key={index} ctx={ctx} contact={contact} width={(contentWidth(ctx.paper) / 2 - 2 * QUADRANT_PADDING - 8 * (columns - 1)) / columns} />
          ))}
        </View>
      ))}
    </View>
  );
}

function AreaLabel({ ctx, area, align }: { ctx: RenderContext; area: Area; align: 'left' | 'right' }) {
  return (
    <View style={{ maxWidth: 190 }}>
      <Text style={{ fontSize: 11, fontWeight: 700, color: ctx.accent, textAlign: align }}>
        {ctx.t(`network.map.${area}.label`)}
      </Text>
      <Text style={{ fontSize: theme.size.hint, fontStyle: 'italic', color: theme.colour.hint, textAlign: align, lineHeight: 1.3 }}>
        {ctx.t(`network.map.${area}.hint`)}
      </Text>
    </View>
  );
}

function Legend({ ctx }: { ctx: RenderContext }) {
  const item = (marker: React.ReactNode, label: string) => (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginLeft: 16 }}>
      {marker}
      <Text style={{ fontSize: theme.size.body, marginLeft: 5 }}>{label}</Text>
    </View>
  );
  return (
    <View style={{ flexDirection: 'row', alignItems: 'center', marginTop: 6 }}>
      <Text style={{ fontSize: theme.size.body, fontWeight: 700 }}>{ctx.t('network.legend.title')}</Text>
      {item(<LineSample dashed={false} />, ctx.t('network.legend.strong'))}
      {item(<LineSample dashed />, ctx.t('network.legend.weak'))}
      {item(<Star size={11} />, ctx.t('network.legend.mentor'))}
    </View>
  );
}

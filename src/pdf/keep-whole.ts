/**
 * Which blocks of a flowing (filled) sheet move to the next page whole instead of breaking.
 * Estimates are deliberately generous: they only choose whether a block may break, and a block kept
 * whole must never be taller than the room a page has for it.
 */
import type { Field, Section } from '../worksheets/model.js';
import { fieldsOf } from '../worksheets/model.js';
import { listAt, textAt } from '../worksheets/values.js';
import { tableHeight } from '../fields/table.js';
import { mapHeight } from './components/quadrant.js';
import type { RenderContext } from './components/context.js';
import { estimateHeight, keepsTogether } from './measure.js';
import { contentWidth, MARGIN, PAPER_SIZES } from './paper.js';
import { theme } from './theme.js';

/** A field's label line (and hint) above its writing space. */
const LABEL = 16;
/** A section's heading with its rule and spacing. */
const HEADING = 34;
/** One checklist option, box and words on one line. */
const OPTION = 18;
/** Room the header and footer take from a page, generously (about 46 pt and 50 pt). */
const FRAME_HEIGHT = 110;

/**
 * A checklist is short and its options read as one list: it moves to the next page whole rather
 * than leaving its last options alone at the top of a page. A long write-in "Other" answer may be
 * taller than a page, so that checklist stays free to break.
 */
export function movesWhole(field: Field, ctx: RenderContext): boolean {
  if (field.kind !== 'checklist') return false;
  return !field.other || keepsTogether(textAt(ctx.answers, field.other.path), contentWidth(ctx.paper), theme.size.answer);
}

/** Generous height of a field; undefined for kinds too long to keep whole (the connection lists). */
function fieldHeight(field: Field, ctx: RenderContext): number | undefined {
  // Half the width: side labels and two-column rows leave at least that much for the answer.
  const text = (path: string, width = contentWidth(ctx.paper) / 2) => estimateHeight(textAt(ctx.answers, path) ?? '', width, theme.size.answer) + 8;
  switch (field.kind) {
    case 'writing':
      return LABEL + Math.max((field.lines + (field.grows ? ctx.extraLines : 0)) * theme.linePitch, text(field.path));
    case 'short':
      return Math.max(theme.linePitch, text(field.path)) + 8;
    case 'ifThen': {
      const part = (key: 'if' | 'then') => Math.max(theme.linePitch, text(`${field.path}.${key}`, contentWidth(ctx.paper) / 3));
      return LABEL + part('if') + part('then');
    }
    case 'list': {
      // Each row as tall as its own item: one item of many lines makes the list tall.
      const items = listAt<string>(ctx.answers, field.path);
      const width = contentWidth(ctx.paper) / (field.columns ?? 1) / 2;
      let rows = 0;
      for (let index = 0; index < Math.max(field.rows, items.length); index++) {
        const item = items[index];
        rows += Math.max(theme.linePitch, item ? estimateHeight(item, width, theme.size.answer) + 8 : 0);
      }
      return LABEL + rows / (field.columns ?? 1) + theme.linePitch;
    }
    case 'table':
      return tableHeight(field, ctx);
    case 'quadrantMap':
      // The map, its legend and the follow-on's heading room.
      return mapHeight(ctx) + 30;
    case 'checklist':
      return LABEL + Math.ceil(field.options.length / (field.columns ?? 1)) * OPTION + (field.other ? text(field.other.path) : 0);
    default:
      return undefined;
  }
}

/** Room a section has on a page (header and footer taken off, generously). */
function pageRoom(ctx: RenderContext): number {
  return PAPER_SIZES[ctx.paper].height - 2 * MARGIN - FRAME_HEIGHT;
}

function headingHeight(section: Section, ctx: RenderContext): number {
  return HEADING + (section.prompt ? estimateHeight(ctx.t(section.prompt), contentWidth(ctx.paper), theme.size.body, 1.35) + 4 : 0);
}

/**
 * A flowing section's heading and prompt go to a new page with its first field when that field
 * cannot break anyway (the map, a checklist) or is short (up to a third of a page): no heading then
 * stands at a page's foot over a field that went on to the next page. A longer field keeps its
 * freedom to break, as moving it whole could leave most of a page empty and add one.
 */
export function keepsOpening(section: Section, ctx: RenderContext): boolean {
  const first = section.items[0];
  if (!first || first.kind === 'row') return false;
  const height = fieldHeight(first, ctx);
  if (height === undefined) return false;
  const kept = first.kind === 'quadrantMap' || movesWhole(first, ctx) || height <= pageRoom(ctx) / 3;
  return kept && headingHeight(section, ctx) + height <= pageRoom(ctx);
}

/**
 * The sheet's closing section moves to a new page whole when it does not fit, instead of leaving
 * its last field (a review date, say) alone on the sheet's last page. It is the last section, so
 * moving it never adds a page: splitting it would start that page anyway. Only a section that
 * surely fits on a page is kept whole.
 */
export function keepsSectionWhole(section: Section, ctx: RenderContext): boolean {
  let height = headingHeight(section, ctx);
  for (const field of section.items.flatMap(fieldsOf)) {
    const each = fieldHeight(field, ctx);
    if (each === undefined) return false;
    height += each + theme.gap.field;
  }
  return height <= pageRoom(ctx);
}

/**
 * Each form field's tooltip (/TU), which screen readers announce and readers show on hover: the
 * prompt printed by the field; in lists and tables also the row and column ("Five people to add,
 * row 2: Why this person"); for the date and the session number, the format expected.
 */
import { fieldsOf, type Sheet } from '../../worksheets/model.js';
import { SHEETS } from '../../worksheets/index.js';
import { fieldTooltipsOf, type Translate } from '../../fields/index.js';

export type { Translate } from '../../fields/index.js';

const HEADER: Record<string, string> = {
  'learner.name': 'common.header.name',
  'learner.program': 'common.header.program',
  'coach.name': 'common.header.coach',
  'session.date': 'common.header.date',
  'session.number': 'common.header.session',
  'learner.email': 'common.email',
};
const FORMAT_HINT: Record<string, string> = { 'session.date': 'common.form.dateHint', 'session.number': 'common.form.numberHint' };

/** Tooltips of the fields whose path has no row index, and patterns for the rows of lists and tables. */
interface Prompts {
  fixed: Map<string, string>;
  /** List or table path → its printed name and, for tables, each key's column label. */
  rows: Map<string, { list: string; columns: Map<string, string> }>;
}

function prompts(t: Translate): Prompts {
  const fixed = new Map<string, string>();
  const rows = new Map<string, { list: string; columns: Map<string, string> }>();
  for (const [path, key] of Object.entries(HEADER)) fixed.set(path, FORMAT_HINT[path] ? `${t(key)} (${t(FORMAT_HINT[path])})` : t(key));
  for (const sheet of Object.values(SHEETS) as Sheet[]) {
    for (const section of sheet.pages.flat()) {
      const heading = t(section.heading);
      for (const field of section.items.flatMap(fieldsOf)) {
        const { fixed: named = [], rows: list } = fieldTooltipsOf(field, t, heading);
        for (const [path, tooltip] of named) fixed.set(path, tooltip);
        if (list) rows.set(list.path, { list: list.list, columns: list.columns });
      }
    }
  }
  return { fixed, rows };
}

/**
 * The tooltip maker for one document. `contactRow` gives a contact row's list (its tie) and its
 * row number in that list, as the sheet draws them.
 */
export function fieldTooltips(t: Translate, contactRow: (index: number) => { tie: string; row: number } | undefined): (path: string) => string | undefined {
  const { fixed, rows } = prompts(t);
  const contactColumns: Record<string, string> = {
    name: t('network.connections.name'),
    role: t('network.connections.role'),
    area: t('common.form.area'),
    notes: t('common.form.notes'),
  };
  return (path) => {
    const known = fixed.get(path);
    if (known !== undefined) return known;
    const indexed = /^(.+)\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (!indexed) return undefined;
    const [, listPath, indexText, key] = indexed as unknown as [string, string, string, string | undefined];
    const index = Number(indexText);
    if (listPath === 'network.contacts' && key) {
      const place = contactRow(index);
      if (!place) return undefined;
      return `${t(`network.connections.${place.tie}`)}, ${t('common.form.row')} ${place.row}: ${contactColumns[key] ?? key}`;
    }
    const list = rows.get(listPath);
    if (!list) return undefined;
    const row = `${list.list}, ${t('common.form.row')} ${index + 1}`;
    return key ? `${row}: ${list.columns.get(key) ?? key}` : row;
  };
}

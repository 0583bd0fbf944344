/**
 * The form, generated from the worksheet model (src/worksheets/) and the copy: each field's label
 * and hint are the words printed on the sheet, and each control edits the answers path the PDF
 * prints from.
 */
import { LIMITS } from '../answers/limits.js';
import { formatNumber } from '../copy/format.js';
import { AREAS, TIES } from '../answers/schema.js';
import type { CharacterBoxesField, ChecklistField, ConnectionListsField, Field, IfThenField, ListField, Section, Sheet, ShortField, TableField, WritingField } from '../worksheets/model.js';
import { fieldsOf } from '../worksheets/model.js';
import { getAt, type Draft } from './draft.js';
import { el, fieldId } from './dom.js';
import type { UiText } from './ui-text.js';

export interface FormContext {
  /** Copy text with the document's variables (as the PDF's components call it). */
  t: (key: string, variables?: Record<string, string>) => string;
  /** The sheets' language, for numbers as the PDF writes them. */
  locale: string;
  ui: UiText;
  draft: () => Draft;
  /** A value typed: saved and previewed; the form is not rebuilt. */
  update: (path: string, value: unknown) => void;
  /** A structural change (rows): the form is rebuilt, then `focus` (an element id) is focused. */
  restructure: (path: string, value: unknown, focus: string, announcement: string) => void;
}

function text(draft: Draft, path: string): string {
  const value = getAt(draft, path);
  return typeof value === 'string' ? value : value === undefined ? '' : String(value);
}

/** The place where problems with `path` are shown (validation fills it). */
export function errorSlot(path: string): HTMLElement {
  return el('p', { class: 'error', id: `${fieldId(path)}-error`, 'data-error-for': path, hidden: true });
}

function describedBy(...ids: (string | undefined)[]): string {
  return ids.filter(Boolean).join(' ');
}

/** A labelled text box (one line or several) with its hint and error slot. */
export function textControl(ctx: FormContext, path: string, label: string, options: { hint?: string; multiline?: boolean; autocomplete?: string; inputmode?: string } = {}): HTMLElement {
  const id = fieldId(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const attributes = {
    id,
    name: path,
    'data-path': path,
    'aria-describedby': describedBy(hintId, `${id}-error`),
    autocomplete: options.autocomplete ?? 'off',
    inputmode: options.inputmode,
    value: text(ctx.draft(), path),
    oninput: (event: Event) => ctx.update(path, (event.target as HTMLInputElement).value),
  };
  const control = options.multiline ? el('textarea', { ...attributes, rows: 3 }) : el('input', { ...attributes, type: 'text' });
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    options.hint ? el('p', { class: 'hint', id: hintId }, options.hint) : undefined,
    control,
    errorSlot(path),
  );
}

function writing(ctx: FormContext, field: WritingField | ShortField): HTMLElement {
  return textControl(ctx, field.path, ctx.t(field.label), { hint: field.hint && ctx.t(field.hint), multiline: field.kind === 'writing' });
}

function ifThen(ctx: FormContext, field: IfThenField): HTMLElement {
  const legendId = `${fieldId(field.path)}-legend`;
  return el(
    'fieldset',
    { class: 'group', 'aria-describedby': field.hint ? `${fieldId(field.path)}-hint` : undefined },
    el('legend', { id: legendId }, ctx.t(field.label)),
    field.hint ? el('p', { class: 'hint', id: `${fieldId(field.path)}-hint` }, ctx.t(field.hint)) : undefined,
    textControl(ctx, `${field.path}.if`, ctx.t(field.ifLabel)),
    textControl(ctx, `${field.path}.then`, ctx.t(field.thenLabel)),
    errorSlot(field.path),
  );
}

/** The most items the answers format allows at a list's path. */
function maxItems(path: string): number {
  const key = path.split('.').pop() as keyof typeof LIMITS.items;
  return (LIMITS.items as Record<string, number>)[key] ?? 20;
}

/** A record row's cell: the answers key it edits and the control's label. */
interface Cell {
  key: string;
  label: string;
  /** A choice among fixed values (answers value → printed words); a text box otherwise. */
  options?: readonly (readonly [string, string])[];
  /** A choice that moves the row elsewhere (the tie): the form is rebuilt when it changes. */
  moves?: boolean;
}

interface RowsSpec {
  /** The answers path of the array. */
  path: string;
  /** Unique id prefix of this group's buttons. */
  base: string;
  label: string;
  hint?: string;
  /** Record rows: one control per cell. Absent: the rows are strings, one text box each. */
  cells?: Cell[];
  /** The array's indices shown in this group, in order (all of them, or one tie's contacts). */
  shown: (items: unknown[]) => number[];
  /** A new row (a contacts row carries its tie). */
  blank: () => unknown;
  /** With no rows, an empty row to type into (its index is the array's length). */
  placeholder: boolean;
}

/** The id of a row's control: the answers path of the value it edits. */
function cellId(spec: RowsSpec, index: number, key?: string): string {
  return fieldId(`${spec.path}[${index}]${key ? `.${key}` : ''}`);
}

/**
 * Rows you can add, remove and move by buttons (keyboard and pointer alike), or by Alt+Arrow keys
 * in a row. After each change the focus stays on the row it concerns, and a live region says what
 * happened. Typing changes the draft without rebuilding the form, so every action reads the draft
 * when it happens, not when the form was built.
 */
function rows(ctx: FormContext, spec: RowsSpec): HTMLElement {
  const current = (): unknown[] => {
    const items = getAt(ctx.draft(), spec.path);
    return Array.isArray(items) ? [...items] : [];
  };
  const items = current();
  const shown = spec.shown(items);
  const indices = shown.length === 0 && spec.placeholder ? [items.length] : shown;
  const firstKey = spec.cells?.[0]?.key;
  const change = (next: unknown[], focus: string, announcement: string) => ctx.restructure(spec.path, next, focus, announcement);
  const move = (position: number, to: number, key: string | undefined) => {
    const next = current();
    const at = spec.shown(next);
    if (to < 0 || to >= at.length || position >= at.length) return;
    const [a, b] = [at[position]!, at[to]!];
    [next[a], next[b]] = [next[b], next[a]];
    change(next, cellId(spec, b, key ?? firstKey), ctx.ui.rowMoved);
  };
  const setCell = (index: number, key: string | undefined, value: string, restructure: boolean) => {
    const next = current();
    const row = next[index] ?? spec.blank();
    next[index] = key === undefined ? value : { ...(row as Record<string, unknown>), [key]: value };
    if (restructure) change(next, cellId(spec, index, key), ctx.ui.rowMoved);
    else ctx.update(spec.path, next);
  };
  const describe = (id: string) => describedBy(spec.hint ? `${spec.base}-hint` : undefined, `${id}-error`);
  const entries = indices.map((index, position) => {
    const rowLabel = `${spec.label}: ${ctx.ui.row} ${position + 1}`;
    const value = items[index];
    const control = (cell: Cell | undefined): HTMLElement => {
      const id = cellId(spec, index, cell?.key);
      const path = `${spec.path}[${index}]${cell ? `.${cell.key}` : ''}`;
      const raw = cell ? (value as Record<string, unknown> | undefined)?.[cell.key] : value;
      const text = typeof raw === 'string' ? raw : '';
      const common = { id, 'data-path': path, 'data-key': cell?.key, 'aria-describedby': describe(id) };
      const input = cell?.options
        ? el(
            'select',
            { ...common, onchange: (event: Event) => setCell(index, cell.key, (event.target as HTMLSelectElement).value, !!cell.moves) },
            ...(cell.moves ? [] : [el('option', { value: '', selected: text === '' }, '—')]),
            ...cell.options.map(([optionValue, words]) => el('option', { value: optionValue, selected: optionValue === text }, words)),
          )
        : el('input', { ...common, type: 'text', autocomplete: 'off', value: text, oninput: (event: Event) => setCell(index, cell?.key, (event.target as HTMLInputElement).value, false) });
      const label = cell
        ? el('label', { for: id }, el('span', { class: 'visually-hidden' }, `${rowLabel}: `), cell.label)
        : el('label', { for: id, class: 'row-number' }, el('span', { class: 'visually-hidden' }, `${spec.label}: ${ctx.ui.row} `), `${position + 1}`);
      return cell ? el('div', { class: 'cell' }, label, input, errorSlot(path)) : el('div', { class: 'cell single' }, label, input);
    };
    const controls = spec.cells ? spec.cells.map(control) : [control(undefined)];
    return el(
      'li',
      {
        class: spec.cells ? 'row record' : 'row',
        onkeydown: (event: Event) => {
          const key = event as KeyboardEvent;
          if (!key.altKey || (key.key !== 'ArrowUp' && key.key !== 'ArrowDown')) return;
          key.preventDefault();
          move(position, key.key === 'ArrowUp' ? position - 1 : position + 1, (key.target as HTMLElement).dataset.key);
        },
      },
      spec.cells ? el('p', { class: 'row-title', 'aria-hidden': 'true' }, `${ctx.ui.row} ${position + 1}`) : undefined,
      ...controls,
      el(
        'div',
        { class: 'row-buttons' },
        el('button', { type: 'button', class: 'small', 'aria-label': `${ctx.ui.moveUp}: ${rowLabel}`, disabled: position === 0, onclick: () => move(position, position - 1, undefined) }, '↑'),
        el('button', { type: 'button', class: 'small', 'aria-label': `${ctx.ui.moveDown}: ${rowLabel}`, disabled: position === indices.length - 1, onclick: () => move(position, position + 1, undefined) }, '↓'),
        el(
          'button',
          {
            type: 'button',
            class: 'small',
            'aria-label': `${ctx.ui.removeRow}: ${rowLabel}`,
            onclick: () => {
              const next = current();
              next.splice(index, 1);
              const left = spec.shown(next);
              const focus = left.length > 0 ? cellId(spec, left[Math.min(position, left.length - 1)]!, firstKey) : `${spec.base}-add`;
              change(next, focus, ctx.ui.rowRemoved);
            },
          },
          '×',
        ),
      ),
      spec.cells ? undefined : errorSlot(`${spec.path}[${index}]`),
    );
  });
  return el(
    'fieldset',
    { class: 'group' },
    el('legend', {}, spec.label),
    spec.hint ? el('p', { class: 'hint', id: `${spec.base}-hint` }, spec.hint) : undefined,
    el('ol', { class: 'rows' }, ...entries),
    el(
      'button',
      {
        type: 'button',
        id: `${spec.base}-add`,
        'data-path': spec.path,
        disabled: items.length >= maxItems(spec.path),
        onclick: () => {
          const next = current();
          change([...next, spec.blank()], cellId(spec, next.length, firstKey), ctx.ui.rowAdded);
        },
      },
      `${ctx.ui.addRow}: ${spec.label}`,
    ),
    errorSlot(spec.path),
  );
}

const all = (items: unknown[]) => items.map((_, i) => i);

function list(ctx: FormContext, field: ListField, label: string): HTMLElement {
  return rows(ctx, { path: field.path, base: fieldId(field.path), label, hint: field.hint && ctx.t(field.hint), shown: all, blank: () => '', placeholder: true });
}

function areaOptions(ctx: FormContext): [string, string][] {
  return AREAS.map((area) => [area, ctx.t(`network.map.${area}.label`)]);
}

function table(ctx: FormContext, field: TableField, label: string): HTMLElement {
  const cells = field.columns.flatMap((column): Cell[] => {
    const options = column.key === 'area' ? areaOptions(ctx) : undefined;
    // A cell that prints two answers ("Name / role") is edited as the two answers it prints.
    if (column.alsoKey) return [{ key: column.key, label: ctx.t('network.connections.name') }, { key: column.alsoKey, label: ctx.t('network.connections.role') }];
    return [{ key: column.key, label: ctx.t(column.label), options }];
  });
  return rows(ctx, { path: field.path, base: fieldId(field.path), label, hint: field.hint && ctx.t(field.hint), cells, shown: all, blank: () => ({}), placeholder: true });
}

/** The three lists of connections, one per tie, all editing network.contacts in its own order. */
function connectionLists(ctx: FormContext, field: ConnectionListsField): HTMLElement {
  const ties: [string, string][] = TIES.map((tie) => [tie, ctx.t(`network.connections.${tie}`)]);
  const cells: Cell[] = [
    { key: 'name', label: ctx.t('network.connections.name') },
    { key: 'role', label: ctx.t('network.connections.role') },
    { key: 'area', label: ctx.t('common.form.area'), options: areaOptions(ctx) },
    { key: 'notes', label: ctx.t('common.form.notes') },
    { key: 'tie', label: ctx.ui.tie, options: ties, moves: true },
  ];
  return el(
    'div',
    { class: 'connections' },
    ...ties.map(([tie, label]) =>
      rows(ctx, {
        path: field.path,
        base: `${fieldId(field.path)}-${tie}`,
        label,
        cells,
        shown: (items) => all(items).filter((i) => (items[i] as { tie?: unknown } | undefined)?.tie === tie),
        blank: () => ({ tie }),
        placeholder: false,
      }),
    ),
  );
}

/** Checkboxes; the answers keep the ticked values in the order they were ticked. */
function checklist(ctx: FormContext, field: ChecklistField, label: string): HTMLElement {
  const base = fieldId(field.path);
  const ticked = (): string[] => {
    const value = getAt(ctx.draft(), field.path);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  const now = ticked();
  return el(
    'fieldset',
    { class: 'group checklist', 'aria-describedby': describedBy(field.hint ? `${base}-hint` : undefined, `${base}-error`) },
    el('legend', {}, label),
    field.hint ? el('p', { class: 'hint', id: `${base}-hint` }, ctx.t(field.hint)) : undefined,
    ...field.options.map((option) => {
      const id = `${base}-${option.value}`;
      return el(
        'div',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          id,
          'data-path': field.path,
          checked: now.includes(option.value),
          onchange: (event: Event) => {
            const on = (event.target as HTMLInputElement).checked;
            const rest = ticked().filter((v) => v !== option.value);
            ctx.update(field.path, on ? [...rest, option.value] : rest);
          },
        }),
        el('label', { for: id }, ctx.t(option.label)),
      );
    }),
    field.other ? textControl(ctx, field.other.path, ctx.t(field.other.label)) : undefined,
    errorSlot(field.path),
  );
}

/** The bio: a text box with its character count, as the sheet counts it, said as it changes. */
function characterCount(ctx: FormContext, field: CharacterBoxesField): HTMLElement {
  const id = fieldId(field.path);
  const countText = (value: string) => {
    const count = [...value].length;
    return ctx.t('social.bio.count', { count: formatNumber(ctx.locale, count), limit: formatNumber(ctx.locale, field.limit) });
  };
  const count = el('p', { class: 'count', id: `${id}-count`, 'aria-live': 'polite' }, countText(text(ctx.draft(), field.path)));
  const over = (value: string) => count.classList.toggle('over', [...value].length > field.limit);
  over(text(ctx.draft(), field.path));
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, ctx.t(field.label)),
    field.hint ? el('p', { class: 'hint', id: `${id}-hint` }, ctx.t(field.hint)) : undefined,
    el('textarea', {
      id,
      name: field.path,
      'data-path': field.path,
      rows: 3,
      'aria-describedby': describedBy(field.hint ? `${id}-hint` : undefined, `${id}-count`, `${id}-error`),
      value: text(ctx.draft(), field.path),
      oninput: (event: Event) => {
        const value = (event.target as HTMLTextAreaElement).value;
        count.textContent = countText(value);
        over(value);
        ctx.update(field.path, value);
      },
    }),
    count,
    errorSlot(field.path),
  );
}

function fieldControl(ctx: FormContext, field: Field, sectionHeading: string): HTMLElement | undefined {
  switch (field.kind) {
    case 'writing':
    case 'short':
      return writing(ctx, field);
    case 'ifThen':
      return ifThen(ctx, field);
    case 'list':
      return list(ctx, field, field.label ? ctx.t(field.label) : sectionHeading);
    case 'table':
      return table(ctx, field, field.label ? ctx.t(field.label) : sectionHeading);
    case 'checklist':
      return checklist(ctx, field, field.label ? ctx.t(field.label) : sectionHeading);
    case 'characterBoxes':
      return characterCount(ctx, field);
    case 'connectionLists':
      return connectionLists(ctx, field);
    case 'quadrantMap':
      // The map prints network.contacts by area: the connection lists above edit them.
      return undefined;
  }
}

/** The sheet's sections as the form shows them: a section continued on a later page is one section. */
export function formSections(sheet: Sheet): Section[] {
  const sections: Section[] = [];
  for (const section of sheet.pages.flat()) {
    const previous = sections[sections.length - 1];
    if (section.continued && previous) sections[sections.length - 1] = { ...previous, items: [...previous.items, ...section.items] };
    else sections.push(section);
  }
  return sections;
}

/** One sheet as a form section: its title, introduction, and every section's fields in print order. */
export function sheetForm(ctx: FormContext, sheet: Sheet): HTMLElement {
  const sections = formSections(sheet);
  return el(
    'section',
    { class: 'sheet', id: `sheet-${sheet.id}`, 'aria-labelledby': `sheet-${sheet.id}-title`, 'data-sheet': sheet.id },
    el('h2', { id: `sheet-${sheet.id}-title` }, ctx.t(sheet.title)),
    el('p', { class: 'intro' }, ctx.t(sheet.intro)),
    ...sections.map((section) => {
      const heading = ctx.t(section.heading);
      return el(
        'section',
        { class: 'section', 'aria-labelledby': `sec-${sheet.id}-${section.id} sheet-${sheet.id}-title` },
        el('h3', { id: `sec-${sheet.id}-${section.id}` }, heading),
        section.prompt ? el('p', { class: 'prompt' }, ctx.t(section.prompt)) : undefined,
        ...section.items.flatMap(fieldsOf).map((field) => fieldControl(ctx, field, heading)),
      );
    }),
  );
}

/** The header every sheet prints: name, program, coach, date, session. */
export function headerForm(ctx: FormContext): HTMLElement {
  return el(
    'section',
    { class: 'sheet', 'aria-labelledby': 'header-title' },
    el('h2', { id: 'header-title' }, ctx.ui.header),
    el(
      'div',
      { class: 'header-grid' },
      textControl(ctx, 'learner.name', ctx.t('common.header.name'), { autocomplete: 'name' }),
      textControl(ctx, 'learner.program', ctx.t('common.header.program')),
      textControl(ctx, 'coach.name', ctx.t('common.header.coach')),
      textControl(ctx, 'session.date', ctx.t('common.header.date'), { hint: ctx.ui.dateHint, inputmode: 'numeric' }),
      textControl(ctx, 'session.number', ctx.t('common.header.session'), { inputmode: 'numeric' }),
    ),
    errorSlot('learner'),
  );
}

/**
 * The form, generated from the worksheet model (src/worksheets/) and the copy: each field's label
 * and hint are the words printed on the sheet, and each control edits the answers path the PDF
 * prints from.
 */
import { LIMITS } from '../answers/limits.js';
import type { Field, IfThenField, ListField, Sheet, ShortField, WritingField } from '../worksheets/model.js';
import { fieldsOf } from '../worksheets/model.js';
import { getAt, type Draft } from './draft.js';
import { el, fieldId } from './dom.js';
import type { UiText } from './ui-text.js';

export interface FormContext {
  /** Copy text with the document's variables (as the PDF's components call it). */
  t: (key: string) => string;
  ui: UiText;
  draft: () => Draft;
  /** A value typed: saved and previewed; the form is not rebuilt. */
  update: (path: string, value: unknown) => void;
  /** A structural change (rows): the form is rebuilt, then `focus` (an element id) is focused. */
  restructure: (path: string, value: unknown, focus: string, announcement: string) => void;
}

/** The kinds this form edits; a sheet is offered when it has no other kind. */
const EDITABLE = new Set<Field['kind']>(['writing', 'short', 'ifThen', 'list']);

export function isEditable(sheet: Sheet): boolean {
  return sheet.pages.flat().every((section) => section.items.flatMap(fieldsOf).every((field) => EDITABLE.has(field.kind)));
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

/**
 * A list with numbered rows: add, remove and move by buttons (keyboard and pointer alike), or by
 * Alt+Arrow keys in a row. After each change the focus stays on the row it concerns, and a live
 * region says what happened.
 */
function list(ctx: FormContext, field: ListField, label: string): HTMLElement {
  const base = fieldId(field.path);
  // Rows as they are now: typing changes the draft without rebuilding the form, so a row action
  // must read the draft when it happens, not when the form was built.
  const current = (): string[] => {
    const items = (getAt(ctx.draft(), field.path) as string[] | undefined) ?? [];
    return items.length > 0 ? [...items] : [''];
  };
  const rows = current();
  const change = (next: string[], focus: string, announcement: string) => ctx.restructure(field.path, next, focus, announcement);
  const move = (from: number, to: number) => {
    const next = current();
    if (to < 0 || to >= next.length) return;
    [next[from], next[to]] = [next[to]!, next[from]!];
    change(next, `${base}-${to}`, ctx.ui.rowMoved);
  };
  const entries = rows.map((value, i) => {
    const id = `${base}-${i}`;
    const path = `${field.path}[${i}]`;
    const rowLabel = `${label}: ${ctx.ui.row} ${i + 1}`;
    return el(
      'li',
      { class: 'row' },
      el('label', { for: id, class: 'row-number' }, el('span', { class: 'visually-hidden' }, `${label}: ${ctx.ui.row} `), `${i + 1}`),
      el('input', {
        id,
        type: 'text',
        'data-path': path,
        'aria-describedby': describedBy(field.hint ? `${base}-hint` : undefined, `${id}-error`),
        value,
        autocomplete: 'off',
        oninput: (event: Event) => ctx.update(path, (event.target as HTMLInputElement).value),
        onkeydown: (event: Event) => {
          const key = event as KeyboardEvent;
          if (!key.altKey || (key.key !== 'ArrowUp' && key.key !== 'ArrowDown')) return;
          key.preventDefault();
          move(i, key.key === 'ArrowUp' ? i - 1 : i + 1);
        },
      }),
      el('button', { type: 'button', class: 'small', 'aria-label': `${ctx.ui.moveUp}: ${rowLabel}`, disabled: i === 0, onclick: () => move(i, i - 1) }, '↑'),
      el('button', { type: 'button', class: 'small', 'aria-label': `${ctx.ui.moveDown}: ${rowLabel}`, disabled: i === rows.length - 1, onclick: () => move(i, i + 1) }, '↓'),
      el(
        'button',
        {
          type: 'button',
          class: 'small',
          'aria-label': `${ctx.ui.removeRow}: ${rowLabel}`,
          onclick: () => {
            const next = current().filter((_, j) => j !== i);
            change(next, next.length > 0 ? `${base}-${Math.min(i, next.length - 1)}` : `${base}-add`, ctx.ui.rowRemoved);
          },
        },
        '×',
      ),
      errorSlot(path),
    );
  });
  return el(
    'fieldset',
    { class: 'group' },
    el('legend', {}, label),
    field.hint ? el('p', { class: 'hint', id: `${base}-hint` }, ctx.t(field.hint)) : undefined,
    el('ol', { class: 'rows' }, ...entries),
    el(
      'button',
      {
        type: 'button',
        id: `${base}-add`,
        disabled: rows.length >= maxItems(field.path),
        onclick: () => {
          const next = current();
          change([...next, ''], `${base}-${next.length}`, ctx.ui.rowAdded);
        },
      },
      `${ctx.ui.addRow}: ${label}`,
    ),
    errorSlot(field.path),
  );
}

function fieldControl(ctx: FormContext, field: Field, sectionHeading: string): HTMLElement {
  switch (field.kind) {
    case 'writing':
    case 'short':
      return writing(ctx, field);
    case 'ifThen':
      return ifThen(ctx, field);
    case 'list':
      return list(ctx, field, field.label ? ctx.t(field.label) : sectionHeading);
    default:
      throw new Error(`the form cannot edit a ${field.kind} field yet`);
  }
}

/** One sheet as a form section: its title, introduction, and every section's fields in print order. */
export function sheetForm(ctx: FormContext, sheet: Sheet): HTMLElement {
  const sections = sheet.pages.flat().filter((section) => !section.continued);
  return el(
    'section',
    { class: 'sheet', id: `sheet-${sheet.id}`, 'aria-labelledby': `sheet-${sheet.id}-title`, 'data-sheet': sheet.id },
    el('h2', { id: `sheet-${sheet.id}-title` }, ctx.t(sheet.title)),
    el('p', { class: 'intro' }, ctx.t(sheet.intro)),
    ...sections.map((section) => {
      const heading = ctx.t(section.heading);
      return el(
        'section',
        { class: 'section', 'aria-labelledby': `sec-${sheet.id}-${section.id}` },
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

/**
 * What is wrong with the answers a form holds, all at once, in `validate`'s words, each located by
 * the form field to correct and the page it is on.
 *
 * The answers are checked as `validate` checks a file: written out as JSON and passed through the
 * same schema and the same issue wording (src/answers/issues.ts). Empty rows are closed up before
 * that check, so a list index in the check's path is mapped back to the row on the form.
 */
import { parseTree } from 'jsonc-parser';
import type { PDFDocument, PDFField } from 'pdf-lib';
import { PDFArray, PDFRef } from 'pdf-lib';
import { issueToProblems } from '../answers/issues.js';
import { LineIndex } from '../answers/position.js';
import { AnswersSchema } from '../answers/schema.js';
import { joinPath, type PathKey } from './paths.js';

/** A problem with one form field: the field's name (its answers path) and what is wrong, in plain words. */
export interface FieldProblem {
  field: string;
  message: string;
  /** How the field is named in the message when not by its name (a field import does not know). */
  label?: string;
}

/**
 * The schema's problems with `answers` (rows closed up), each named by the field it comes from in
 * `rows` (the answers as the form lays them out, empty rows included).
 */
export function schemaProblems(answers: Record<string, unknown>, rows: Record<string, unknown>): FieldProblem[] {
  const parsed = AnswersSchema.safeParse(answers, { jitless: true }); // jitless: see answers/load.ts
  if (parsed.success) return [];
  const text = JSON.stringify(answers, null, 2);
  const root = parseTree(text);
  if (!root) return [];
  const ctx = { schema: AnswersSchema, file: '', text, root, lines: new LineIndex(text) };
  return parsed.error.issues.flatMap((issue) => {
    const keys = issue.path.filter((key): key is PathKey => typeof key === 'string' || typeof key === 'number');
    const field = joinPath(formKeys(keys, rows));
    return issueToProblems(issue, ctx).map((problem) => ({ field, message: problem.message }));
  });
}

/** Whether a value holds nothing (what closing up rows drops). */
function isEmpty(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return Array.from(value).every(isEmpty);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/** A path into the closed-up answers → the same place on the form (the n-th kept row's own index). */
function formKeys(keys: readonly PathKey[], rows: unknown): PathKey[] {
  const out: PathKey[] = [];
  let node: unknown = rows;
  for (const key of keys) {
    if (typeof key === 'number' && Array.isArray(node)) {
      const kept = Array.from({ length: node.length }, (_, index) => index).filter((index) => !isEmpty(node && (node as unknown[])[index]));
      const index = kept[key] ?? key;
      out.push(index);
      node = (node as unknown[])[index];
    } else {
      out.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<PathKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

/** Each field's first page (1-based), from the pages' widget annotations. */
export function fieldPages(doc: PDFDocument, fields: readonly PDFField[]): Map<string, number> {
  const pageOfWidget = new Map<PDFRef, number>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.Annots();
    if (!(annots instanceof PDFArray)) return;
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      if (ref instanceof PDFRef && !pageOfWidget.has(ref)) pageOfWidget.set(ref, index + 1);
    }
  });
  const pages = new Map<string, number>();
  for (const field of fields) {
    const widgetRefs = [field.ref, ...field.acroField.getWidgets().map((widget) => doc.context.getObjectRef(widget.dict))];
    const found = widgetRefs.map((ref) => (ref ? pageOfWidget.get(ref) : undefined)).filter((page): page is number => page !== undefined);
    if (found.length > 0) pages.set(field.getName(), Math.min(...found));
  }
  return pages;
}

/** One line to print, and the form field (answers path) it is about. */
export interface LocatedLine {
  field: string;
  line: string;
}

/**
 * The lines to print, one per problem, in page order (the order found within a page):
 * `filled.pdf: page 2: network.contacts[3].area: …`. A problem whose field is not on the form
 * (a checklist's list, say) takes the page of the first field inside it.
 */
export function formatFieldProblems(source: string, problems: readonly FieldProblem[], pages: ReadonlyMap<string, number>): LocatedLine[] {
  const pageOf = (field: string): number | undefined => {
    const exact = pages.get(field);
    if (exact !== undefined) return exact;
    for (const [name, page] of pages) if (name.startsWith(`${field}.`) || name.startsWith(`${field}[`)) return page;
    return undefined;
  };
  // One message per field: a row's own "empty, but…" says more than the schema's "missing" about
  // the same field or the group around it (`learner` when learner.name is empty).
  const unique = problems.filter(
    (problem, index) => !problems.slice(0, index).some(({ field }) => field === problem.field || field.startsWith(`${problem.field}.`) || field.startsWith(`${problem.field}[`)),
  );
  return unique
    .map((problem, order) => ({ problem, order, page: pageOf(problem.field) }))
    .sort((a, b) => (a.page ?? Infinity) - (b.page ?? Infinity) || a.order - b.order)
    .map(({ problem, page }) => ({
      field: problem.field,
      line: `${source}: ${page !== undefined ? `page ${page}: ` : ''}${problem.label ?? printable(problem.field)}: ${problem.message}`,
    }));
}

/** A field name as it can be printed: control characters shown as \u escapes, long names cut. */
export function printable(name: string): string {
  const shown = name.replace(/[\p{Cc}\p{Cf}]/gu, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return shown.length > 120 ? `${shown.slice(0, 120)}…` : shown;
}

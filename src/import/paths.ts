/**
 * Which form field names `import` reads: exactly the answers paths the answers schema knows, with
 * list indexes inside the schema's list limits. Deriving the whitelist from the schema (rather than
 * trusting whatever a PDF calls its fields) keeps a field such as `__proto__.x` or
 * `goals.priorities[999999999]` from reaching an object or an array.
 */
import * as z from 'zod';
import { AnswersSchema } from '../answers/schema.js';

export type PathKey = string | number;

export type FieldPath = { ok: true; keys: PathKey[] } | { ok: false; reason: string };

/** Top-level keys that describe the file, not the learner: never a form field. */
const NOT_FIELDS = new Set(['$schema', 'version']);

/** Indexes longer than this are refused before they are turned into numbers. */
const MAX_INDEX_DIGITS = 6;

/** The answers path a form field is named by, checked against the answers schema. */
export function fieldPath(name: string, schema: z.ZodType = AnswersSchema): FieldPath {
  const keys = splitPath(name);
  if (!keys) return { ok: false, reason: 'is not an answers path (such as goals.focus or network.contacts[0].name)' };
  if (typeof keys[0] === 'string' && NOT_FIELDS.has(keys[0])) return { ok: false, reason: 'is not a question on the worksheets' };
  let node: z.ZodType | undefined = schema;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    node = unwrap(node!);
    const def = node._zod.def;
    const where = joinPath(keys.slice(0, i));
    if (def.type === 'object' && typeof key === 'string') {
      const shape = (def as z.core.$ZodObjectDef).shape;
      if (!Object.hasOwn(shape, key)) return { ok: false, reason: `is not a question on the worksheets (${where || 'the answers file'} has no "${key}")` };
      node = shape[key] as z.ZodType;
    } else if (def.type === 'array' && typeof key === 'number') {
      const max = maxItemsOf(node);
      if (max !== undefined && key >= max) return { ok: false, reason: `is row ${key + 1} of ${where}, which holds at most ${max}` };
      node = (def as z.core.$ZodArrayDef).element as z.ZodType;
    } else {
      return { ok: false, reason: `is not a question on the worksheets (${where || 'the answers file'} has no ${typeof key === 'number' ? `row ${key + 1}` : `"${key}"`})` };
    }
  }
  const leaf = unwrap(node!)._zod.def.type;
  if (leaf === 'object' || leaf === 'array') return { ok: false, reason: 'names a group of questions, not one answer' };
  return { ok: true, keys };
}

/** `network.contacts[3].name` → ['network', 'contacts', 3, 'name']; undefined when malformed. */
export function splitPath(name: string): PathKey[] | undefined {
  const keys: PathKey[] = [];
  for (const part of name.split('.')) {
    const match = /^([A-Za-z$][A-Za-z0-9_$]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    keys.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) {
      if (index[1]!.length > MAX_INDEX_DIGITS) return undefined;
      keys.push(Number(index[1]));
    }
  }
  return keys;
}

/** ['network', 'contacts', 3, 'name'] → `network.contacts[3].name`. */
export function joinPath(keys: readonly PathKey[]): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');
}

/** Sets a value at whitelisted keys, creating objects and arrays on the way. */
export function setAtKeys(root: Record<string, unknown>, keys: readonly PathKey[], value: unknown): void {
  let node = root as Record<PathKey, unknown>;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    const existing = node[key];
    if (existing === null || typeof existing !== 'object') node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<PathKey, unknown>;
  });
}

/** The schema inside optional, nullable, default and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  for (;;) {
    const def = node._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'readonly') && def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else return node;
  }
}

/** A list's limit, as the answers schema records it (`maxItems` in its metadata). */
function maxItemsOf(schema: z.ZodType): number | undefined {
  const max = (z.globalRegistry.get(schema) as { maxItems?: unknown } | undefined)?.maxItems;
  return typeof max === 'number' ? max : undefined;
}

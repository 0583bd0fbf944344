/** Answers paths, as the worksheet model names fields and the fillable forms name their fields. */

/** Splits an answers path into keys and indices: `network.contacts[3].name` → ['network', 'contacts', 3, 'name']. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`not an answers path: ${path}`);
    keys.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/** The value at an answers path (`goals.woop.wish`, `network.contacts[3].name`), or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  let value = root;
  for (const key of pathKeys(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Keys that reach an object's prototype rather than an answer: a path through them could change every object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Sets a value at an answers path, creating objects and arrays on the way.
 * @throws Error when a key of the path would reach a prototype (`__proto__.x`). Reading a form
 *   back goes through the answers schema's whitelist instead (src/import/paths.ts).
 */
export function setAtPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
  if (keys.some((key) => typeof key === 'string' && PROTOTYPE_KEYS.has(key))) throw new Error(`not an answers path: ${path}`);
  let node: Record<string | number, unknown> = root;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = keys[index + 1];
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
}

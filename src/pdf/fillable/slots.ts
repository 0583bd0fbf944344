/**
 * Form slots: while React-PDF lays the page out, each place that becomes a form field is marked by
 * a placeholder widget whose name carries what the field is (see `encodeSlot`). Post-processing
 * (`makeFillable`) reads the placeholders' rectangles, removes them and builds the real fields with
 * pdf-lib, so every field's name, kind, font, value and appearance is under our control.
 */

/** What a form field holds. */
export type SlotKind =
  /** Multi-line text (written answers, long cells). */
  | 'multi'
  /** Single-line text (short answers, names, dates). */
  | 'single'
  /** A checkbox: `path` is the checklist's path plus the option's value (`social.purposes.learn`). */
  | 'check'
  /** A dropdown of the four network areas (value: the area, display: its printed name). */
  | 'area';

export interface Slot {
  kind: SlotKind;
  /** The field's name: its answers path (`goals.woop.wish`, `network.contacts[3].name`). */
  path: string;
  /** Fixed font size of the text (never 0, which readers take as "auto size"). */
  fontSize: number;
  /** On a contact's name: the tie of the list the row is in (strong, weak, mentor). */
  tie?: string;
}

const PREFIX = 'pln-slot';

export function encodeSlot(slot: Slot): string {
  return `${PREFIX}|${slot.kind}|${slot.fontSize}|${slot.tie ?? ''}|${slot.path}`;
}

export function decodeSlot(name: string): Slot | undefined {
  const [prefix, kind, size, tie, ...rest] = name.split('|');
  if (prefix !== PREFIX || !kind || !size || tie === undefined || rest.length === 0) return undefined;
  if (!['multi', 'single', 'check', 'area'].includes(kind)) return undefined;
  return { kind: kind as SlotKind, fontSize: Number(size), path: rest.join('|'), ...(tie ? { tie } : {}) };
}

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

/** The value at an answers path with indices, or undefined. */
export function valueAtPath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of pathKeys(path)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Sets a value at an answers path, creating objects and arrays on the way. */
export function setAtPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = pathKeys(path);
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

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
  /**
   * One part of a field that flows over pages: its widgets show the text one after another,
   * where a field's other widgets (the header on every page) each show all of it.
   */
  flow?: boolean;
}

const PREFIX = 'pln-slot';

export function encodeSlot(slot: Slot): string {
  return `${PREFIX}|${slot.kind}|${slot.fontSize}|${slot.flow ? 'flow' : ''}|${slot.tie ?? ''}|${slot.path}`;
}

export function decodeSlot(name: string): Slot | undefined {
  const [prefix, kind, size, flow, tie, ...rest] = name.split('|');
  if (prefix !== PREFIX || !kind || !size || flow === undefined || tie === undefined || rest.length === 0) return undefined;
  if (!['multi', 'single', 'check', 'area'].includes(kind)) return undefined;
  return { kind: kind as SlotKind, fontSize: Number(size), path: rest.join('|'), ...(tie ? { tie } : {}), ...(flow ? { flow: true } : {}) };
}

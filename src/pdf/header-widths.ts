/**
 * Widths of the header's cells. A blank header keeps its fixed proportions (room to write a
 * name, a program, a coach). A filled one sizes its cells to what they print, the way a table's
 * automatic layout does: a cell whose text fits on one line gets that line's width, and the cells
 * that still need more share what is left by their usual proportions. Short values (a date, a
 * session number) then give their room to a long coach's name and title, which stays on one line
 * where the header has room for it, and still wraps where it has not.
 */
import { estimateWidth } from './measure.js';

export interface HeaderCell {
  /** Share of the width on a blank header. */
  weight: number;
  /** Estimated width, in points, of the cell's label and of its value on one line. */
  label: number;
  value?: number;
}

/** Estimated widths run short on some fonts: a cell is given this much more than its text's estimate. */
const ESTIMATE_MARGIN = 1.08;

export function headerWidths(cells: readonly HeaderCell[], available: number): number[] {
  const totalWeight = cells.reduce((sum, cell) => sum + cell.weight, 0);
  const proportional = cells.map((cell) => (available * cell.weight) / totalWeight);
  if (cells.every((cell) => cell.value === undefined)) return proportional;
  // An empty cell on a filled header is still room to write by hand: it keeps its usual share.
  const need = cells.map((cell, index) => (cell.value === undefined ? proportional[index]! : Math.max(cell.label, cell.value) * ESTIMATE_MARGIN));
  const totalNeed = need.reduce((sum, each) => sum + each, 0);
  if (totalNeed <= available) {
    // Everything fits on one line: the room left over is shared by the usual proportions.
    return need.map((each, index) => each + ((available - totalNeed) * cells[index]!.weight) / totalWeight);
  }
  // Cells that fit their usual share keep only what they need; the others share the rest.
  const fixed = new Set<number>();
  for (;;) {
    const rest = available - [...fixed].reduce((sum, index) => sum + need[index]!, 0);
    const openWeight = cells.reduce((sum, cell, index) => (fixed.has(index) ? sum : sum + cell.weight), 0);
    const share = (index: number) => (rest * cells[index]!.weight) / openWeight;
    const fits = cells.findIndex((_, index) => !fixed.has(index) && need[index]! <= share(index));
    if (fits === -1) return cells.map((_, index) => (fixed.has(index) ? need[index]! : share(index)));
    fixed.add(fits);
  }
}

/** A text's estimated width on one line at the given size (undefined for no text). */
export function lineWidth(text: string | undefined, fontSize: number): number | undefined {
  return text ? estimateWidth(text, fontSize) : undefined;
}

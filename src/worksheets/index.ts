import { goalSheet } from './goals.js';
import { networkSheet } from './network.js';
import { socialSheet } from './social.js';
import { SHEET_IDS, type Sheet, type SheetId } from './model.js';

export * from './model.js';

export const SHEETS: Record<SheetId, Sheet> = { goals: goalSheet, network: networkSheet, social: socialSheet };

/** Sheets in packet order, whatever order they were asked for in. */
export function sheetsInOrder(ids: Iterable<SheetId>): Sheet[] {
  const wanted = new Set(ids);
  return SHEET_IDS.filter((id) => wanted.has(id)).map((id) => SHEETS[id]);
}

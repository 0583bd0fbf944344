import { PAPERS, type Paper } from '../pdf/paper.js';
import { SHEET_IDS, type SheetId } from '../worksheets/model.js';
import { UsageError } from './errors.js';

/** `--sheet goals --sheet network`, `--sheet goals,social` or `--sheet all`. */
export function parseSheets(values: readonly string[] | undefined): SheetId[] | undefined {
  if (!values || values.length === 0) return undefined;
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return [...SHEET_IDS];
  const unknown = names.filter((name) => !(SHEET_IDS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown sheet "${unknown[0]}": choose from ${[...SHEET_IDS, 'all'].join(', ')}`);
  }
  return [...new Set(names as SheetId[])];
}

export function parsePaper(value: string | undefined): Paper {
  const paper = (value ?? 'letter').toLowerCase();
  if (!(PAPERS as readonly string[]).includes(paper)) {
    throw new UsageError(`unknown paper "${value}": choose letter or a4`);
  }
  return paper as Paper;
}

/** `--locale`: a language tag (en, es, pt-BR), which also names a templates folder. */
export function parseLocale(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value)) {
    throw new UsageError(`--locale: "${value}" is not a language tag like en, es or pt-BR`);
  }
  return value;
}

/**
 * The date written into PDFs: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds
 * convention) when set, otherwise a fixed date, so reruns give identical bytes.
 */
export function pdfDateFromEnvironment(env: NodeJS.ProcessEnv, fallback: Date): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d{1,12}$/.test(raw.trim())) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, found "${raw}"`);
  }
  return new Date(Number(raw.trim()) * 1000);
}

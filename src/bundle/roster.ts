/**
 * Workshop rosters: a CSV file with a `name` column and an optional `program` column, one
 * participant per row. Parsing is pure (bytes in, participants or located problems out); reading
 * the file is `loadRosterFile`.
 *
 * What is accepted, so that a roster exported from a spreadsheet works as it is: UTF-8 with or
 * without a byte-order mark; comma-separated (or, when the header row has semicolons or tabs and
 * no commas, the separator it uses); fields in double quotes holding commas, doubled quotes and
 * line breaks; CRLF, LF or CR line ends; blank rows and rows of empty cells (skipped); columns in
 * any order, with any capitalisation, other columns ignored. Whitespace in a name (line breaks
 * included) is collapsed to single spaces, since the name prints on one header line.
 *
 * What is refused, with the file, line and what is wrong: no `name` column, a row with a
 * program but no name, a row with more cells than the header (an unquoted comma in a name), an
 * unclosed quote, text that is not UTF-8, a name or program longer than the header can print.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { findEncodingProblem } from '../answers/decode.js';
import { LIMITS } from '../answers/limits.js';

/** Control characters other than the white space that `oneLine` folds (tab, line breaks). */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

export interface Participant {
  name: string;
  program?: string;
  /** 1-based line of the row in the roster file. */
  line: number;
}

/** A problem with a roster, located for a person to fix it (line 0: the file as a whole). */
export interface RosterProblem {
  file: string;
  line: number;
  message: string;
}

export type RosterResult = { ok: true; participants: Participant[] } | { ok: false; problems: RosterProblem[] };

/** Largest roster file: 1 MiB, thousands of participants. */
export const ROSTER_MAX_BYTES = 1024 * 1024;

export function formatRosterProblem(problem: RosterProblem): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

interface Row {
  cells: string[];
  line: number;
}

/** Parses a roster's bytes. Never throws for bad input: every failure is a located problem. */
export function parseRoster(bytes: Uint8Array, file: string): RosterResult {
  const fail = (line: number, message: string): RosterResult => ({ ok: false, problems: [{ file, line, message }] });
  const encoding = findEncodingProblem(bytes);
  if (encoding?.kind === 'utf16') return fail(1, `the file is saved as UTF-16${encoding.bom ? '' : ' (without a byte-order mark)'}; save it as CSV UTF-8`);
  if (encoding) {
    const byte = encoding.byte.toString(16).toUpperCase().padStart(2, '0');
    return fail(lineAt(bytes, encoding.offset), `this line is not valid UTF-8 (byte 0x${byte} at byte offset ${encoding.offset}; the file may be saved as Windows-1252 or Latin-1); save it as CSV UTF-8`);
  }
  const text = new TextDecoder('utf-8').decode(bytes); // drops a leading byte-order mark
  if (text.trim() === '') return fail(0, 'the roster is empty: it needs a header row with a "name" column, then one row per participant');

  let rows: Row[];
  try {
    rows = readRows(text);
  } catch (error) {
    if (error instanceof CsvError) return fail(csvErrorLine(error, text), csvErrorMessage(error));
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) return fail(0, 'the roster is empty: it needs a header row with a "name" column');
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const nameColumns = columns.flatMap((column, index) => (column === 'name' ? [index] : []));
  const programColumns = columns.flatMap((column, index) => (column === 'program' ? [index] : []));
  if (nameColumns.length === 0) {
    const found = header.cells.map((cell) => `"${cell.trim()}"`).join(', ');
    return fail(header.line, `no "name" column: the header row (the first row) must name the columns, e.g. name,program; found ${found}`);
  }
  if (nameColumns.length > 1) return fail(header.line, 'the header row has more than one "name" column');
  if (programColumns.length > 1) return fail(header.line, 'the header row has more than one "program" column');
  const nameIndex = nameColumns[0]!;
  const programIndex = programColumns[0];

  const problems: RosterProblem[] = [];
  const participants: Participant[] = [];
  for (const row of body) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (row.cells.length > header.cells.length) {
      problems.push({
        file,
        line: row.line,
        message:
          `this row has ${row.cells.length} cells but the header has ${header.cells.length} columns; ` +
          'a name or program containing a comma must be in double quotes, e.g. "Lima, Ana"',
      });
      continue;
    }
    const control = [row.cells[nameIndex], programIndex === undefined ? undefined : row.cells[programIndex]]
      .map((cell) => CONTROL_CHARACTER.exec(cell ?? '')?.[0])
      .find((found) => found !== undefined);
    if (control) {
      const code = `U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push({ file, line: row.line, message: `this row has a control character (${code}), which cannot be printed; delete it` });
      continue;
    }
    const name = oneLine(row.cells[nameIndex] ?? '');
    const program = programIndex === undefined ? '' : oneLine(row.cells[programIndex] ?? '');
    if (name === '') {
      problems.push({ file, line: row.line, message: 'the name is empty' });
      continue;
    }
    const long = [
      ['name', name],
      ['program', program],
    ].find(([, value]) => [...value!].length > LIMITS.headerChars);
    if (long) {
      problems.push({
        file,
        line: row.line,
        message: `the ${long[0]} is ${[...long[1]!].length} characters long; the limit is ${LIMITS.headerChars} (it prints in the header of every page)`,
      });
      continue;
    }
    participants.push({ name, ...(program ? { program } : {}), line: row.line });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (participants.length === 0) return fail(0, 'the roster has no participants: add one row per participant under the header row');
  return { ok: true, participants };
}

/** Reads and parses a roster file; a missing or unreadable file is a problem, not an exception. */
export async function loadRosterFile(path: string): Promise<RosterResult> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) return { ok: false, problems: [{ file: path, line: 0, message: 'is a directory, not a roster file' }] };
    const buffer = new Uint8Array(ROSTER_MAX_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > ROSTER_MAX_BYTES) {
      return { ok: false, problems: [{ file: path, line: 0, message: 'the roster is larger than the limit of 1 MiB' }] };
    }
    return parseRoster(buffer.subarray(0, length), path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'cannot read the file: permission denied' : `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, problems: [{ file: path, line: 0, message }] };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Every record with the line it starts on (a quoted field may span lines). */
function readRows(text: string): Row[] {
  const records = parse(text, {
    delimiter: sniffDelimiter(text),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    raw: true,
  }) as unknown as { record: string[]; raw: string }[];
  const rows: Row[] = [];
  let line = 1;
  for (const { record, raw } of records) {
    // A record's raw text includes the blank lines skipped before it and its own line end.
    const leading = /^(?:\r\n|\r|\n)*/.exec(raw)?.[0] ?? '';
    rows.push({ cells: record, line: line + lineBreaks(leading) });
    line += lineBreaks(raw);
  }
  return rows;
}

/** A comma unless the header row has no comma but does have semicolons (or tabs). */
function sniffDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  if (firstLine.includes('\t')) return '\t';
  return ',';
}

function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

function oneLine(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a double quote opens a field here and is never closed; close it, or double a quote inside a field ("")';
    default:
      return `cannot read this line as CSV (${error.message})`;
  }
}

function csvErrorLine(error: CsvError, text: string): number {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return lineOfUnclosedQuote(text) ?? 0;
  const line = (error as unknown as { lines?: unknown }).lines;
  return typeof line === 'number' ? line : 0;
}

/** The line of a quote that opens a field and is never closed (CSV quoting rules). */
function lineOfUnclosedQuote(text: string): number | undefined {
  let line = 1;
  let opened: number | undefined;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (opened !== undefined) {
      if (char === '"') {
        if (text[i + 1] === '"') i++;
        else opened = undefined;
      } else if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
      continue;
    }
    if (char === '"' && fieldStart) opened = line;
    else if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
    fieldStart = char === ',' || char === ';' || char === '\t' || char === '\n' || char === '\r';
  }
  return opened;
}

/** The 1-based line of a byte offset (line feeds before it, plus one). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

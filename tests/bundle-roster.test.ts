/**
 * Workshop rosters: what a coach exports from a spreadsheet must work as it is, and a roster
 * that cannot be read is reported with the file, the line and what is wrong.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRosterProblem, loadRosterFile, parseRoster, type RosterResult } from '../src/bundle/roster.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function participants(text: string | Uint8Array) {
  const result = parseRoster(typeof text === 'string' ? utf8(text) : text, 'roster.csv');
  if (!result.ok) expect.fail(result.problems.map(formatRosterProblem).join('\n'));
  return result.participants;
}

function problems(text: string | Uint8Array): string[] {
  const result: RosterResult = parseRoster(typeof text === 'string' ? utf8(text) : text, 'roster.csv');
  if (result.ok) expect.fail(`expected a problem, got ${JSON.stringify(result.participants)}`);
  return result.problems.map(formatRosterProblem);
}

describe('roster parsing', () => {
  it('reads names and programs, in roster order, with the line of each row', () => {
    expect(participants('name,program\nAna Lima,MD 2028\nBob Smith,PA 2027\n')).toEqual([
      { name: 'Ana Lima', program: 'MD 2028', line: 2 },
      { name: 'Bob Smith', program: 'PA 2027', line: 3 },
    ]);
  });

  it('needs only a name column; the program is optional per row and as a column', () => {
    expect(participants('name\nAna\nBob')).toEqual([
      { name: 'Ana', line: 2 },
      { name: 'Bob', line: 3 },
    ]);
    expect(participants('name,program\nAna,\nBob')).toEqual([
      { name: 'Ana', line: 2 },
      { name: 'Bob', line: 3 },
    ]);
  });

  it('finds the columns in any order and capitalisation, and ignores other columns', () => {
    expect(participants('Email, Program ,NAME\nana@example.org,MD,Ana Lima\n')).toEqual([{ name: 'Ana Lima', program: 'MD', line: 2 }]);
  });

  it('keeps commas and doubled quotes inside quoted fields', () => {
    expect(participants('name,program\n"Lima, Ana","MD, Year 1"\n"Ana ""Nana"" Lima",MD\n')).toEqual([
      { name: 'Lima, Ana', program: 'MD, Year 1', line: 2 },
      { name: 'Ana "Nana" Lima', program: 'MD', line: 3 },
    ]);
  });

  it('reads a line break inside quotes as part of the field (printed on one line), and counts lines right after it', () => {
    expect(participants('name,program\n"Ana\nLima",MD\nBob,PA\n')).toEqual([
      { name: 'Ana Lima', program: 'MD', line: 2 },
      { name: 'Bob', program: 'PA', line: 4 },
    ]);
  });

  it('takes a byte-order mark, CRLF line ends and UTF-8 names of any script', () => {
    expect(participants('\uFEFFname,program\r\nZoë Ærøskøbing,MD\r\n陈静怡,临床医学\r\nمريم الحسيني,طب\r\n')).toEqual([
      { name: 'Zoë Ærøskøbing', program: 'MD', line: 2 },
      { name: '陈静怡', program: '临床医学', line: 3 },
      { name: 'مريم الحسيني', program: 'طب', line: 4 },
    ]);
  });

  it('skips blank rows and rows of empty cells, and trims spaces around names', () => {
    expect(participants('name,program\n\n  Ana Lima  , MD \n,\n,,\n\nBob\n\n')).toEqual([
      { name: 'Ana Lima', program: 'MD', line: 3 },
      { name: 'Bob', line: 7 },
    ]);
  });

  it('reads a semicolon-separated export (a spreadsheet in a comma-decimal locale)', () => {
    expect(participants('name;program\nLima, Ana;MD\n')).toEqual([{ name: 'Lima, Ana', program: 'MD', line: 2 }]);
  });

  it('keeps a stray quote inside an unquoted name', () => {
    expect(participants('name\nAna "Nana" Lima\n')).toEqual([{ name: 'Ana "Nana" Lima', line: 2 }]);
  });
});

describe('a bad roster is a located error', () => {
  it('no name column: line 1, naming the columns found', () => {
    expect(problems('first,last\nAna,Lima\n')).toEqual([
      'roster.csv:1: no "name" column: the header row (the first row) must name the columns, e.g. name,program; found "first", "last"',
    ]);
  });

  it('a header row missing entirely (the first participant taken as the header)', () => {
    expect(problems('Ana Lima,MD\nBob,PA\n')[0]).toMatch(/^roster\.csv:1: no "name" column/);
  });

  it('an unquoted comma in a name: the row, and how to fix it', () => {
    expect(problems('name,program\nAna,MD\nLima, Ana,MD\n')).toEqual([
      'roster.csv:3: this row has 3 cells but the header has 2 columns; a name or program containing a comma must be in double quotes, e.g. "Lima, Ana"',
    ]);
  });

  it('a quote that is never closed: the line where it opens', () => {
    expect(problems('name,program\nAna,MD\n"Bob,PA\nCleo,MD\n')).toEqual([
      'roster.csv:3: a double quote opens a field here and is never closed; close it, or double a quote inside a field ("")',
    ]);
  });

  it('a program without a name, reported with every other such row', () => {
    expect(problems('name,program\n,MD\nAna,MD\n ,PA\n')).toEqual(['roster.csv:2: the name is empty', 'roster.csv:4: the name is empty']);
  });

  it('text that is not UTF-8 (a Latin-1 export): the line', () => {
    const latin1 = Uint8Array.from([...utf8('name\nAna\nZo'), 0xeb, 0x0a]);
    expect(problems(latin1)).toEqual([
      'roster.csv:3: this line is not valid UTF-8 (byte 0xEB at byte offset 11; the file may be saved as Windows-1252 or Latin-1); save it as CSV UTF-8',
    ]);
  });

  it('UTF-16', () => {
    expect(problems(Uint8Array.from([0xff, 0xfe, 0x6e, 0x00]))[0]).toMatch(/^roster\.csv:1: the file is saved as UTF-16/);
  });

  it('an empty roster, and a roster of a header only', () => {
    expect(problems('')).toEqual(['roster.csv: the roster is empty: it needs a header row with a "name" column, then one row per participant']);
    expect(problems('\uFEFF\n\n')[0]).toMatch(/the roster is empty/);
    expect(problems('name,program\n,\n')).toEqual(['roster.csv: the roster has no participants: add one row per participant under the header row']);
  });

  it('a name too long for the header line', () => {
    expect(problems(`name\n${'x'.repeat(121)}\n`)).toEqual([
      'roster.csv:2: the name is 121 characters long; the limit is 120 (it prints in the header of every page)',
    ]);
  });

  it('two name columns', () => {
    expect(problems('name,Name\nAna,Bob\n')).toEqual(['roster.csv:1: the header row has more than one "name" column']);
  });

  it('a missing file, a folder', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roster-'));
    const missing = path.join(dir, 'nope.csv');
    expect(await loadRosterFile(missing)).toEqual({ ok: false, problems: [{ file: missing, line: 0, message: 'no such file' }] });
    expect(await loadRosterFile(dir)).toEqual({ ok: false, problems: [{ file: dir, line: 0, message: 'is a directory, not a roster file' }] });
    const file = path.join(dir, 'ok.csv');
    await writeFile(file, 'name\nAna\n');
    expect(await loadRosterFile(file)).toEqual({ ok: true, participants: [{ name: 'Ana', line: 2 }] });
  });
});

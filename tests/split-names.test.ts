/** The file names and the index of a split bundle (`bundle --split`). */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { safeSlug } from '../src/cli/output.js';
import { indexCsv } from '../src/cli/split.js';
import { splitFileNamer, type SplitStem } from '../src/cli/split-names.js';

/** A folder's names, in packet order, as `bundle --split` gives them one by one. */
const splitFileNames = (stems: readonly SplitStem[], suffix: string) => stems.map(splitFileNamer(suffix));

describe('split file names', () => {
  it("are fill's slugs; a taken slug gets the first free -2, -3 in packet order, whatever the case", () => {
    const stems = ['Ana Lima', 'Doe, Jo', 'ana lima', 'ANA LIMA', 'Ana Lima 2', 'Zoë Ünal'].map((name) => ({ name, fallback: 'x' }));
    expect(splitFileNames(stems, '')).toEqual(['ana-lima.pdf', 'doe-jo.pdf', 'ana-lima-2.pdf', 'ana-lima-3.pdf', 'ana-lima-2-2.pdf', `${safeSlug('Zoë Ünal')}.pdf`]);
    expect(splitFileNames(stems, '-fillable')[0]).toBe('ana-lima-fillable.pdf');
    // The same packets in the same order: the same names.
    expect(splitFileNames(stems, '')).toEqual(splitFileNames(stems, ''));
  });

  it('fall back to the file name (then "packet") when a name has no letters, and never shadow the index', () => {
    expect(splitFileNames([{ name: '🙂', fallback: 'learner-7' }, { name: '', fallback: '' }, { name: 'Index', fallback: 'x' }], '')).toEqual(['learner-7.pdf', 'packet.pdf', 'index-2.pdf']);
  });
});

describe('index.csv', () => {
  it('has a header and one row per file, quoted where CSV needs it, and reads back as written', () => {
    const text = indexCsv([
      { name: 'Doe, Jo', program: 'PGY1 "surgery"', file: 'doe-jo.pdf' },
      { name: 'Ana Lima', file: 'ana-lima.pdf' },
    ]);
    expect(text).toBe('\uFEFFname,program,file\n"Doe, Jo","PGY1 ""surgery""",doe-jo.pdf\nAna Lima,,ana-lima.pdf\n');
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { name: 'Doe, Jo', program: 'PGY1 "surgery"', file: 'doe-jo.pdf' },
      { name: 'Ana Lima', program: '', file: 'ana-lima.pdf' },
    ]);
  });
});

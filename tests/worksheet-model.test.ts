import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers/schema.js';
import { RECORD_LISTS, TOP_ORDER } from '../src/import/schema-lists.js';
import { SHEET_IDS, SHEETS, sheetFields } from '../src/worksheets/index.js';
import { sheetsWithAnswers, textAt, valueAt } from '../src/worksheets/values.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
  );
}

describe('one answers path helper', () => {
  it('reads plain and indexed paths, as the model and the fillable forms name fields', () => {
    const answers = { learner: { name: 'Ana' }, network: { contacts: [{ name: 'Bo', tie: 'weak', area: 'academic' }, { name: 'Cy', tie: 'strong', area: 'informal' }] } } as Answers;
    expect(textAt(answers, 'learner.name')).toBe('Ana');
    expect(valueAt(answers, 'network.contacts[1].name')).toBe('Cy');
    expect(valueAt(answers, 'network.contacts[2].name')).toBeUndefined();
  });
});

describe('adding a sheet touches the model, the schema, its templates and its tests', () => {
  it('every list of sheets comes from SHEET_IDS: no other source file restates it', () => {
    const restating = sourceFiles(SRC)
      .filter((file) => !file.endsWith(path.join('worksheets', 'model.ts')))
      .filter((file) => /['"]goals['"],\s*['"]network['"],\s*['"]social['"]/.test(readFileSync(file, 'utf8')));
    expect(restating.map((file) => path.relative(SRC, file))).toEqual([]);
  });

  it('the sheet table, the answers-based choice and import order all follow SHEET_IDS', () => {
    expect(Object.keys(SHEETS)).toEqual([...SHEET_IDS]);
    const all = Object.fromEntries(SHEET_IDS.map((id) => [id, {}])) as Partial<Answers>;
    expect(sheetsWithAnswers({ learner: { name: 'x' }, ...all } as Answers)).toEqual([...SHEET_IDS]);
    expect(TOP_ORDER.filter((key) => (SHEET_IDS as readonly string[]).includes(key))).toEqual([...SHEET_IDS]);
  });

  it("import's record lists come from the schema and are the sheets' list and table fields", () => {
    const fieldPaths = new Set(Object.values(SHEETS).flatMap(sheetFields).map((field) => field.path));
    expect(Object.keys(RECORD_LISTS).length).toBeGreaterThan(0);
    for (const [listPath, spec] of Object.entries(RECORD_LISTS)) {
      expect(fieldPaths.has(listPath), listPath).toBe(true);
      expect(spec.order).toEqual(expect.arrayContaining(spec.required));
    }
  });
});

/**
 * The fontkit patch (patches/fontkit+2.0.4.patch): the range records of OpenType coverage and
 * class-definition tables are read as plain objects instead of one restructure Struct each, and a
 * glyph is looked up in them by halves instead of by scanning every range. Shaping reads these
 * tables for every glyph of every string (kerning classes have thousands of ranges), so this was
 * much of a cold `fill`'s shaping time. It must find exactly what fontkit found before, in every
 * face we ship.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES, type BundledFace } from '../src/pdf/unicode/registry.js';

const require = createRequire(import.meta.url);
const fontEntry = createRequire(require.resolve('@react-pdf/renderer')).resolve('@react-pdf/font');
const fontkitDir = path.dirname(path.dirname(createRequire(fontEntry).resolve('fontkit')));
const fromFontkit = createRequire(path.join(fontkitDir, 'package.json'));

interface RangeRecord {
  start: number;
  end: number;
  startCoverageIndex?: number;
  class?: number;
}
interface Coverage {
  version: 1 | 2;
  glyphs?: number[];
  rangeRecords?: RangeRecord[];
  _startOffset?: number;
}
interface ClassDef {
  version: 1 | 2;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: RangeRecord[];
  _startOffset?: number;
}
interface Processor {
  coverageIndex(coverage: Coverage, glyph: number): number;
  getClassID(glyph: number, classDef: ClassDef): number;
}
interface LookupTable {
  lookupList: { length: number; get(i: number): { subTables: { toArray?(): object[] } | object[] } };
}
interface Font {
  numGlyphs: number;
  GSUB?: LookupTable;
  GPOS?: LookupTable;
  _layoutEngine: { engine: { GSUBProcessor: Processor | null; GPOSProcessor: Processor | null } };
}
interface Fontkit {
  create(buffer: Buffer): Font;
}

/** The fontkit build React-PDF runs (ES module), loaded once. */
let esm: Promise<Fontkit> | undefined;
const fontkit = () => (esm ??= import(pathToFileURL(path.join(fontkitDir, 'dist/module.mjs')).href) as Promise<Fontkit>);

/** fontkit's own lookups, as they were before the patch: a scan of every range. */
function scannedCoverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs!.indexOf(glyph);
  for (const range of coverage.rangeRecords!) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex! + glyph - range.start;
  return -1;
}
function scannedClassId(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph!;
    return i >= 0 && i < classDef.classValueArray!.length ? classDef.classValueArray![i]! : 0;
  }
  for (const range of classDef.classRangeRecord!) if (range.start <= glyph && glyph <= range.end) return range.class!;
  return 0;
}

/** The little of restructure used here to decode tables as fontkit did before the patch. */
interface Decoder {
  decode(stream: unknown): unknown;
}
interface Restructure {
  uint16: Decoder;
  Struct: new (fields: Record<string, Decoder>) => Decoder;
  VersionedStruct: new (type: Decoder, versions: Record<number, Record<string, Decoder>>) => Decoder;
  Array: new (type: Decoder, length: string) => Decoder;
  DecodeStream: new (bytes: Buffer) => { pos: number };
}

/** The tables as restructure decoded them before the patch: one Struct per range record. */
function unpatchedDecoders() {
  const r = fromFontkit('restructure') as Restructure;
  const record = (third: string) => new r.Struct({ start: r.uint16, end: r.uint16, [third]: r.uint16 });
  return {
    coverage: new r.VersionedStruct(r.uint16, {
      1: { glyphCount: r.uint16, glyphs: new r.Array(r.uint16, 'glyphCount') },
      2: { rangeCount: r.uint16, rangeRecords: new r.Array(record('startCoverageIndex'), 'rangeCount') },
    }),
    classDef: new r.VersionedStruct(r.uint16, {
      1: { startGlyph: r.uint16, glyphCount: r.uint16, classValueArray: new r.Array(r.uint16, 'glyphCount') },
      2: { classRangeCount: r.uint16, classRangeRecord: new r.Array(record('class'), 'classRangeCount') },
    }),
    stream: (bytes: Buffer, at: number) => Object.assign(new r.DecodeStream(bytes), { pos: at }),
  };
}

const COVERAGE_KEYS = ['coverage', 'markCoverage', 'baseCoverage', 'ligatureCoverage', 'mark1Coverage', 'mark2Coverage', 'backtrackCoverage', 'inputCoverage', 'lookaheadCoverage'];
const CLASS_DEF_KEYS = ['classDef', 'classDef1', 'classDef2', 'backtrackClassDef', 'inputClassDef', 'lookaheadClassDef'];

/** Every coverage and class definition a face's lookups refer to (extension lookups unwrapped). */
function tablesOf(font: Font): { coverages: Coverage[]; classDefs: ClassDef[] } {
  const coverages: Coverage[] = [];
  const classDefs: ClassDef[] = [];
  const visit = (subTable: Record<string, unknown>) => {
    if (subTable.extension) visit(subTable.extension as Record<string, unknown>);
    for (const key of COVERAGE_KEYS) for (const table of [subTable[key]].flat()) if (table) coverages.push(table as Coverage);
    for (const key of CLASS_DEF_KEYS) if (subTable[key]) classDefs.push(subTable[key] as ClassDef);
  };
  for (const table of [font.GSUB, font.GPOS]) {
    if (!table) continue;
    for (let i = 0; i < table.lookupList.length; i++) {
      const subTables = table.lookupList.get(i).subTables;
      for (const subTable of Array.isArray(subTables) ? subTables : subTables.toArray!()) visit(subTable as Record<string, unknown>);
    }
  }
  return { coverages, classDefs };
}

/** Glyph ids worth asking about: all of them, and a few past the end. */
function glyphIds(font: Font): number[] {
  return Array.from({ length: font.numGlyphs + 3 }, (_, id) => id);
}

const plain = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const faces: BundledFace[] = BUNDLED_FAMILIES.flatMap((family) => family.faces);

describe('the fontkit patch', () => {
  it('still scans ranges that are out of order, finding what it found before', async () => {
    const font = (await fontkit()).create(readFileSync(faces[0]!.src));
    const processor = font._layoutEngine.engine.GPOSProcessor!;
    const classDef: ClassDef = { version: 2, classRangeRecord: [{ start: 10, end: 12, class: 1 }, { start: 4, end: 11, class: 2 }] };
    const coverage: Coverage = { version: 2, rangeRecords: [{ start: 10, end: 12, startCoverageIndex: 0 }, { start: 4, end: 6, startCoverageIndex: 3 }] };
    const glyphs: Coverage = { version: 1, glyphs: [9, 4, 7, 4] };
    for (let glyph = 0; glyph < 15; glyph++) {
      expect(processor.getClassID(glyph, classDef)).toBe(scannedClassId(glyph, classDef));
      expect(processor.coverageIndex(coverage, glyph)).toBe(scannedCoverageIndex(coverage, glyph));
      expect(processor.coverageIndex(glyphs, glyph)).toBe(scannedCoverageIndex(glyphs, glyph));
    }
    expect(processor.getClassID(11, classDef)).toBe(1); // the first range that holds it, as before
  });

  for (const face of faces) {
    const name = path.basename(face.src);
    it(`${name}: reads every coverage and class definition as restructure did, and finds every glyph as a scan does`, async () => {
      expect(existsSync(face.src)).toBe(true);
      const bytes = readFileSync(face.src);
      const font = (await fontkit()).create(bytes);
      const { coverages, classDefs } = tablesOf(font);
      expect(coverages.length).toBeGreaterThan(0); // there is something to check
      const engine = font._layoutEngine.engine;
      const processor = (engine.GPOSProcessor ?? engine.GSUBProcessor)!;
      const before = unpatchedDecoders();
      const ids = glyphIds(font);
      let ranges = 0;
      for (const coverage of coverages) {
        expect(plain(coverage)).toEqual(plain(before.coverage.decode(before.stream(bytes, coverage._startOffset!))));
        ranges += coverage.rangeRecords?.length ?? 0;
        for (const glyph of ids) if (processor.coverageIndex(coverage, glyph) !== scannedCoverageIndex(coverage, glyph)) expect.fail(`coverage at ${coverage._startOffset}: glyph ${glyph}`);
      }
      for (const classDef of classDefs) {
        expect(plain(classDef)).toEqual(plain(before.classDef.decode(before.stream(bytes, classDef._startOffset!))));
        ranges += classDef.classRangeRecord?.length ?? 0;
        for (const glyph of ids) if (processor.getClassID(glyph, classDef) !== scannedClassId(glyph, classDef)) expect.fail(`class definition at ${classDef._startOffset}: glyph ${glyph}`);
      }
      expect(ranges).toBeGreaterThan(0);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { openFont } from '../src/pdf/unicode/fontkit.js';
import { BASE_FAMILY, bundledFamily } from '../src/pdf/unicode/registry.js';
import { isCommonText } from '../src/pdf/unicode/index.js';
import { INERT_FOR_COMMON_TEXT } from '../src/pdf/shaping.js';

/**
 * The shaping shortcut for the base family (src/pdf/shaping.ts): common text (`isCommonText`) is
 * shaped without the features in INERT_FOR_COMMON_TEXT, which must change nothing.
 */

interface Coverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface SubTable {
  lookupType?: number;
  version?: number;
  extension?: SubTable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  ligatureSets?: { get(i: number): { glyph: number; components: number[] }[] };
  backtrackCoverage?: Coverage[];
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
}
interface Lookup {
  lookupType: number;
  subTables: SubTable[];
}
interface LookupTable {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(i: number): Lookup };
}
interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface FullFont {
  GPOS: LookupTable;
  GSUB: LookupTable;
  glyphForCodePoint(cp: number): { id: number };
  layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): Run;
}

const baseFaces = bundledFamily(BASE_FAMILY)!.faces;

/** Every character the shortcut applies to, one by one. */
const markless = Array.from({ length: 0x2200 }, (_, cp) => String.fromCharCode(cp)).filter((c) => c !== '\t' && c !== '\n' && c !== '\r' && isCommonText(c));

function coverageGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.glyphs) return [...coverage.glyphs];
  return (coverage.rangeRecords ?? []).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, i) => r.start + i));
}

/** Glyphs that the font's mark and mark-to-mark lookups can move. */
function movableMarks(font: FullFont): Set<number> {
  const marks = new Set<number>();
  const indexes = font.GPOS.featureList.filter((f) => f.tag === 'mark' || f.tag === 'mkmk').flatMap((f) => f.feature.lookupListIndexes);
  for (const index of new Set(indexes)) {
    const lookup = font.GPOS.lookupList.get(index);
    for (const table of lookup.subTables) {
      // extension lookups (type 9) wrap the real subtable
      const sub = (lookup.lookupType === 9 ? table.extension : table) as { markCoverage?: Coverage; mark1Coverage?: Coverage };
      for (const id of [...coverageGlyphs(sub.markCoverage), ...coverageGlyphs(sub.mark1Coverage)]) marks.add(id);
    }
  }
  return marks;
}

/**
 * Why each composition (ccmp) lookup cannot act on a string of `common` glyphs, or what stops the
 * proof: each of its sequences must hold a glyph outside them (ignored marks can only hide glyphs,
 * never supply one). Lookups apply one after another, so if none acts on common glyphs, none sees
 * anything else.
 */
function ccmpProblems(font: FullFont, common: Set<number>): string[] {
  const problems: string[] = [];
  const hasCommon = (coverage: Coverage | undefined) => coverageGlyphs(coverage).some((id) => common.has(id));
  const indexes = font.GSUB.featureList.filter((f) => f.tag === 'ccmp').flatMap((f) => f.feature.lookupListIndexes);
  for (const index of new Set(indexes)) {
    const lookup = font.GSUB.lookupList.get(index);
    for (const table of lookup.subTables) {
      const type = lookup.lookupType === 7 ? table.extension!.lookupType! : lookup.lookupType; // 7: extension
      const sub = lookup.lookupType === 7 ? table.extension! : table;
      const where = `ccmp lookup ${index} (type ${type})`;
      if (type === 1 || type === 2 || type === 3) {
        if (hasCommon(sub.coverage)) problems.push(`${where} substitutes a common glyph`);
      } else if (type === 4) {
        coverageGlyphs(sub.coverage).forEach((first, i) => {
          if (!common.has(first)) return;
          for (const ligature of sub.ligatureSets!.get(i)) {
            if (ligature.components.every((id) => common.has(id))) problems.push(`${where} joins common glyphs into ${ligature.glyph}`);
          }
        });
      } else if (type === 6 && sub.version === 3) {
        const sequence = [...sub.backtrackCoverage!, ...sub.inputCoverage!, ...sub.lookaheadCoverage!];
        if (sequence.every(hasCommon)) problems.push(`${where} may match common glyphs only`);
      } else if (hasCommon(sub.coverage) || sub.coverage === undefined) {
        problems.push(`${where}, format ${sub.version ?? '?'}: not analysed`);
      }
    }
  }
  return problems;
}

const simplify = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
});

describe('shaping common text without the features that cannot act on it (base family)', () => {
  it('covers common Latin and typographic punctuation, and nothing that combines', () => {
    expect(isCommonText('Dr. Ingrid O’Brien – “Co-resident”, PGY-2 … ½ € ™ Łódź Şahin')).toBe(true);
    expect(isCommonText('e\u0301')).toBe(false); // combining acute
    expect(isCommonText('Nguyễn')).toBe(false); // Vietnamese: Latin Extended Additional
    expect(isCommonText('Ольга')).toBe(false);
    expect(markless.length).toBeGreaterThan(340);
    expect(isCommonText('1\u20442')).toBe(false); // a fraction slash: what frac, numr and dnom act on
  });

  it('turns off only features whose reason is checked here', () => {
    expect([...INERT_FOR_COMMON_TEXT].sort()).toEqual(['ccmp', 'dnom', 'frac', 'mark', 'mkmk', 'numr']);
  });

  for (const face of baseFaces) {
    const label = `${face.fontWeight}${face.fontStyle === 'italic' ? ' italic' : ''}`;

    it(`${label}: none of those characters' glyphs, alone or after substitutions, is a mark the mark features move`, () => {
      const font = openFont(face.src) as unknown as FullFont;
      const marks = movableMarks(font);
      expect(marks.size).toBeGreaterThan(100); // the tables were read: Noto Sans positions many marks
      const drawn = new Set<number>();
      for (const c of markless) for (const g of font.layout(c).glyphs) drawn.add(g.id);
      for (const c of markless) for (const g of font.layout(`f${c}fi${c}ffl${c}`).glyphs) drawn.add(g.id); // ligatures
      expect([...drawn].filter((id) => marks.has(id))).toEqual([]);
    });

    it(`${label}: no composition (ccmp) lookup can act on a string of those characters`, () => {
      const font = openFont(face.src) as unknown as FullFont;
      const common = new Set(markless.map((c) => font.glyphForCodePoint(c.codePointAt(0)!).id));
      expect(font.GSUB.featureList.some((f) => f.tag === 'ccmp')).toBe(true); // there is something to check
      expect(ccmpProblems(font, common)).toEqual([]);
    });

    it(`${label}: every pair of those characters shapes the same with and without the features turned off`, () => {
      const font = openFont(face.src) as unknown as FullFont;
      const off = Object.fromEntries(INERT_FOR_COMMON_TEXT.map((tag) => [tag, false]));
      for (const c of markless) {
        const text = c + markless.join(c); // every ordered pair with c
        const full = simplify(font.layout(text, [], undefined, undefined, 'ltr'));
        const trimmed = simplify(font.layout(text, { ...off }, undefined, undefined, 'ltr'));
        if (JSON.stringify(full) !== JSON.stringify(trimmed)) expect.fail(`U+${c.charCodeAt(0).toString(16)} shapes differently without ${INERT_FOR_COMMON_TEXT.join(', ')}`);
      }
    });
  }
});

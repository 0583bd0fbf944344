import { describe, expect, it } from 'vitest';
import { openFont } from '../src/pdf/unicode/fontkit.js';
import { BASE_FAMILY, bundledFamily } from '../src/pdf/unicode/registry.js';
import { isCommonText } from '../src/pdf/unicode/index.js';

/**
 * The shaping shortcut for the base family (src/pdf/shaping.ts): common text (`isCommonText`) is
 * shaped without the `mark` and `mkmk` features, which must change nothing.
 */

interface Coverage {
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}
interface Lookup {
  lookupType: number;
  subTables: { lookupType?: number; extension?: Record<string, unknown>; markCoverage?: Coverage; mark1Coverage?: Coverage }[];
}
interface Run {
  glyphs: { id: number }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}
interface FullFont {
  GPOS: { featureList: { tag: string; feature: { lookupListIndexes: number[] } }[]; lookupList: { get(i: number): Lookup } };
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

const simplify = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
});

describe('shaping text that draws no marks (base family)', () => {
  it('covers common Latin and typographic punctuation, and nothing that combines', () => {
    expect(isCommonText('Dr. Ingrid O’Brien – “Co-resident”, PGY-2 … ½ € ™ Łódź Şahin')).toBe(true);
    expect(isCommonText('e\u0301')).toBe(false); // combining acute
    expect(isCommonText('Nguyễn')).toBe(false); // Vietnamese: Latin Extended Additional
    expect(isCommonText('Ольга')).toBe(false);
    expect(markless.length).toBeGreaterThan(340);
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

    it(`${label}: every pair of those characters shapes the same with and without the mark features`, () => {
      const font = openFont(face.src) as unknown as FullFont;
      for (const c of markless) {
        const text = c + markless.join(c); // every ordered pair with c
        const full = simplify(font.layout(text, [], undefined, undefined, 'ltr'));
        const trimmed = simplify(font.layout(text, { mark: false, mkmk: false }, undefined, undefined, 'ltr'));
        if (JSON.stringify(full) !== JSON.stringify(trimmed)) expect.fail(`U+${c.charCodeAt(0).toString(16)} shapes differently without mark features`);
      }
    });
  }
});

/**
 * A memo of text shaping, installed on every font we register (src/pdf/fonts.ts).
 *
 * React-PDF shapes every text run with fontkit each time it lays the run out, and its paginator
 * lays a page out several times (once to measure, then once per pagination round, twice when
 * footers read the page count); a bundle also repeats the same headings, prompts and footers in
 * every packet. Shaping was about a fifth of a bundle's CPU profile. Shaping is a pure function
 * of the font, the string and the options, so each font object keeps its recent results.
 *
 * Safe to share: React-PDF copies the positions it gets (scalePositions) and copies the glyph
 * array before it changes it (renderAttachments); the glyph objects are fontkit's own cached
 * ones either way. Tests check that output bytes are the same with and without it.
 */
import { isCommonText } from './unicode/coverage.js';

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}

interface ShapingFont {
  layout(string: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
}

/**
 * Results kept per font. When the memo is full, the results used again since the last clear-out
 * stay (a packet's headings, prompts and footers, which every packet repeats) and the rest go
 * (mostly one learner's answers, never seen again). An entry holds a glyph and a position per
 * character; in bundle workers, 5,000 entries a font cost about 50 MB for no more speed. Not an
 * LRU cache: it would keep the latest learner's answers rather than what every packet repeats.
 */
const MAX_ENTRIES = 1_500;

interface Entry {
  run: GlyphRun;
  used: boolean;
}

/** What stays of a full memo: the entries used again, if they leave room; else nothing. */
function clearOut(memo: Map<string, Entry>): Map<string, Entry> {
  const kept = new Map<string, Entry>();
  for (const [key, entry] of memo) if (entry.used) kept.set(key, { run: entry.run, used: false });
  return kept.size <= MAX_ENTRIES / 2 ? kept : new Map();
}

const patchedFonts = new WeakSet<object>();
let enabled = true;

/** Turns the memo and its shortcuts off or on (tests compare output with and without them). */
export function setShapingMemo(on: boolean): void {
  enabled = on;
}

/** True for the features React-PDF passes when a style asks for none (`[]`), or none at all. */
function noFeaturesAsked(features: unknown): boolean {
  return features === undefined || (Array.isArray(features) && features.length === 0);
}

/**
 * The OpenType features that cannot act on common text (`isCommonText`) in the base family's
 * faces, so it is shaped without them (tests/shaping.test.ts checks each face):
 * - `mark`, `mkmk` (GPOS) only move glyphs their mark coverage lists, and no glyph of these
 *   characters is in it;
 * - `ccmp` (GSUB) composes a letter with a combining mark or variation selector: every sequence
 *   its lookups match holds a glyph outside these characters;
 * - `frac`, `numr`, `dnom`: fontkit gives them only to the glyphs around a fraction slash
 *   (U+2044), which is not common text.
 * What it saves: fontkit decodes a feature's lookups the first time it applies them (Noto Sans's
 * mark tables were about 70 of 100 ms of shaping in a cold `fill`), then tries every glyph of
 * every string against each lookup.
 */
export const INERT_FOR_COMMON_TEXT = ['mark', 'mkmk', 'ccmp', 'frac', 'numr', 'dnom'] as const;

export interface ShapingOptions {
  /** Shape common text without `INERT_FOR_COMMON_TEXT`: for the faces the tests check. */
  skipInertFeatures?: boolean;
}

/** The features argument that turns them off; fresh each time, as fontkit may write to it. */
function withoutInertFeatures(): Record<string, boolean> {
  return Object.fromEntries(INERT_FOR_COMMON_TEXT.map((tag) => [tag, false]));
}

/** Mark positioning (GPOS `mark`, `mkmk`) turned off, on top of the features asked for. */
function withoutMarkPositioning(features: unknown): Record<string, boolean> {
  const asked = Array.isArray(features)
    ? Object.fromEntries(features.map((tag) => [String(tag), true]))
    : { ...(features as Record<string, boolean> | undefined) };
  return { ...asked, mark: false, mkmk: false };
}

/**
 * fontkit 2.0.4 throws while positioning a mark on a base whose anchor the font leaves empty (a
 * NULL anchor, which OpenType allows: IBM Plex Sans Arabic has none for U+0674 HIGH HAMZA under
 * a kasra): "Cannot read properties of null (reading 'xCoordinate')" in `getAnchor`, and the
 * whole document failed. Such a run is shaped again without mark positioning: every glyph is
 * still drawn and mapped to its characters; only its marks sit at their default place.
 */
export function withoutBrokenAnchors(layout: ShapingFont['layout']): ShapingFont['layout'] {
  return (string, features, script, language, direction) => {
    try {
      return layout(string, features, script, language, direction);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      return layout(string, withoutMarkPositioning(features), script, language, direction);
    }
  };
}

/** Memoises a fontkit font's `layout` (idempotent). */
export function memoizeShaping(data: unknown, options: ShapingOptions = {}): void {
  const font = data as Partial<ShapingFont>;
  if (typeof font.layout !== 'function' || patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const layout = font.layout.bind(font);
  const shape: ShapingFont['layout'] = options.skipInertFeatures
    ? (string, features, script, language, direction) =>
        typeof string === 'string' && noFeaturesAsked(features) && isCommonText(string)
          ? layout(string, withoutInertFeatures(), script, language, direction)
          : layout(string, features, script, language, direction)
    : layout;
  const guarded = withoutBrokenAnchors(shape);
  let memo = new Map<string, Entry>();
  font.layout = (string, features, script, language, direction) => {
    if (!enabled || typeof string !== 'string') return guarded(string, features, script, language, direction);
    const key = `${JSON.stringify(features ?? null)}|${String(script)}|${String(language)}|${String(direction)}|${string}`;
    const known = memo.get(key);
    if (known) {
      known.used = true;
      return known.run;
    }
    const run = guarded(string, features, script, language, direction);
    if (memo.size >= MAX_ENTRIES) memo = clearOut(memo);
    memo.set(key, { run, used: false });
    return run;
  };
}

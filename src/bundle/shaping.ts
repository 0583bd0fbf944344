/**
 * A memo of text shaping for bundle rendering.
 *
 * React-PDF shapes every text run with fontkit each time it lays the run out, and its paginator
 * lays a page out several times (once to measure, then once per pagination round, twice when
 * footers read the page count); a bundle also repeats the same headings, prompts and footers in
 * every packet. Shaping was about a fifth of a bundle's CPU profile. Shaping is a pure function
 * of the font, the string and the options, so each font object keeps its recent results.
 *
 * Safe to share: React-PDF copies the positions it gets (scalePositions) and copies the glyph
 * array before it changes it (renderAttachments); the glyph objects are fontkit's own cached
 * ones either way. The bundle tests check that output bytes are the same with and without it.
 */
import { Font } from '@react-pdf/renderer';

interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}

interface ShapingFont {
  layout(string: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
}

interface LoadableSource {
  data: unknown;
  load(): Promise<void>;
}

/**
 * Results kept per font; the memo starts over beyond this. A packet lays out a few thousand runs,
 * most of them several times; an entry holds a glyph and a position per character (a few kB).
 */
const MAX_ENTRIES = 5_000;

const patchedFonts = new WeakSet<object>();
const patchedSources = new WeakSet<object>();
let enabled = false;

/** Turns the memo on for every font React-PDF has or will have registered (call before rendering). */
export function installShapingCache(): void {
  enabled = true;
}

/** Whether installShapingCache was called in this thread. */
export function shapingCacheInstalled(): boolean {
  return enabled;
}

/** Applies the memo to the registered fonts (idempotent); call after registering fonts, before rendering. */
export function applyShapingCache(): void {
  if (!enabled) return;
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of (family as { sources?: unknown[] }).sources ?? []) patchSource(source as LoadableSource);
  }
}

function patchSource(source: LoadableSource): void {
  if (patchedSources.has(source)) return;
  patchedSources.add(source);
  if (source.data) patchFont(source.data);
  const load = source.load.bind(source);
  source.load = async () => {
    await load();
    if (source.data) patchFont(source.data);
  };
}

function patchFont(data: unknown): void {
  const font = data as Partial<ShapingFont>;
  if (typeof font.layout !== 'function' || patchedFonts.has(font)) return;
  patchedFonts.add(font);
  const layout = font.layout.bind(font);
  let memo = new Map<string, GlyphRun>();
  font.layout = (string, features, script, language, direction) => {
    if (typeof string !== 'string') return layout(string, features, script, language, direction);
    const key = `${JSON.stringify(features ?? null)}|${String(script)}|${String(language)}|${String(direction)}|${string}`;
    const known = memo.get(key);
    if (known) return known;
    const run = layout(string, features, script, language, direction);
    if (memo.size >= MAX_ENTRIES) memo = new Map();
    memo.set(key, run);
    return run;
  };
}

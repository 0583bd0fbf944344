/**
 * Visual regression checks: rasterise each page of a PDF and compare it with
 * committed PNG baselines in tests/baselines/<name>-p<N>.png.
 *
 * Baselines are written (and the check passes) when none exist yet for
 * `name`, or when the environment has UPDATE_BASELINES=1. On failure the
 * actual render, the expected baseline and a diff image go to
 * tests/.artifacts/ (gitignored).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { rasterise } from './pdf.js';

const TESTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where baselines live unless a test says otherwise. */
export const DEFAULT_BASELINE_DIR = path.join(TESTS_DIR, 'baselines');
/** Where failing comparisons leave their images. */
export const DEFAULT_ARTIFACTS_DIR = path.join(TESTS_DIR, '.artifacts');

export interface BaselineOptions {
  /** Rasterisation resolution. Default 72 (one pixel per point). Changing it invalidates baselines. */
  dpi?: number;
  /** pixelmatch colour threshold per pixel, 0..1. Default 0.1. */
  threshold?: number;
  /**
   * Largest share of a page's pixels that may differ, 0..1. Default 0.0001
   * (0.01%: 50 pixels of an A4 page at 72 dpi). MuPDF runs as WebAssembly, so
   * an unchanged PDF renders to identical pixels on every host; the default is
   * tight because one changed letter of 10 pt text differs in only ~100
   * pixels at 72 dpi, which a 0.05% budget (250 pixels) would let through.
   */
  maxDiffRatio?: number;
  /** Directory of baseline PNGs. Default tests/baselines. */
  baselineDir?: string;
  /** Directory for actual/expected/diff PNGs of failures. Default tests/.artifacts. */
  artifactsDir?: string;
  /** Rewrite the baselines instead of comparing. Default: env UPDATE_BASELINES is "1" or "true". */
  update?: boolean;
  /** Where to report written baselines. Default console.log. */
  log?: (line: string) => void;
}

export interface PageComparison {
  /** 1-based page number. */
  page: number;
  /** 'created': no baselines existed; 'updated': update mode rewrote it. */
  status: 'match' | 'created' | 'updated';
  /** Pixels pixelmatch counted as different (0 when the baseline was just written). */
  diffPixels: number;
  width: number;
  height: number;
}

export interface BaselineResult {
  pages: PageComparison[];
  /** Stale baseline files removed in update mode. */
  removed: string[];
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Page numbers of the existing baselines for `name`, ascending. */
async function existingBaselinePages(dir: string, name: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const re = new RegExp(`^${escapeRegExp(name)}-p(\\d+)\\.png$`, 'u');
  const pages: number[] = [];
  for (const entry of entries) {
    const m = re.exec(entry);
    if (m?.[1] !== undefined) pages.push(Number(m[1]));
  }
  return pages.sort((a, b) => a - b);
}

function baselineFile(dir: string, name: string, page: number): string {
  return path.join(dir, `${name}-p${page}.png`);
}

function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function updateFromEnv(): boolean {
  const v = process.env['UPDATE_BASELINES'];
  return v === '1' || v === 'true';
}

/**
 * Rasterise every page of `pdf` and compare it with the baselines for `name`
 * (`<baselineDir>/<name>-p<N>.png`). Throws, naming each failing page and its
 * number of differing pixels, when a page differs by more than `maxDiffRatio`,
 * when a page's size changed, or when the page count does not match the
 * existing baselines (stale extra baselines or pages without one).
 *
 * Writes the baselines and passes when none exist for `name` yet or when
 * updating (UPDATE_BASELINES=1); updating also deletes stale baselines.
 */
export async function expectPagesMatchBaseline(
  name: string,
  pdf: Uint8Array,
  options: BaselineOptions = {},
): Promise<BaselineResult> {
  if (!NAME_PATTERN.test(name)) {
    throw new Error(`baseline name must match ${String(NAME_PATTERN)}, got ${JSON.stringify(name)}`);
  }
  const dpi = options.dpi ?? 72;
  const threshold = options.threshold ?? 0.1;
  const maxDiffRatio = options.maxDiffRatio ?? 0.0001;
  const baselineDir = options.baselineDir ?? DEFAULT_BASELINE_DIR;
  const artifactsDir = options.artifactsDir ?? DEFAULT_ARTIFACTS_DIR;
  const update = options.update ?? updateFromEnv();
  const log = options.log ?? ((line: string) => console.log(line));

  const pngs = await rasterise(pdf, { dpi });
  const existing = await existingBaselinePages(baselineDir, name);

  // Clear artifacts of an earlier failing run of this comparison.
  await removeArtifacts(artifactsDir, name);

  if (!update && existing.length === 0 && process.env.CI && baselineDir === DEFAULT_BASELINE_DIR) {
    // On CI a missing baseline means it was never committed: creating it there would test nothing.
    throw new Error(`no committed baselines for "${name}" in ${baselineDir}; run the tests locally and commit them`);
  }
  if (update || existing.length === 0) {
    const status = existing.length === 0 ? 'created' : 'updated';
    await mkdir(baselineDir, { recursive: true });
    const pages: PageComparison[] = [];
    for (const [i, png] of pngs.entries()) {
      const file = baselineFile(baselineDir, name, i + 1);
      await writeFile(file, png);
      const { width, height } = PNG.sync.read(png);
      pages.push({ page: i + 1, status, diffPixels: 0, width, height });
    }
    const removed: string[] = [];
    for (const page of existing.filter((p) => p > pngs.length)) {
      const file = baselineFile(baselineDir, name, page);
      await rm(file, { force: true });
      removed.push(file);
    }
    log(
      `[baselines] ${status === 'created' ? 'created' : 'updated'} ${pngs.length} baseline(s) for "${name}" ` +
        `in ${display(baselineDir)} at ${dpi} dpi` +
        (removed.length > 0 ? `; removed stale ${removed.map((f) => path.basename(f)).join(', ')}` : ''),
    );
    return { pages, removed };
  }

  const problems: string[] = [];
  const expectedPages = pngs.map((_, i) => i + 1);
  const stale = existing.filter((p) => p > pngs.length);
  const missing = expectedPages.filter((p) => !existing.includes(p));
  if (stale.length > 0 || missing.length > 0) {
    problems.push(
      `page count: the PDF has ${pngs.length} page(s) but the baselines are for page(s) ${existing.join(', ')}` +
        (stale.length > 0 ? `; stale baseline(s) for page(s) ${stale.join(', ')}` : '') +
        (missing.length > 0 ? `; no baseline for page(s) ${missing.join(', ')}` : ''),
    );
  }

  const pages: PageComparison[] = [];
  for (const [i, png] of pngs.entries()) {
    const page = i + 1;
    if (!existing.includes(page)) continue;
    const expectedFile = baselineFile(baselineDir, name, page);
    const expected = PNG.sync.read(await readFile(expectedFile));
    const actual = PNG.sync.read(png);
    const { width, height } = actual;

    if (expected.width !== width || expected.height !== height) {
      const actualFile = await writeArtifact(artifactsDir, name, page, 'actual', png);
      problems.push(
        `page ${page}: size ${width}x${height} px differs from baseline ${expected.width}x${expected.height} px ` +
          `(${display(expectedFile)}); actual: ${display(actualFile)}`,
      );
      continue;
    }

    const diff = new PNG({ width, height });
    const diffPixels = pixelmatch(expected.data, actual.data, diff.data, width, height, { threshold });
    const total = width * height;
    const allowed = Math.floor(total * maxDiffRatio);
    if (diffPixels > allowed) {
      const actualFile = await writeArtifact(artifactsDir, name, page, 'actual', png);
      await writeArtifact(artifactsDir, name, page, 'expected', PNG.sync.write(expected));
      const diffFile = await writeArtifact(artifactsDir, name, page, 'diff', PNG.sync.write(diff));
      problems.push(
        `page ${page}: ${diffPixels} of ${total} pixels differ ` +
          `(${formatPercent(diffPixels / total)}; at most ${allowed} = ${formatPercent(maxDiffRatio)} allowed); ` +
          `baseline ${display(expectedFile)}, actual ${display(actualFile)}, diff ${display(diffFile)}`,
      );
    }
    pages.push({ page, status: 'match', diffPixels, width, height });
  }

  if (problems.length > 0) {
    throw new Error(
      `"${name}" does not match its baselines:\n  ${problems.join('\n  ')}\n` +
        'If the change is intended, rerun with UPDATE_BASELINES=1 and commit the new baselines.',
    );
  }
  return { pages, removed: [] };
}

function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(3)}%`;
}

async function writeArtifact(
  dir: string,
  name: string,
  page: number,
  kind: 'actual' | 'expected' | 'diff',
  png: Uint8Array,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}-p${page}.${kind}.png`);
  await writeFile(file, png);
  return file;
}

async function removeArtifacts(dir: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return;
  }
  const re = new RegExp(`^${escapeRegExp(name)}-p\\d+\\.(actual|expected|diff)\\.png$`, 'u');
  await Promise.all(entries.filter((e) => re.test(e)).map((e) => rm(path.join(dir, e), { force: true })));
}

/**
 * The packet cache: a rebuild renders only the packets whose inputs changed (and the front matter
 * only when pages moved), a change to what every packet shares (paper, locale, templates,
 * branding) renders them all again, the bytes are the same with or without the cache, the folder
 * stays under its size bound, and the CLI's --no-cache leaves no cache behind.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers/index.js';
import { renderBundleWithLayout, type BundleOptions, type PacketInput } from '../src/api.js';
import { defaultCacheDir } from '../src/bundle/cache.js';
import { syntheticCohort } from '../src/perf/cohort.js';
import { runCli } from './support/cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

let work: string;
let learners: Answers[];
let renderedFirstLayoutPage: number;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bundle-cache-'));
  learners = syntheticCohort(4, 7);
});

function packetsOf(answers: Answers[]): PacketInput[] {
  return [...answers.map((a): PacketInput => ({ kind: 'learner', answers: a })), { kind: 'blank', name: 'Ana Lima' }];
}

async function files(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.join(entry.parentPath, entry.name));
  }
  return found;
}

describe('rebuilding with the cache', () => {
  // One sheet a packet keeps the renders short; what the cache does is the same.
  const base: BundleOptions = { sheets: ['goals'], title: 'Retreat', jobs: 1 };
  let dir: string;
  let first: Uint8Array;
  beforeAll(async () => {
    dir = path.join(work, 'cache');
    const result = await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir } });
    expect(result.stats).toMatchObject({ packets: 5, rendered: 5, reused: 0 });
    expect(result.stats.frontDrawn).toBeGreaterThan(0);
    first = result.pdf;
    renderedFirstLayoutPage = result.layout.packets[1]!.page;
  }, 120_000);

  it('gives the same bytes as a build without the cache, and reuses every packet the second time', async () => {
    const uncached = await renderBundleWithLayout(packetsOf(learners), base);
    expect(same(uncached.pdf, first)).toBe(true);
    const again = await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir } });
    expect(again.stats).toMatchObject({ rendered: 0, reused: 5, frontDrawn: 0 }); // the front matter too
    expect(same(again.pdf, first)).toBe(true);
  });

  it('renders a truncated entry again instead of failing every later bundle', async () => {
    const damaged = path.join(work, 'damaged-cache');
    await cp(dir, damaged, { recursive: true });
    const entries = (await files(damaged)).filter((file) => file.endsWith('.pdf'));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) await truncate(entry, Math.floor((await stat(entry)).size / 2));
    const rebuilt = await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir: damaged } });
    expect(rebuilt.stats).toMatchObject({ rendered: 5, reused: 0 });
    expect(same(rebuilt.pdf, first)).toBe(true);
    const again = await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir: damaged } });
    expect(again.stats).toMatchObject({ rendered: 0, reused: 5 });
  });

  it('renders only the packet whose answers changed, and gives the bytes of a fresh build', async () => {
    const changed = structuredClone(learners);
    changed[2]!.goals!.coachSupport = 'Meet every second Friday instead.';
    const rebuilt = await renderBundleWithLayout(packetsOf(changed), { ...base, cache: { dir } });
    expect(rebuilt.stats).toMatchObject({ rendered: 1, reused: 4, frontDrawn: 0 }); // no page moved: same contents
    const fresh = await renderBundleWithLayout(packetsOf(changed), base);
    expect(same(rebuilt.pdf, fresh.pdf)).toBe(true);
    expect(same(rebuilt.pdf, first)).toBe(false);
  });

  it('draws the front matter again when a changed packet moves the pages after it, and gives the bytes of a fresh build', async () => {
    const longer = structuredClone(learners);
    longer[0]!.goals!.coachSupport = Array.from({ length: 130 }, (_, i) => `Sentence ${i + 1} of a much longer note about the support I need.`).join(' ');
    const rebuilt = await renderBundleWithLayout(packetsOf(longer), { ...base, cache: { dir } });
    expect(rebuilt.stats.rendered).toBe(1);
    expect(rebuilt.stats.frontDrawn).toBeGreaterThan(0); // the contents' page numbers changed
    const fresh = await renderBundleWithLayout(packetsOf(longer), base);
    expect(fresh.layout.packets[1]!.page).toBeGreaterThan(renderedFirstLayoutPage); // it did move
    expect(same(rebuilt.pdf, fresh.pdf)).toBe(true);
  });

  it('does not render again for the bundle title, order or page labels (the packets are the same)', async () => {
    const reordered = [...packetsOf(learners)].reverse();
    const result = await renderBundleWithLayout(reordered, { ...base, title: 'Another title', pagePrefix: 'C-', duplex: true, cache: { dir } });
    expect(result.stats).toMatchObject({ rendered: 0, reused: 5 });
  });

  it('renders everything again when the paper, locale, branding or templates change', async () => {
    const everything = { rendered: 5, reused: 0 };
    expect((await renderBundleWithLayout(packetsOf(learners), { ...base, paper: 'a4', cache: { dir } })).stats).toMatchObject(everything);
    expect((await renderBundleWithLayout(packetsOf(learners), { ...base, locale: 'es', cache: { dir } })).stats).toMatchObject(everything);
    expect((await renderBundleWithLayout(packetsOf(learners), { ...base, branding: { accent: '#1F3A5F' }, cache: { dir } })).stats).toMatchObject(everything);
    expect(
      (await renderBundleWithLayout(packetsOf(learners), { ...base, branding: { institution: { name: 'Example School' } }, cache: { dir } })).stats,
    ).toMatchObject(everything);

    // A --templates folder that changes one word of the goal sheet.
    const templates = path.join(work, 'templates');
    await mkdir(path.join(templates, 'en'), { recursive: true });
    const goals = JSON.parse(await readFile(path.join(ROOT, 'templates', 'en', 'goals.json'), 'utf8')) as Record<string, unknown>;
    const key = Object.keys(goals).find((k) => typeof goals[k] === 'string' && !k.startsWith('$'))!;
    await writeFile(path.join(templates, 'en', 'goals.json'), JSON.stringify({ [key]: `${String(goals[key])} (ours)` }));
    const overridden = await renderBundleWithLayout(packetsOf(learners), { ...base, templatesDir: templates, cache: { dir } });
    expect(overridden.stats).toMatchObject(everything);
    // The same folder again: reused. Then one more word changed: all rendered again.
    expect((await renderBundleWithLayout(packetsOf(learners), { ...base, templatesDir: templates, cache: { dir } })).stats).toMatchObject({ rendered: 0 });
    await writeFile(path.join(templates, 'en', 'goals.json'), JSON.stringify({ [key]: `${String(goals[key])} (ours, again)` }));
    expect((await renderBundleWithLayout(packetsOf(learners), { ...base, templatesDir: templates, cache: { dir } })).stats).toMatchObject(everything);
  }, 240_000);

  it('keeps the folder under its size bound, least recently used first', async () => {
    const small = path.join(work, 'small-cache');
    const entries = async () => (await files(small)).filter((file) => file.endsWith('.pdf'));
    await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir: small } });
    const all = await entries();
    expect(all).toHaveLength(6); // five packets and the front matter
    const sizes = await Promise.all(all.map(async (file) => (await stat(file)).size));
    const bound = Math.max(...sizes) * 2 + 1;
    await renderBundleWithLayout(packetsOf(learners), { ...base, cache: { dir: small, maxBytes: bound } });
    const kept = await entries();
    expect(kept.length).toBeLessThanOrEqual(2);
    expect(kept.length).toBeGreaterThan(0);
    const total = (await Promise.all(kept.map(async (file) => (await stat(file)).size))).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(bound);
  });
});

describe('the command line', () => {
  it('caches in PLN_WORKSHEETS_CACHE_DIR by default; --no-cache builds from scratch and writes no cache; same bytes', async () => {
    const inputs = path.join(work, 'cli-inputs');
    await mkdir(inputs, { recursive: true });
    for (const [i, answers] of learners.slice(0, 2).entries()) await writeFile(path.join(inputs, `l${i}.json`), JSON.stringify(answers));
    const cached = path.join(work, 'cli-cache');
    const unused = path.join(work, 'cli-cache-unused');
    const args = ['bundle', inputs, '--sheet', 'goals', '--quiet'];
    const a = await runCli([...args, '--out', path.join(work, 'a.pdf')], { env: { PLN_WORKSHEETS_CACHE_DIR: cached } });
    expect(a.stderr).toBe('');
    expect(a.code).toBe(0);
    expect((await files(cached)).filter((f) => f.endsWith('.pdf'))).toHaveLength(3); // two packets and the front matter
    const b = await runCli([...args, '--no-cache', '--jobs', '2', '--out', path.join(work, 'b.pdf')], { env: { PLN_WORKSHEETS_CACHE_DIR: unused } });
    expect(b.code).toBe(0);
    await expect(stat(unused)).rejects.toThrow();
    expect(same(await readFile(path.join(work, 'a.pdf')), await readFile(path.join(work, 'b.pdf')))).toBe(true);
    const bad = await runCli([...args, '--jobs', '0', '--out', path.join(work, 'c.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs');
  }, 120_000);

  it('puts the cache under node_modules/.cache when the folder has node_modules, else in the user cache folder', async () => {
    const project = path.join(work, 'project');
    await mkdir(path.join(project, 'node_modules'), { recursive: true });
    expect(defaultCacheDir({}, project)).toBe(path.join(project, 'node_modules', '.cache', 'pln-worksheets'));
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, work)).toBe(path.join('/var/cache/me', 'pln-worksheets'));
    expect(defaultCacheDir({ PLN_WORKSHEETS_CACHE_DIR: 'c' }, project)).toBe(path.join(project, 'c'));
  });
});


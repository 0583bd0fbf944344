/**
 * `npm run bench`: how fast and how lean the worksheets are made, on this machine, in one run.
 *
 * Generates a synthetic cohort (src/perf/cohort.ts, fixed seed) as answers files in a temporary
 * folder, then measures, each in a fresh child process run through the CLI as a user runs it:
 * - node start and the renderer import (`node -e "import('@react-pdf/renderer')"`);
 * - a cold `fill` of one learner through the bin (the one-file CLI with its code cache), and for
 *   reference the same from the modules (PLN_WORKSHEETS_MODULES=1); these four in turns, so that
 *   the fill and the start it is compared with are measured on the machine at the same speed;
 * - warm time per page (one process filling the same learner again and again);
 * - `bundle` of 50 and of 200 learners (title page, contents with links, bookmarks), --no-cache:
 *   wall time, pages per second, peak memory of the whole process (worker threads included);
 * - the same 200-learner bundle rebuilt with the cache after one answers file changed;
 * - the engine floor: React-PDF drawing as many plain pages (30 lines of text, 10 ruled boxes
 *   each) in one document in one process, as installed (with our patches, which speed it up
 *   too: the targets compare with this one), and, for reference, with the patches' shortcuts
 *   off, as React-PDF ships; in turns with the 200-learner bundle.
 * Each figure is the median of several runs (--repeat N for the quick ones, --big-repeat N for
 * the bundles and the floor). Prints a table, then the figures as JSON (--json FILE also saves it).
 *
 * `npm run bench -- --bundle-memory` measures instead only the bundle's peak memory (--no-cache,
 * whole process) at 50, 200 and 2,000 learners (--sizes 50,200 to choose), to see whether it
 * grows with the cohort.
 *
 * Child modes (internal): --child=cli <args…>, --child=warm <answers> <runs>, --child=floor <pages>.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

interface ChildResult {
  wallMs: number;
  /** Peak RSS of the child process (threads included), MB. */
  peakMb: number;
  report: Record<string, unknown>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs node with `args`; the child prints one JSON line last (its report, maxRSS included). */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${err.trim()}`));
      const line = out.trim().split('\n').pop() ?? '{}';
      let report: Record<string, unknown> = {};
      try {
        report = JSON.parse(line) as Record<string, unknown>;
      } catch {
        // a plain child (node -e) prints nothing
      }
      resolve({ wallMs, peakMb: typeof report.maxRssMb === 'number' ? report.maxRssMb : NaN, report });
    });
  });
}

async function repeat(times: number, run: () => Promise<ChildResult>): Promise<ChildResult[]> {
  return (await inTurns(times, { run })).run;
}

/**
 * Runs each of `runs` `times` times, in turns (a, b, c, a, b, c…): measures compared with each
 * other (the cold fill with node start and the renderer import) then meet the same machine,
 * whose speed drifts by 10% and more over minutes here.
 */
async function inTurns<K extends string>(times: number, runs: Record<K, () => Promise<ChildResult>>): Promise<Record<K, ChildResult[]>> {
  const keys = Object.keys(runs) as K[];
  const results = Object.fromEntries(keys.map((key) => [key, [] as ChildResult[]])) as Record<K, ChildResult[]>;
  for (let i = 0; i < times; i++) for (const key of keys) results[key].push(await runs[key]());
  return results;
}

function maxRssMb(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}

// ---------------------------------------------------------------- child modes

async function childCli(args: string[]): Promise<void> {
  const { main } = await import('../cli/main.js');
  const code = await main(args);
  process.stdout.write(`\n${JSON.stringify({ exit: code, maxRssMb: maxRssMb() })}\n`);
  process.exitCode = code;
}

async function childWarm(file: string, runs: number): Promise<void> {
  const { loadAnswersFile } = await import('../answers/index.js');
  const { renderFilled } = await import('../api.js');
  const { PDFDocument } = await import('pdf-lib');
  const loaded = await loadAnswersFile(file);
  if (!loaded.ok) throw new Error(`${file} is not valid`);
  const first = await renderFilled(loaded.answers);
  const pages = (await PDFDocument.load(first)).getPageCount();
  await renderFilled(loaded.answers); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderFilled(loaded.answers);
    times.push(performance.now() - start);
  }
  process.stdout.write(`${JSON.stringify({ pages, msPerPage: median(times) / pages, maxRssMb: maxRssMb() })}\n`);
}

async function childFloor(pages: number, stock: boolean): Promise<void> {
  // The renderer as it ships: the patches' shortcuts off (see tests/renderer-patch.test.ts).
  if (stock) (globalThis as { plnWorksheetsLayoutPatch?: boolean }).plnWorksheetsLayoutPatch = false;
  const start = performance.now();
  const { renderFloor } = await import('./floor.js');
  const imported = performance.now();
  const bytes = await renderFloor(pages);
  const end = performance.now();
  process.stdout.write(`${JSON.stringify({ pages, importMs: imported - start, renderMs: end - imported, bytes: bytes.length, maxRssMb: maxRssMb() })}\n`);
}

// ---------------------------------------------------------------- the benchmark

interface Options {
  learners: number;
  small: number;
  repeat: number;
  bigRepeat: number;
  json?: string;
  jobs?: number;
  /** Cohort sizes whose bundle peak memory to measure, instead of the whole benchmark. */
  bundleMemory?: number[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { learners: 200, small: 50, repeat: 3, bigRepeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--learners') options.learners = Number(value());
    else if (flag === '--small') options.small = Number(value());
    else if (flag === '--repeat') options.repeat = Number(value());
    else if (flag === '--big-repeat') options.bigRepeat = Number(value());
    else if (flag === '--json') options.json = value();
    else if (flag === '--jobs') options.jobs = Number(value());
    else if (flag === '--bundle-memory') options.bundleMemory ??= [50, 200, 2000];
    else if (flag === '--sizes') options.bundleMemory = value().split(',').map(Number);
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

async function pageCount(file: string): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

/** Peak memory of `bundle` (whole process, workers included) for each cohort size, largest last. */
async function benchBundleMemory(sizes: number[], jobs?: number): Promise<void> {
  const { syntheticCohort } = await import('./cohort.js');
  const work = mkdtempSync(path.join(os.tmpdir(), 'pln-bench-'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const cohort = syntheticCohort(Math.max(...sizes));
    const rows: Array<{ learners: number; pages: number; ms: number; peakMb: number }> = [];
    for (const size of sizes) {
      const dir = path.join(work, `cohort-${size}`);
      mkdirSync(dir);
      cohort.slice(0, size).forEach((answers, i) => writeFileSync(path.join(dir, `learner-${String(i + 1).padStart(5, '0')}.json`), `${JSON.stringify(answers, null, 2)}\n`));
      log(`bundle of ${size}, --no-cache…`);
      const out = path.join(work, `bundle-${size}.pdf`);
      const extra = jobs !== undefined ? ['--jobs', String(jobs)] : [];
      const run = await runNode([SELF, '--child=cli', 'bundle', dir, '--title', 'Coaching retreat', '--quiet', '--no-cache', '--out', out, ...extra]);
      rows.push({ learners: size, pages: await pageCount(out), ms: round(run.wallMs), peakMb: run.peakMb });
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { force: true });
    }
    for (const row of rows) process.stdout.write(`bundle ${row.learners} learners: ${row.pages} pages, ${fmt(row.ms)}, peak ${row.peakMb} MB\n`);
    process.stdout.write(`${JSON.stringify({ bundleMemory: rows })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function bench(options: Options): Promise<void> {
  if (options.bundleMemory) return benchBundleMemory(options.bundleMemory, options.jobs);
  const { syntheticCohort } = await import('./cohort.js');
  const work = mkdtempSync(path.join(os.tmpdir(), 'pln-bench-'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const all = path.join(work, 'cohort');
    const small = path.join(work, 'cohort-small');
    mkdirSync(all);
    mkdirSync(small);
    const cohort = syntheticCohort(options.learners);
    cohort.forEach((answers, i) => {
      const name = `learner-${String(i + 1).padStart(3, '0')}.json`;
      const text = `${JSON.stringify(answers, null, 2)}\n`;
      writeFileSync(path.join(all, name), text);
      if (i < options.small) writeFileSync(path.join(small, name), text);
    });
    const one = path.join(all, 'learner-001.json');
    const bin = path.join(ROOT, 'bin', 'pln-worksheets.js');
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runNode([SELF, '--child=cli', ...args], env);
    const jobs = options.jobs !== undefined ? ['--jobs', String(options.jobs)] : [];
    const machine = { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100) };
    log(`machine: ${machine.cpus} cores, load ${machine.loadAverageAtStart.join(' ')}; cohort of ${options.learners} in ${work}`);

    log('node start, node start + renderer import, cold fill, cold fill --fillable, and cold fill from the modules (for reference), in turns…');
    const { bare, imported, fills, fillableFills, moduleFills } = await inTurns(options.repeat, {
      bare: () => runNode(['-e', '0']),
      imported: () => runNode(['--input-type=module', '-e', "await import('@react-pdf/renderer')"]),
      fills: () => runNode([bin, 'fill', one, '--out', path.join(work, 'one.pdf')]),
      fillableFills: () => runNode([bin, 'fill', one, '--fillable', '--out', path.join(work, 'one-form.pdf')]),
      moduleFills: () => runNode([bin, 'fill', one, '--out', path.join(work, 'one.pdf')], { PLN_WORKSHEETS_MODULES: '1' }),
    });
    const fillPages = await pageCount(path.join(work, 'one.pdf'));
    log('warm fill…');
    const warm = await repeat(options.repeat, () => runNode([SELF, '--child=warm', one, '5']));

    const bundleRun = async (dir: string, out: string, extra: string[], env: NodeJS.ProcessEnv = {}) =>
      cli(['bundle', dir, '--title', 'Coaching retreat', '--quiet', '--out', out, ...jobs, ...extra], env);
    log(`bundle of ${options.small}, --no-cache…`);
    const smallRuns = await repeat(options.bigRepeat, () => bundleRun(small, path.join(work, 'small.pdf'), ['--no-cache']));
    const smallPages = await pageCount(path.join(work, 'small.pdf'));
    log(`bundle of ${options.learners} (--no-cache), the engine floor for as many plain pages in one document, and the floor as React-PDF ships (for reference), in turns…`);
    let fullPages = 0; // known after the first bundle, which each turn starts with
    const { full: fullRuns, floor: floors, stockFloor: stockFloors } = await inTurns(options.bigRepeat, {
      full: async () => {
        const run = await bundleRun(all, path.join(work, 'full.pdf'), ['--no-cache']);
        fullPages ||= await pageCount(path.join(work, 'full.pdf'));
        return run;
      },
      floor: () => runNode([SELF, '--child=floor', String(fullPages)]),
      stockFloor: () => runNode([SELF, '--child=floor', String(fullPages), 'stock']),
    });

    log('rebuild after one answers file changed (cache)…');
    const cacheDir = path.join(work, 'cache');
    const cacheEnv = { PLN_WORKSHEETS_CACHE_DIR: cacheDir };
    const filling = await bundleRun(all, path.join(work, 'cached.pdf'), [], cacheEnv);
    const rebuilds: ChildResult[] = [];
    for (let i = 0; i < options.bigRepeat; i++) {
      const changed = cohort[0]!;
      changed.goals!.coachSupport = `${changed.goals!.coachSupport ?? ''} (changed ${i + 1})`;
      writeFileSync(one, `${JSON.stringify(changed, null, 2)}\n`);
      rebuilds.push(await bundleRun(all, path.join(work, 'rebuilt.pdf'), [], cacheEnv));
    }
    const rebuildReport = rebuilds.map((run) => run.report);

    const ms = (runs: ChildResult[]) => median(runs.map((run) => run.wallMs));
    const peak = (runs: ChildResult[]) => median(runs.map((run) => run.peakMb));
    const nodeMs = ms(bare);
    const importMs = ms(imported);
    const fillMs = ms(fills);
    const smallMs = ms(smallRuns);
    const fullMs = ms(fullRuns);
    const floorMs = ms(floors);
    const rebuildMs = ms(rebuilds);
    const smallPerPage = smallMs / smallPages;
    const fullPerPage = fullMs / fullPages;
    const results = {
      machine,
      repeats: { quick: options.repeat, big: options.bigRepeat },
      nodeStartMs: round(nodeMs),
      nodeStartAndRendererImportMs: round(importMs),
      coldFill: { ms: round(fillMs), pages: fillPages, startAndImportShare: round(importMs / fillMs, 3), timesStartAndImport: round(fillMs / importMs, 2) },
      coldFillFromModules: { ms: round(ms(moduleFills)), timesStartAndImport: round(ms(moduleFills) / importMs, 2) },
      coldFillFillable: { ms: round(ms(fillableFills)), pages: await pageCount(path.join(work, 'one-form.pdf')) },
      warmFill: { msPerPage: round(median(warm.map((run) => Number(run.report.msPerPage)))), pages: Number(warm[0]?.report.pages) },
      bundleSmall: { learners: options.small, pages: smallPages, ms: round(smallMs), msPerPage: round(smallPerPage, 2), pagesPerSecond: round(smallPages / (smallMs / 1000), 1), peakMb: peak(smallRuns) },
      bundle: { learners: options.learners, pages: fullPages, ms: round(fullMs), msPerPage: round(fullPerPage, 2), pagesPerSecond: round(fullPages / (fullMs / 1000), 1), peakMb: peak(fullRuns) },
      timePerPageGrowth: round(fullPerPage / smallPerPage - 1, 3),
      cacheFill: { ms: round(filling.wallMs), peakMb: filling.peakMb },
      rebuildOneChanged: { ms: round(rebuildMs), shareOfFullBuild: round(rebuildMs / fullMs, 3), peakMb: peak(rebuilds), runs: rebuildReport.length },
      floor: {
        pages: fullPages,
        ms: round(floorMs),
        renderMs: round(median(floors.map((run) => Number(run.report.renderMs)))),
        msPerPage: round(floorMs / fullPages, 2),
        pagesPerSecond: round(fullPages / (floorMs / 1000), 1),
        peakMb: peak(floors),
      },
      floorStock: { pages: fullPages, ms: round(ms(stockFloors)), msPerPage: round(ms(stockFloors) / fullPages, 2), peakMb: peak(stockFloors) },
      runs: {
        bundleMs: fullRuns.map((r) => round(r.wallMs)),
        bundleSmallMs: smallRuns.map((r) => round(r.wallMs)),
        floorMs: floors.map((r) => round(r.wallMs)),
        floorStockMs: stockFloors.map((r) => round(r.wallMs)),
        rebuildMs: rebuilds.map((r) => round(r.wallMs)),
        coldFillMs: fills.map((r) => round(r.wallMs)),
        coldFillFromModulesMs: moduleFills.map((r) => round(r.wallMs)),
        coldFillFillableMs: fillableFills.map((r) => round(r.wallMs)),
        importMs: imported.map((r) => round(r.wallMs)),
      },
      loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
    const targets = [
      { target: `${options.learners}-learner bundle no slower than the engine floor`, met: fullMs <= floorMs, figures: `${fmt(fullMs)} vs ${fmt(floorMs)} for ${fullPages} pages` },
      { target: `${options.learners}-learner bundle peaks under 500 MB`, met: results.bundle.peakMb < 500, figures: `${results.bundle.peakMb} MB` },
      { target: `time per page grows ≤ 15% from ${options.small} to ${options.learners} learners`, met: results.timePerPageGrowth <= 0.15, figures: `${pct(results.timePerPageGrowth)} (${results.bundleSmall.msPerPage} → ${results.bundle.msPerPage} ms/page)` },
      { target: 'cold fill ≤ 3× node start + renderer import', met: fillMs <= 3 * importMs, figures: `${fmt(fillMs)} = ${results.coldFill.timesStartAndImport}× ${fmt(importMs)}` },
      { target: 'rebuild after one answers file changed < 20% of the full build', met: rebuildMs < 0.2 * fullMs, figures: `${fmt(rebuildMs)} = ${pct(rebuildMs / fullMs)} of ${fmt(fullMs)}` },
    ];
    printTable(results, targets);
    const json = JSON.stringify({ ...results, targets }, null, 2);
    process.stdout.write(`\n${json}\n`);
    if (options.json) writeFileSync(options.json, `${json}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
function fmt(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the results' shape is inferred where they are built, above
function printTable(r: any, targets: { target: string; met: boolean; figures: string }[]): void {
  const rows: [string, string][] = [
    ['machine', `${r.machine.cpus} cores, ${r.machine.memoryGb} GB, node ${r.machine.node}, load ${r.machine.loadAverageAtStart.join(' ')} → ${r.loadAverageAtEnd.join(' ')}`],
    ['node start', fmt(r.nodeStartMs)],
    ['node start + renderer import', fmt(r.nodeStartAndRendererImportMs)],
    [`cold fill (1 learner, ${r.coldFill.pages} pages)`, `${fmt(r.coldFill.ms)}; start + import = ${pct(r.coldFill.startAndImportShare)} of it (${r.coldFill.timesStartAndImport}×)`],
    ['  the same, from the modules', `${fmt(r.coldFillFromModules.ms)} (${r.coldFillFromModules.timesStartAndImport}×; no one-file CLI nor code cache; for reference)`],
    [`cold fill --fillable (the form, ${r.coldFillFillable.pages} pages)`, fmt(r.coldFillFillable.ms)],
    ['warm fill, per page', `${r.warmFill.msPerPage} ms`],
    [`bundle ${r.bundleSmall.learners} learners, --no-cache`, `${fmt(r.bundleSmall.ms)}, ${r.bundleSmall.pages} pages, ${r.bundleSmall.msPerPage} ms/page, ${r.bundleSmall.pagesPerSecond} pages/s, peak ${r.bundleSmall.peakMb} MB`],
    [`bundle ${r.bundle.learners} learners, --no-cache`, `${fmt(r.bundle.ms)}, ${r.bundle.pages} pages, ${r.bundle.msPerPage} ms/page, ${r.bundle.pagesPerSecond} pages/s, peak ${r.bundle.peakMb} MB`],
    [`time per page, ${r.bundleSmall.learners} → ${r.bundle.learners}`, pct(r.timePerPageGrowth)],
    [`bundle ${r.bundle.learners}, filling the cache`, `${fmt(r.cacheFill.ms)}, peak ${r.cacheFill.peakMb} MB`],
    [`rebuild ${r.bundle.learners}, one file changed`, `${fmt(r.rebuildOneChanged.ms)} (${pct(r.rebuildOneChanged.shareOfFullBuild)} of the full build), peak ${r.rebuildOneChanged.peakMb} MB`],
    [`engine floor, ${r.floor.pages} plain pages`, `${fmt(r.floor.ms)} (render ${fmt(r.floor.renderMs)}), ${r.floor.msPerPage} ms/page, ${r.floor.pagesPerSecond} pages/s, peak ${r.floor.peakMb} MB`],
    ['  the same, renderer as shipped', `${fmt(r.floorStock.ms)}, ${r.floorStock.msPerPage} ms/page, peak ${r.floorStock.peakMb} MB (patches off; for reference)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const out = [`${'measure'.padEnd(width)} | figure`, `${'-'.repeat(width)}-+-${'-'.repeat(60)}`];
  for (const [k, v] of rows) out.push(`${k.padEnd(width)} | ${v}`);
  out.push('', 'targets:');
  for (const t of targets) out.push(`  [${t.met ? 'met ' : 'MISS'}] ${t.target}: ${t.figures}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

const argv = process.argv.slice(2);
const child = argv[0]?.startsWith('--child=') ? argv[0].slice('--child='.length) : undefined;
if (child === 'cli') await childCli(argv.slice(1));
else if (child === 'warm') await childWarm(argv[1]!, Number(argv[2] ?? 5));
else if (child === 'floor') await childFloor(Number(argv[1]), argv[2] === 'stock');
else if (child !== undefined) throw new Error(`unknown child mode ${child}`);
else await bench(parseArgs(argv));

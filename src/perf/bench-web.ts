/**
 * `npm run bench:web`: figures for the web app in out/site (not assertions).
 * - first visit: what the page transfers before any font script, gzip -9 (HTML, JS, CSS, Latin fonts);
 * - first PDF of examples/resident-smart.json in headless Chromium vs the CLI's cold `fill`;
 * - the preview after a keystroke (goal sheet), median, vs the CLI's cold `fill --sheet goals`.
 * Chromium is Debian's (/usr/bin/chromium) or CHROMIUM_PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildSite } from '../scripts/build-site.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = path.join(root, 'examples/resident-smart.json');
const bin = path.join(root, 'bin/pln-worksheets.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function cliFill(out: string, extra: string[] = []): number {
  const started = performance.now();
  execFileSync(process.execPath, [bin, 'fill', example, '--out', out, ...extra], { stdio: 'ignore' });
  return performance.now() - started;
}

const work = await mkdtemp(path.join(os.tmpdir(), 'pln-bench-web-'));
const site = path.join(work, 'site');
await buildSite({ outDir: site });
let firstVisit = 0;
for (const file of ['index.html', 'app.js', 'app.css']) firstVisit += gzipSync(await readFile(path.join(site, file)), { level: 9 }).length;
console.log(`first visit (gzip): ${(firstVisit / 1e6).toFixed(2)} MB (target <= 1.5 MB)`);

// The page's saved draft for the example (as src/web/draft.ts answersToDraft makes it: values as typed).
const answers = JSON.parse(await readFile(example, 'utf8'));
delete answers.$schema;
delete answers.version;
if (answers.session?.number !== undefined) answers.session.number = String(answers.session.number);
const draft = JSON.stringify(answers);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const url = pathToFileURL(path.join(site, 'index.html')).href;
const firstPdf: number[] = [];
const cliCold: number[] = [];
const keystroke: number[] = [];
const cliGoals: number[] = [];
for (let run = 0; run < RUNS; run++) {
  cliCold.push(cliFill(path.join(work, 'cli.pdf')));
  cliGoals.push(cliFill(path.join(work, 'cli-goals.pdf'), ['--sheet', 'goals']));
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate((d) => localStorage.setItem('pln-worksheets:draft', d), draft);
  await page.goto(url);
  await page.waitForSelector('body[data-ready=true]');
  // The first PDF: the whole packet, in a page that has drawn nothing yet.
  await page.focus('#download-pdf');
  const started = performance.now();
  await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.keyboard.press('Enter')]);
  firstPdf.push(performance.now() - started);
  await page.waitForFunction(() => Number(document.body.dataset.previews ?? 0) >= 1, undefined, { timeout: 300_000 });
  // A keystroke in the goal sheet until its preview is shown, the pause before it included (as long
  // as the last preview took to render, at least 400 ms: src/web/preview-pause.ts).
  for (let key = 0; key < 3; key++) {
    const before = Number(await page.getAttribute('body', 'data-previews'));
    await page.focus('#f-goals-focus');
    const typed = performance.now();
    await page.keyboard.type('x');
    await page.waitForFunction((n) => Number(document.body.dataset.previews) > n, before, { timeout: 300_000 });
    keystroke.push(performance.now() - typed);
  }
  await context.close();
}
await browser.close();
await rm(work, { recursive: true, force: true });
const ms = (v: number) => `${Math.round(v)} ms`;
console.log(`first PDF in Chromium (median of ${RUNS}): ${ms(median(firstPdf))}; CLI cold fill: ${ms(median(cliCold))}; ratio ${(median(firstPdf) / median(cliCold)).toFixed(2)}x (target <= 2x)`);
console.log(`preview after a keystroke (median of ${keystroke.length}, incl. the pause before it): ${ms(median(keystroke))}; CLI cold fill --sheet goals: ${ms(median(cliGoals))}`);

/**
 * Part of every build (`npm run build`, `prepare`, `pretest`, `bench`): the command line and the
 * bundle worker each as one CommonJS file (dist/cli.bundle.cjs, dist/worker.bundle.cjs), which
 * they run with V8's code cache (see launch.ts); then first runs, so that the caches hold the
 * compiled code of real work.
 *
 * Why: a cold `fill` compiled some 300 modules' functions as it first ran them (~110 ms of ~1 s);
 * Node 20 keeps no compile cache for ES modules, but a script's can be saved and given back.
 *
 * The file runs wherever the package lies, laid out as here (a clone, or a global install of the
 * packed tarball): `import.meta.url` becomes each module's path under the package root, made a
 * file URL there at run time (fonts, templates, the worker script and dependencies' data are found
 * where they are), and its first line lists those files, so that a layout where they are not
 * (dependencies hoisted into another project's node_modules) runs the modules instead.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUILDS, IMPORT_PARAMETER, LOCATION_PARAMETER, bundleBanner, type BuildName } from '../launch.js';

const distDir = fileURLToPath(new URL('../', import.meta.url));
const root = path.dirname(distDir);

/** Loaded where they are: a native addon, and 11 MB of character names needed only for warnings. */
const EXTERNAL = ['@resvg/resvg-js', 'unicode-name'];

/**
 * Each module keeps its own location (esbuild would otherwise leave import.meta empty in CJS),
 * through the launcher's `LOCATION_PARAMETER`, and `located` collects those modules' paths under
 * the package root; an `import()` of an external module goes through the launcher's
 * (`IMPORT_PARAMETER`): a script compiled from V8's code cache has no dynamic import of its own
 * in Node 20.
 */
const ownLocation = (located: Set<string>): Plugin => ({
  name: 'own-import-meta-url',
  setup(builder) {
    builder.onLoad({ filter: /\.(c|m)?js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url') && !source.includes('import(')) return undefined;
      const file = path.relative(root, args.path).split(path.sep).join('/');
      if (file.startsWith('../')) throw new Error(`${args.path} is outside the package: the one-file build could not find it once installed`);
      if (source.includes('import.meta.url')) located.add(file);
      source = source.replaceAll('import.meta.url', `${LOCATION_PARAMETER}(${JSON.stringify(file)})`);
      for (const name of EXTERNAL) source = source.replaceAll(`import('${name}')`, `${IMPORT_PARAMETER}('${name}')`);
      return { contents: source, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
});

/**
 * What the builds were made from (dist/bundles.inputs.json): every file esbuild read, and a digest
 * of them with this script, the bin, Node's version and the folder. `npm test` compiles first, and
 * most of its runs change nothing here: then the builds and their code caches stand (about 7 s).
 */
const STAMP = path.join(distDir, 'bundles.inputs.json');
const OWN_FILES = [fileURLToPath(import.meta.url), path.join(root, 'bin', 'pln-worksheets.js')];

async function inputsDigest(inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256').update(`${process.version} ${process.arch} ${distDir}\0`);
  for (const file of [...OWN_FILES, ...inputs]) hash.update(`${file}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/** The builds and their code caches. */
const OUTPUTS = Object.values(BUILDS).flatMap((build) => [build.file, build.cache].map((file) => path.join(distDir, file)));

/** Whether the builds on disk were made from the files as they are now. */
async function upToDate(): Promise<boolean> {
  if (!OUTPUTS.every((file) => existsSync(file))) return false;
  try {
    const stamp = JSON.parse(await readFile(STAMP, 'utf8')) as { digest: string; inputs: string[] };
    return (await inputsDigest(stamp.inputs)) === stamp.digest;
  } catch {
    return false; // no stamp, or an input is gone
  }
}

/** One build: `name`'s entry module and everything it imports, as one ASCII CommonJS file; returns the files it read. */
async function bundle(name: BuildName): Promise<string[]> {
  const outfile = path.join(distDir, BUILDS[name].file);
  const located = new Set<string>();
  const { metafile } = await build({
    metafile: true,
    entryPoints: [path.join(distDir, BUILDS[name].entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Dependencies' ES module builds (jsonc-parser's UMD build requires files at run time).
    mainFields: ['module', 'main'],
    external: EXTERNAL,
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [ownLocation(located)],
    logLevel: 'warning',
  });
  // Pure ASCII, so that the launcher can read it as Latin-1 (a copy) rather than decode UTF-8
  // (12 ms of every start): the few other characters esbuild leaves (in comments and one regular
  // expression) become \u escapes, which mean the same there.
  const body = (await readFile(outfile, 'utf8')).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A dynamic import left in the file would fail when it runs from the code cache.
  const leftOver = /(?<![\w.$])import\(\s*["'`]/.exec(body);
  if (leftOver) throw new Error(`${BUILDS[name].file} still has a dynamic import (${leftOver[0]}…): add the module to EXTERNAL`);
  await writeFile(outfile, `${bundleBanner([...located].sort())}\n${body}`);
  rmSync(path.join(distDir, BUILDS[name].cache), { force: true });
  return Object.keys(metafile.inputs).map((input) => path.resolve(input));
}

if (await upToDate()) {
  // tsc may have written the same modules again: the builds are as new as they are (launch.ts).
  const now = new Date();
  for (const file of OUTPUTS) utimesSync(file, now, now);
  console.log(`dist/${BUILDS.cli.file} and dist/${BUILDS.worker.file} are up to date`);
  process.exit(0);
}
rmSync(STAMP, { force: true });
const inputs = [...new Set([...(await bundle('cli')), ...(await bundle('worker'))])].sort();
// Taken now, from the files as esbuild read them: one edited during the first runs below is not
// recorded as built.
const stamp = `${JSON.stringify({ digest: await inputsDigest(inputs), inputs }, null, 1)}\n`;

// First runs, to fill the code caches: a fill (the CLI's, written when the bin finds none), then
// a bundle with two workers (each worker's, written after its first packet).
const work = mkdtempSync(path.join(os.tmpdir(), 'pln-bundle-'));
try {
  const bin = path.join(root, 'bin', 'pln-worksheets.js');
  for (const args of [
    ['fill', path.join(root, 'examples', 'resident-smart.json'), '--out', path.join(work, 'warm.pdf')],
    ['bundle', path.join(root, 'examples', 'first-year-woop.json'), path.join(root, 'examples', 'resident-smart.json'), '--jobs', '2', '--no-cache', '--quiet', '--out', path.join(work, 'warm-bundle.pdf')],
  ]) {
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: work }); // cwd: no project config file
    if (run.status !== 0) throw new Error(`the bundled CLI failed its first run (${args[0]}): ${run.stderr}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
await writeFile(STAMP, stamp);
console.log(`dist/${BUILDS.cli.file} and dist/${BUILDS.worker.file}, with their code caches`);

/**
 * How the command line and its bundle workers start: from their one-file builds
 * (scripts/bundle-cli.ts) with V8's code cache when a file is there, made for this folder and not
 * older than the modules; else from the modules. Both run the same code; the file only spares
 * compiling it again at every start. PLN_WORKSHEETS_MODULES=1 always runs the modules.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The one-file builds, in dist/: each with the module it stands for and its code cache. */
export const BUILDS = {
  cli: { file: 'cli.bundle.cjs', cache: 'cli.bundle.v8cache', entry: 'cli/main.js' },
  worker: { file: 'worker.bundle.cjs', cache: 'worker.bundle.v8cache', entry: 'bundle/worker.js' },
} as const;
export type BuildName = keyof typeof BUILDS;

/** The bundles' `import()` for modules left out of them (see scripts/bundle-cli.ts). */
export const IMPORT_PARAMETER = '__plnImport';

/** Called by a bundle worker after each packet (see bundle/worker.ts): its code is compiled by then. */
export const AFTER_JOB = Symbol.for('pln-worksheets.afterJob');

/** A one-file build's first line: the dist folder it was made for (its modules' paths are that folder's). */
export function bundleBanner(distDir: string): string {
  return `// pln-worksheets one-file build, made for ${JSON.stringify(distDir)}`;
}

/**
 * Whether a one-file build may stand in for the modules: made for this dist folder, and built
 * after them. A plain `tsc` rewrites every module, so a build older than its entry module predates
 * the code; `npm run compile`'s incremental tsc rewrites only changed ones, and is always followed
 * by scripts/bundle-cli.ts, which builds again or, when its inputs are unchanged, dates the builds now.
 */
export function bundleIsUsable(source: string, distDir: string, bundleModified: number, modulesModified: number): boolean {
  return source.startsWith(`${bundleBanner(distDir)}\n`) && bundleModified >= modulesModified;
}

type Main = (argv: readonly string[]) => Promise<number>;

interface Loaded {
  exports: Record<string, unknown>;
  /** Saves the code compiled so far, when there was no usable cache. */
  keepCodeCache(): void;
}

const distDir = fileURLToPath(new URL('./', import.meta.url));

/** Runs a one-file build (its top level: a worker starts there); undefined when it is not usable. */
function load(name: BuildName): Loaded | undefined {
  if (process.env.PLN_WORKSHEETS_MODULES) return undefined;
  const build = BUILDS[name];
  const file = path.join(distDir, build.file);
  const cacheFile = path.join(distDir, build.cache);
  let source: string;
  try {
    source = readFileSync(file, 'latin1'); // written as ASCII (scripts/bundle-cli.ts)
    if (!bundleIsUsable(source, distDir, statSync(file).mtimeMs, statSync(path.join(distDir, build.entry)).mtimeMs)) return undefined;
  } catch {
    return undefined; // no bundle: run the modules
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // none yet: this run makes it
  }
  // As Node wraps a CommonJS module; V8 checks the cache against the source and its own version.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAMETER}) {${source}\n})`, { filename: file, cachedData });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  cachedData = undefined;
  const module = { exports: {} as Record<string, unknown> };
  const importModule = (specifier: string) => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, distDir, importModule);
  let kept = usable;
  return {
    exports: module.exports,
    keepCodeCache() {
      if (kept) return;
      kept = true;
      // worker_threads only now: loading it at every start cost a fill ~1 ms for a file name
      const { threadId } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
      const temporary = `${cacheFile}.${process.pid}.${threadId}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        rmSync(temporary, { force: true }); // a read-only install: start without a cache
      }
    },
  };
}

/** Runs the command line; returns the exit code. */
export async function launch(argv: readonly string[]): Promise<number> {
  const bundled = load('cli');
  const main = typeof bundled?.exports.main === 'function' ? (bundled.exports.main as Main) : (await import('./cli/main.js')).main;
  const code = await main(argv);
  bundled?.keepCodeCache();
  return code;
}

/** Starts a bundle worker from its one-file build; false when the modules must run instead. */
export function startBundledWorker(): boolean {
  const bundled = load('worker');
  if (!bundled) return false;
  (globalThis as { [AFTER_JOB]?: () => void })[AFTER_JOB] = () => bundled.keepCodeCache();
  return true;
}

/**
 * How the command line and its bundle workers start: from their one-file builds
 * (scripts/bundle-cli.ts) with V8's code cache when a file is there, usable where it lies (below)
 * and not older than the modules; else from the modules. Both run the same code; the file only
 * spares compiling it again at every start. PLN_WORKSHEETS_MODULES=1 always runs the modules.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The one-file builds, in dist/: each with the module it stands for and its code cache. */
export const BUILDS = {
  cli: { file: 'cli.bundle.cjs', cache: 'cli.bundle.v8cache', entry: 'cli/main.js' },
  worker: { file: 'worker.bundle.cjs', cache: 'worker.bundle.v8cache', entry: 'bundle/worker.js' },
} as const;
export type BuildName = keyof typeof BUILDS;

/** The bundles' `import()` for modules left out of them (see scripts/bundle-cli.ts). */
export const IMPORT_PARAMETER = '__plnImport';

/**
 * The bundles' `import.meta.url`: a bundled module's file URL from its path under the package
 * root, where the package is now (a clone, or a global install of the packed tarball).
 */
export const LOCATION_PARAMETER = '__plnLocation';

/** Called by a bundle worker after each packet (see bundle/worker.ts): its code is compiled by then. */
export const AFTER_JOB = Symbol.for('pln-worksheets.afterJob');

const BANNER = '// pln-worksheets one-file build; files it finds under the package root: ';

/**
 * A one-file build's first line: the files under the package root its modules find by their own
 * location (fonts, templates, dependencies' data), as paths from the root with "/".
 */
export function bundleBanner(located: readonly string[]): string {
  return `${BANNER}${JSON.stringify(located)}`;
}

/**
 * Whether a one-file build may stand in for the modules: built after them (`builtAfterModules`,
 * below), and every file its modules find by location is where it expects it under `packageRoot`
 * (not so where npm hoisted the dependencies into another project's node_modules).
 */
export function bundleIsUsable(source: string, packageRoot: string, builtAfterModules: boolean, exists: (file: string) => boolean = existsSync): boolean {
  if (!builtAfterModules || !source.startsWith(BANNER)) return false;
  const end = source.indexOf('\n');
  let located: unknown;
  try {
    located = JSON.parse(source.slice(BANNER.length, end < 0 ? undefined : end));
  } catch {
    return false;
  }
  return Array.isArray(located) && located.every((file) => typeof file === 'string' && exists(path.join(packageRoot, file)));
}

/**
 * In a checkout (where `npm run compile` keeps dist/.tsbuildinfo), a plain `tsc` rewrites every
 * module, so a build older than its entry module predates the code; `npm run compile`'s
 * incremental tsc rewrites only changed ones, and is always followed by scripts/bundle-cli.ts,
 * which builds again or, when its inputs are unchanged, dates the builds now. An installed
 * package holds its files as packed, which npm dates as it extracts them, in no useful order.
 */
export function builtAfterModules(distDir: string, bundle: string, entry: string): boolean {
  return !existsSync(path.join(distDir, '.tsbuildinfo')) || statSync(bundle).mtimeMs >= statSync(entry).mtimeMs;
}

type Main = (argv: readonly string[]) => Promise<number>;

interface Loaded {
  exports: Record<string, unknown>;
  /** Saves the code compiled so far, when there was no usable cache. */
  keepCodeCache(): void;
}

const distDir = fileURLToPath(new URL('./', import.meta.url));
const packageRoot = path.dirname(distDir);
/** A bundled module's `import.meta.url`, from its path under the package root (LOCATION_PARAMETER). */
const locationOf = (file: string): string => pathToFileURL(path.join(packageRoot, file)).href;

/** Runs a one-file build (its top level: a worker starts there); undefined when it is not usable. */
function load(name: BuildName): Loaded | undefined {
  if (process.env.PLN_WORKSHEETS_MODULES) return undefined;
  const build = BUILDS[name];
  const file = path.join(distDir, build.file);
  const cacheFile = path.join(distDir, build.cache);
  let source: string;
  try {
    // Dated first: a stale build in a checkout is not read at all (6 MB).
    const fresh = builtAfterModules(distDir, file, path.join(distDir, build.entry));
    if (!fresh) return undefined;
    source = readFileSync(file, 'latin1'); // written as ASCII (scripts/bundle-cli.ts)
    if (!bundleIsUsable(source, packageRoot, fresh)) return undefined;
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
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, ${IMPORT_PARAMETER}, ${LOCATION_PARAMETER}) {${source}\n})`, { filename: file, cachedData });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  cachedData = undefined;
  const module = { exports: {} as Record<string, unknown> };
  const importModule = (specifier: string) => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, distDir, importModule, locationOf);
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

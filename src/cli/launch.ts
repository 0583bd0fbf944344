/**
 * How bin/ starts the command line: from its one-file build (scripts/bundle-cli.ts) with V8's code
 * cache when that file is there, made for this folder and not older than the modules; else from
 * the modules. Both run the same code; the file only spares compiling it again at every start.
 * PLN_WORKSHEETS_MODULES=1 always runs the modules.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE_FILE = 'cli.bundle.cjs';
export const CODE_CACHE_FILE = 'cli.bundle.v8cache';
/** The bundle's `import()` for modules left out of it (see scripts/bundle-cli.ts). */
export const IMPORT_PARAMETER = '__plnImport';

/** The bundle's first line: the dist folder it was made for (its modules' paths are that folder's). */
export function bundleBanner(distDir: string): string {
  return `// pln-worksheets command line, built for ${JSON.stringify(distDir)}`;
}

/**
 * Whether the bundle may stand in for the modules: made for this dist folder, and built after
 * them (tsc rewrites every module, so a bundle older than main.js predates the code).
 */
export function bundleIsUsable(source: string, distDir: string, bundleModified: number, modulesModified: number): boolean {
  return source.startsWith(`${bundleBanner(distDir)}\n`) && bundleModified >= modulesModified;
}

type Main = (argv: readonly string[]) => Promise<number>;

interface Bundled {
  main: Main;
  /** Saves the code compiled during this run, when there was no usable cache. */
  keepCodeCache(): void;
}

function loadBundle(): Bundled | undefined {
  const distDir = fileURLToPath(new URL('../', import.meta.url));
  const file = path.join(distDir, BUNDLE_FILE);
  const cacheFile = path.join(distDir, CODE_CACHE_FILE);
  let source: string;
  try {
    source = readFileSync(file, 'latin1'); // written as ASCII (scripts/bundle-cli.ts)
    const modulesModified = statSync(fileURLToPath(new URL('./main.js', import.meta.url))).mtimeMs;
    if (!bundleIsUsable(source, distDir, statSync(file).mtimeMs, modulesModified)) return undefined;
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
  const module = { exports: {} as { main?: Main } };
  const importModule = (specifier: string) => import(specifier);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, distDir, importModule);
  const main = module.exports.main;
  if (typeof main !== 'function') return undefined;
  return {
    main,
    keepCodeCache() {
      if (cachedData && !script.cachedDataRejected) return;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
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
  const bundled = process.env.PLN_WORKSHEETS_MODULES ? undefined : loadBundle();
  const main = bundled?.main ?? (await import('./main.js')).main;
  const code = await main(argv);
  bundled?.keepCodeCache();
  return code;
}

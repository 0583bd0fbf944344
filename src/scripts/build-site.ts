/**
 * The static web app in out/site: index.html, app.js (one classic script, so it runs from file://
 * and from any sub-path), app.css, and fonts/<family>.js for the scripts loaded only when answers
 * need them. The browser bundle is the core itself, with the few modules that touch files or
 * Node swapped for browser ones (src/web/seams/), and the copy read here, at build time.
 *
 *   node dist/scripts/build-site.js [--templates DIR] [--out DIR]
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { builtInLocales, builtInTemplatesDir, REFERENCE_LOCALE, readTemplateFiles, templateFilesFor } from '../copy/load.js';
import { compileCopy, copyKeys, TemplateError } from '../copy/copy.js';
import { precompiledModule } from '../copy/precompile.js';
import { READER_FONT_FAMILY, READER_FONT_FILE } from '../pdf/fillable/reader-font.js';
import { BASE_FAMILY, BUNDLED_FAMILIES, regularFace } from '../pdf/unicode/registry.js';
import { productVersion } from '../version.js';
import { siteHtml } from './build-site-html.js';
import { siteLicences } from './site-licences.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const src = path.join(root, 'src');
const web = path.join(src, 'web');

export interface SiteOptions {
  outDir?: string;
  /** An override folder with the layout of templates/ (as --templates). */
  templatesDir?: string;
}

/** Core modules the browser bundle replaces (absolute .ts path → replacement). */
const SEAMS: Record<string, string> = {
  'pdf/unicode/font-file.ts': 'web/seams/font-file.ts',
  'pdf/unicode/fontkit.ts': 'web/seams/fontkit.ts',
  'copy/load.ts': 'web/seams/copy-load.ts',
  'copy/precompiled-templates.ts': 'pln-site:precompiled',
  'version.ts': 'pln-site:version',
  'bundle/split.ts': 'web/seams/unavailable.ts',
  'bundle/cache.ts': 'web/seams/bundle-cache.ts',
  'bundle/pool.ts': 'web/seams/bundle-pool.ts',
  'import/raw-bytes.ts': 'web/seams/import-raw-bytes.ts',
  'pdf/fillable/font-source.ts': 'web/seams/fillable-font-source.ts',
};

/** A family's file name under fonts/: "Noto Sans SC" → "noto-sans-sc.js". */
export function fontScriptName(family: string): string {
  return `fonts/${family.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.js`;
}

/** A font file deflated for app.js (src/web/deflated-fonts.ts inflates it in the page). */
export async function deflatedFont(file: string): Promise<string> {
  return deflateRawSync(await readFile(file), { level: 9 }).toString('base64');
}

async function dataUrl(file: string): Promise<string> {
  return `data:font/ttf;base64,${(await readFile(file)).toString('base64')}`;
}

/**
 * The font families the page loads only when needed, each as fonts/<family>.js: the scripts' own
 * (when the answers need them) and the fillable form's typing font (when one is asked for).
 */
function lazyFamilies(): { family: string; faces: { file: string; src: string }[] }[] {
  return [
    ...BUNDLED_FAMILIES.filter((f) => f.family !== BASE_FAMILY).map((f) => ({ family: f.family, faces: f.faces.map(({ file, src }) => ({ file, src })) })),
    { family: READER_FONT_FAMILY, faces: [{ file: READER_FONT_FILE, src: require.resolve(READER_FONT_FILE) }] },
  ];
}

/**
 * The licences of the fonts the site carries, in one text file beside them: the OFL (and DejaVu's
 * licence) ask that each copy of a font travel with its licence.
 */
async function fontLicences(): Promise<string> {
  const licences = [
    ...BUNDLED_FAMILIES.map((f) => ({ family: f.family, file: path.join(path.dirname(regularFace(f).src), 'OFL.txt') })),
    { family: READER_FONT_FAMILY, file: path.join(path.dirname(require.resolve(READER_FONT_FILE)), '..', 'LICENSE') },
  ];
  const texts = await Promise.all(licences.map(async ({ family, file }) => `${family}\n${'='.repeat(family.length)}\n\n${(await readFile(file, 'utf8')).trim()}\n`));
  return texts.join('\n\n');
}

/** The code points a font draws, as [first, last] pairs, flattened. */
function coverageRanges(file: string): number[] {
  const fontkit = require('fontkit') as { openSync(p: string): { characterSet: number[] } };
  const points = [...new Set(fontkit.openSync(file).characterSet)].sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const point of points) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === point - 1) ranges[ranges.length - 1] = point;
    else ranges.push(point, point);
  }
  return ranges;
}

async function virtualModules(options: SiteOptions): Promise<Record<string, string>> {
  const locales = await builtInLocales();
  const files = Object.fromEntries(await Promise.all(locales.map(async (l) => [l, await templateFilesFor(l, options.templatesDir)] as const)));
  const referenceKeys = copyKeys(await readTemplateFiles(builtInTemplatesDir, REFERENCE_LOCALE));
  // Compiled here first, as loadCopy does, so a template mistake is reported at its file and line.
  for (const locale of locales) compileCopy(locale, files[locale]!, { referenceKeys });
  const base = BUNDLED_FAMILIES.find((f) => f.family === BASE_FAMILY)!;
  const baseFonts = Object.fromEntries(await Promise.all(base.faces.map(async (f) => [f.file, await deflatedFont(f.src)] as const)));
  const lazy = BUNDLED_FAMILIES.filter((f) => f.family !== BASE_FAMILY);
  const coverage = Object.fromEntries(lazy.map((f) => [regularFace(f).file, coverageRanges(regularFace(f).src)]));
  const lazyFonts = Object.fromEntries(lazyFamilies().map((f) => [f.family, { script: fontScriptName(f.family), files: f.faces.map((face) => face.file) }]));
  return {
    copy: `export const TEMPLATE_FILES = ${JSON.stringify(files)};\nexport const REFERENCE_KEYS = ${JSON.stringify(referenceKeys)};\nexport const LOCALES = ${JSON.stringify(locales)};\n`,
    precompiled: precompiledModule(Object.values(files).flat()),
    version: `export const productVersion = ${JSON.stringify(productVersion)};\n`,
    'base-fonts': `export const BASE_FONTS_DEFLATED = ${JSON.stringify(baseFonts)};\n`,
    'pdf-lib': pdfLibStandIn(),
    coverage: `export const COVERAGE = ${JSON.stringify(coverage)};\nexport const LAZY_FONTS = ${JSON.stringify(lazyFonts)};\n`,
  };
}

/**
 * pdf-lib for the page's modules: a binding per pdf-lib export, filled when pdf-lib.js (its own
 * browser build) has loaded (src/web/pdf-lib-loader.ts), so it is not part of app.js.
 */
function pdfLibStandIn(): string {
  const names = Object.keys(require('pdf-lib') as object).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [
    ...names.map((name) => `export let ${name};`),
    `export function installPdfLib(lib) {\n${names.map((name) => `  ${name} = lib.${name};`).join('\n')}\n}`,
  ].join('\n');
}

function seamsPlugin(modules: Record<string, string>): esbuild.Plugin {
  return {
    name: 'pln-seams',
    setup(build) {
      const target = (replacement: string): esbuild.OnResolveResult =>
        replacement.startsWith('pln-site:')
          ? { path: replacement.slice('pln-site:'.length), namespace: 'pln-site' }
          : { path: path.join(src, replacement) };
      build.onResolve({ filter: /^pln-site:/ }, (args) => target(args.path));
      build.onLoad({ filter: /.*/, namespace: 'pln-site' }, (args) => ({ contents: modules[args.path], loader: 'ts', resolveDir: web }));
      build.onResolve({ filter: /^node:(buffer|path|os|fs\/promises)$/ }, (args) => ({ path: path.join(web, `seams/node-${args.path.slice(5).replace('/', '-')}.ts`) }));
      build.onResolve({ filter: /^unicode-name$/ }, (args) =>
        args.importer.endsWith(path.join('web', 'names-entry.ts')) ? undefined : { path: path.join(web, 'seams/unicode-name.ts') },
      );
      // Every template is precompiled above, so the page needs Handlebars' runtime, not its compiler.
      build.onResolve({ filter: /^handlebars$/ }, () => ({ path: require.resolve('handlebars/runtime') }));
      build.onResolve({ filter: /^pdf-lib$/ }, () => ({ path: 'pdf-lib', namespace: 'pln-site' }));
      // csv-parse's Node build uses the global Buffer; its browser build carries its own.
      build.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({ path: require.resolve('csv-parse/browser/esm/sync') }));
      build.onResolve({ filter: /^brotli\/decompress\.js$/ }, () => ({ path: path.join(web, 'seams/brotli.ts') }));
      build.onResolve({ filter: /^@react-pdf\/renderer$/ }, (args) =>
        args.importer === path.join(web, 'seams/react-pdf.ts') ? undefined : { path: path.join(web, 'seams/react-pdf.ts') },
      );
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const resolved = path.relative(src, path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
        const replacement = SEAMS[resolved] ?? SEAMS[resolved.replace(/\.ts$/, '.tsx')];
        return replacement ? target(replacement) : undefined;
      });
    },
  };
}

/** Writes the site; returns the files written (relative to outDir) with their sizes. */
export async function buildSite(options: SiteOptions = {}): Promise<{ file: string; bytes: number }[]> {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'out/site'));
  const modules = await virtualModules(options);
  const bundle = (entry: string) => esbuild.build({
    entryPoints: [path.join(web, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    tsconfig: path.join(web, 'tsconfig.json'),
    // pdfkit's browser module builds a URL from import.meta.url at import; IIFE output has none.
    define: { 'import.meta.url': '"file:///"', 'process.env.NODE_ENV': '"production"' },
    plugins: [seamsPlugin(modules)],
    logLevel: 'error',
    absWorkingDir: root,
    metafile: true,
  });
  const [result, names] = await Promise.all([bundle('app.ts'), bundle('names-entry.ts')]);
  if (process.env.PLN_SITE_METAFILE) await writeFile(process.env.PLN_SITE_METAFILE, JSON.stringify(result.metafile));
  const files: Record<string, string | Uint8Array> = {
    'app.js': result.outputFiles[0]!.contents,
    'names.js': names.outputFiles[0]!.contents,
    'app.css': await readFile(path.join(web, 'app.css')),
    'pdf-lib.js': await readFile(require.resolve('pdf-lib/dist/pdf-lib.min.js')),
    'index.html': siteHtml(),
    'fonts/LICENSES.txt': await fontLicences(),
    'LICENSES.txt': await siteLicences(root, [result.metafile, names.metafile], ['pdf-lib']),
  };
  for (const family of lazyFamilies()) {
    const lines = await Promise.all(family.faces.map(async (face) => `d[${JSON.stringify(face.file)}]=${JSON.stringify(await dataUrl(face.src))};`));
    files[fontScriptName(family.family)] = `(function(){var d=window.plnFontData=window.plnFontData||{};${lines.join('')}})();\n`;
  }
  await rm(outDir, { recursive: true, force: true });
  const written: { file: string; bytes: number }[] = [];
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), contents);
    written.push({ file: name, bytes: typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength });
  }
  return written;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const written = await buildSite({ outDir: argument('--out'), templatesDir: argument('--templates') });
    for (const { file, bytes } of written) console.log(`out/site/${file}  (${Math.round(bytes / 1024)} KB)`);
  } catch (error) {
    // A template mistake is the user's to fix: its located message, no stack.
    if (!(error instanceof TemplateError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compileCopy, copyKeys, TemplateError, type Copy, type TemplateFile } from './copy.js';

/** The templates folder shipped with the package: one folder per locale. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The locale every other is checked against: it has every copy key. */
export const REFERENCE_LOCALE = 'en';

async function isDirectory(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
}

async function readTemplateFile(dir: string, name: string): Promise<TemplateFile | undefined> {
  const file = path.join(dir, name);
  const info = await stat(file).catch(() => undefined);
  if (info && !info.isFile()) throw new TemplateError(file, 0, 0, 'not a regular file');
  if (info && info.size > MAX_TEMPLATE_FILE_BYTES) {
    throw new TemplateError(file, 0, 0, `is ${(info.size / 1024).toFixed(0)} KB; a template file may be at most ${MAX_TEMPLATE_FILE_BYTES / 1024} KB`);
  }
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new TemplateError(file, 0, 0, `cannot read the file (${error.code ?? error.message})`);
  });
  return text === undefined ? undefined : { name, path: path.relative(process.cwd(), file) || file, text };
}

/** Many times the largest built-in file: bounds what an override folder can make a run read. */
export const MAX_TEMPLATE_FILE_BYTES = 256 * 1024;

/** Reads a locale's template files (the I/O edge of the copy stage). */
export async function readTemplateFiles(templatesDir: string, locale: string): Promise<TemplateFile[]> {
  const dir = path.join(templatesDir, locale);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return (await Promise.all(names.map((name) => readTemplateFile(dir, name)))).filter((file) => file !== undefined);
}

/** Locales shipped with the package. */
export async function builtInLocales(): Promise<string[]> {
  const entries = await readdir(builtInTemplatesDir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Every template file of every built-in locale. */
export async function builtInTemplateFiles(): Promise<TemplateFile[]> {
  return (await Promise.all((await builtInLocales()).map((locale) => readTemplateFiles(builtInTemplatesDir, locale)))).flat();
}

let referenceKeys: Promise<string[]> | undefined;

/** Every copy key of the reference locale (English). */
export function englishKeys(): Promise<string[]> {
  referenceKeys ??= readTemplateFiles(builtInTemplatesDir, REFERENCE_LOCALE).then(copyKeys);
  return referenceKeys;
}

/**
 * The copy of a locale: the built-in templates, with an override folder's files (same layout as
 * templates/) replacing them key by key. A locale that only the override folder has starts from
 * English for the files it does not provide. Every key must exist and none may be unknown.
 */
export async function loadCopy(locale = REFERENCE_LOCALE, overrideDir?: string): Promise<Copy> {
  return compileCopy(locale, await templateFilesFor(locale, overrideDir), { referenceKeys: await englishKeys() });
}

/**
 * The template files loadCopy compiles for a locale, in order (an override file after the file it
 * overrides); the web build carries them to the browser. Checks as loadCopy does.
 */
export async function templateFilesFor(locale = REFERENCE_LOCALE, overrideDir?: string): Promise<TemplateFile[]> {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) {
    throw new TemplateError('--locale', 0, 0, `"${locale}" is not a language tag like en, es or pt-BR`);
  }
  const builtIn = path.join(builtInTemplatesDir, locale);
  const override = overrideDir ? path.join(overrideDir, locale) : undefined;
  if (overrideDir && !(await isDirectory(overrideDir))) {
    throw new TemplateError(overrideDir, 0, 0, 'the templates folder does not exist');
  }
  const hasBuiltIn = await isDirectory(builtIn);
  if (!hasBuiltIn && !(override && (await isDirectory(override)))) {
    const available = (await builtInLocales()).join(', ');
    throw new TemplateError(
      `templates/${locale}`,
      0,
      0,
      `no templates for locale "${locale}" (built in: ${available}); add a folder ${locale}/ to a --templates folder`,
    );
  }
  const names = (await readdir(path.join(builtInTemplatesDir, REFERENCE_LOCALE))).filter((name) => name.endsWith('.json')).sort();
  const files: TemplateFile[] = [];
  const bases: TemplateFile[] = [];
  for (const name of names) {
    const base = (await readTemplateFile(builtIn, name)) ?? (hasBuiltIn ? undefined : await readTemplateFile(path.join(builtInTemplatesDir, REFERENCE_LOCALE), name));
    if (base) {
      files.push(base);
      bases.push(base);
    }
    const replacement = override ? await readTemplateFile(override, name) : undefined;
    if (replacement) files.push(replacement);
  }
  if (override && (await isDirectory(override))) {
    for (const name of (await readdir(override)).filter((entry) => entry.endsWith('.json'))) {
      if (!names.includes(name)) {
        throw new TemplateError(path.join(override, name), 0, 0, `unknown template file; a locale folder holds ${names.join(', ')}`);
      }
    }
  }
  // English's own files, just read, are the reference: not read a second time for its keys.
  if (locale === REFERENCE_LOCALE && hasBuiltIn) referenceKeys ??= Promise.resolve(copyKeys(bases));
  return files;
}

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { compileCopy, type Copy, type TemplateFile } from './copy.js';

/** The templates folder shipped with the package. */
export const builtInTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Reads a locale's template files (the I/O edge of the copy stage). */
export async function readTemplateFiles(templatesDir: string, locale: string): Promise<TemplateFile[]> {
  const dir = path.join(templatesDir, locale);
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { name, path: path.relative(process.cwd(), file) || file, text: await readFile(file, 'utf8') };
    }),
  );
}

export async function loadCopy(locale = 'en', templatesDir = builtInTemplatesDir): Promise<Copy> {
  return compileCopy(locale, await readTemplateFiles(templatesDir, locale));
}

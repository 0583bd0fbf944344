import { fileURLToPath } from 'node:url';

/** The repository's fonts/ folder: three levels up from src/pdf/unicode and from dist/pdf/unicode. */
const FONTS = new URL('../../../', import.meta.url);
const located = new Map<string, string>();

/**
 * Where a bundled font file is, from its path in the package (`fonts/<family>/<face>.ttf`): an
 * absolute path. The one place that locates font files, so that the web build can swap this
 * module for one that answers with data: URLs (src/web/seams/font-file.ts).
 */
export function fontFile(packagePath: string): string {
  let file = located.get(packagePath);
  if (file === undefined) {
    file = fileURLToPath(new URL(packagePath, FONTS));
    located.set(packagePath, file);
  }
  return file;
}

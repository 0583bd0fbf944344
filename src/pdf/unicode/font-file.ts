import { fileURLToPath } from 'node:url';

/** The package's root, where fonts/ is: three levels up from src/pdf/unicode and from dist/pdf/unicode. */
const ROOT = new URL('../../../', import.meta.url);

/**
 * Where a bundled font file is, from its path in the package (`fonts/<family>/<face>.ttf`): an
 * absolute path. The one place that locates font files, so that the web build can swap this
 * module for one that answers with data: URLs (src/web/seams/font-file.ts).
 */
export function fontFile(packagePath: string): string {
  return fileURLToPath(new URL(packagePath, ROOT));
}

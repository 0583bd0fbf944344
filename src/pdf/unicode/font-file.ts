import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const located = new Map<string, string>();

/**
 * Where a bundled font file is, from its package path (`@expo-google-fonts/…/X.ttf`): an absolute
 * path in node_modules. The one place that locates font files, so that the web build can swap
 * this module for one that answers with data: URLs (src/web/seams/font-file.ts).
 */
export function fontFile(packagePath: string): string {
  let file = located.get(packagePath);
  if (file === undefined) {
    file = require.resolve(packagePath);
    located.set(packagePath, file);
  }
  return file;
}

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Where a bundled font file is, from its package path (`@expo-google-fonts/…/X.ttf`): an absolute
 * path in node_modules. The one place that locates font files, so that the web build can swap
 * this module for one that answers with data: URLs (src/web/seams/font-file.ts).
 */
export function fontFile(packagePath: string): string {
  return require.resolve(packagePath);
}

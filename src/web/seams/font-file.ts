import { fontData } from './font-data.js';

/**
 * The web app's src/pdf/unicode/font-file.ts: a bundled font file as the data: URL the page
 * holds. A file not loaded yet answers with its package path, which only the coverage check
 * (seams/fontkit.ts) reads: fonts are registered after their script has loaded.
 */
export function fontFile(packagePath: string): string {
  return fontData()[packagePath] ?? packagePath;
}

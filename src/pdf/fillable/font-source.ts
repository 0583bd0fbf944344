/**
 * Where the fillable form's own fonts come from: the bytes of a font file, and fontkit 2 to read
 * them. The one place the form code touches files, so that the web build can swap this module for
 * one that reads the fonts the page holds (src/web/seams/fillable-font-source.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadFontkit as loadReactPdfFontkit } from '../unicode/fontkit.js';

/** The part of fontkit 2 the form uses: a font from its bytes. */
export interface Fontkit2 {
  create(bytes: Uint8Array): unknown;
}

const require = createRequire(import.meta.url);

/** A bundled face's bytes, from its `src` (src/pdf/unicode/registry.ts: a path in node_modules). */
export function fontBytes(src: string): Uint8Array {
  return readFileSync(src);
}

/** The bytes of a font file shipped in an npm package (`dejavu-fonts-ttf/ttf/DejaVuSans.ttf`). */
export function packageFontBytes(packagePath: string): Uint8Array {
  return readFileSync(require.resolve(packagePath));
}

/** fontkit 2, the one React-PDF uses (src/pdf/unicode/fontkit.ts resolves it). */
export function loadFontkit(): Fontkit2 {
  return loadReactPdfFontkit();
}

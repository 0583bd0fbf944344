import * as fontkit from 'fontkit';
import type { Fontkit2 } from '../../pdf/fillable/font-source.js';
import { fontData } from './font-data.js';
import { dataUrlBytes } from './fontkit.js';

/**
 * The web app's src/pdf/fillable/font-source.ts: font files are the data: URLs the page holds (a
 * face's `src` is one once its script has loaded; a package's file is keyed by its package path,
 * as fonts/<family>.js hands it over), and fontkit is the browser build React-PDF uses.
 */
function loaded(key: string): Uint8Array {
  const url = key.startsWith('data:') ? key : fontData()[key];
  if (!url) throw new Error(`the font ${key} is not loaded yet`);
  return dataUrlBytes(url);
}

export function fontBytes(src: string): Uint8Array {
  return loaded(src);
}

export function packageFontBytes(packagePath: string): Uint8Array {
  return loaded(packagePath);
}

export function loadFontkit(): Fontkit2 {
  return fontkit;
}

/**
 * Fonts beyond the base family arrive only when the answers need them: each is a classic script
 * (fonts/<family>.js, a static relative URL, so it loads from file:// too) that defines its data:
 * URLs. Which families are needed is the core's font plan, as in the command line.
 */
import { LAZY_FONTS } from 'pln-site:coverage';
import { fontData } from './seams/font-data.js';

const loading = new Map<string, Promise<void>>();

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`the font file ${src} could not be loaded`));
    document.head.append(script);
  });
}

/** Loads the scripts of the given families that are not in the page yet. */
export async function ensureFonts(families: readonly string[]): Promise<void> {
  await Promise.all(
    families.map((family) => {
      const lazy = LAZY_FONTS[family];
      if (!lazy || lazy.files.every((file) => file in fontData())) return undefined;
      let promise = loading.get(family);
      if (!promise) {
        promise = loadScript(`./${lazy.script}`).catch((error: unknown) => {
          loading.delete(family);
          throw error;
        });
        loading.set(family, promise);
      }
      return promise;
    }),
  );
}

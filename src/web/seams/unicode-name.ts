/**
 * `unicode-name` for the page: its 2 MB of names come as a classic script (names.js, built from
 * src/web/names-entry.ts) the first time a character must be named, since most answers have none.
 */
declare global {
  interface Window {
    plnUnicodeReadableName?: (char: string) => string | undefined;
  }
}

let loading: Promise<void> | undefined;

export async function loadNames(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = './names.js';
    script.onload = () => resolve();
    script.onerror = () => {
      loading = undefined;
      reject(new Error('the character names (names.js) could not be loaded'));
    };
    document.head.append(script);
  });
  await loading;
}

/** unicode-name's lookup, once loadNames() has run (the page calls it before naming characters). */
export function unicodeReadableName(char: string): string | undefined {
  if (!window.plnUnicodeReadableName) throw new Error('character names are not loaded yet (loadNames)');
  return window.plnUnicodeReadableName(char);
}

import { unicodeReadableName } from 'unicode-name';

// names.js: hands unicode-name's lookup to the page (see seams/unicode-name.ts).
window.plnUnicodeReadableName = unicodeReadableName;

declare global {
  interface Window {
    plnUnicodeReadableName?: (char: string) => string | undefined;
  }
}

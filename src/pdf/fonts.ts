import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';
import { theme } from './theme.js';

const require = createRequire(import.meta.url);

const notoSans = (face: string) => require.resolve(`@expo-google-fonts/noto-sans/${face}/NotoSans_${face}.ttf`);

let registered = false;

/**
 * Registers the embedded TTF fonts once per process. Noto Sans covers Latin (Vietnamese, Polish,
 * Turkish, Icelandic…), Greek and Cyrillic; the built-in PDF fonts would not be embedded and
 * cover only WinAnsi.
 */
export function registerFonts(): void {
  if (registered) return;
  Font.register({
    family: theme.font,
    fonts: [
      { src: notoSans('400Regular'), fontWeight: 400 },
      { src: notoSans('400Regular_Italic'), fontWeight: 400, fontStyle: 'italic' },
      { src: notoSans('700Bold'), fontWeight: 700 },
    ],
  });
  // Automatic English hyphenation would split URLs, handles and names ("exam-ple.com"): off.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

import { theme } from '../theme.js';
import { fontFile } from './font-file.js';

/** One font file of a bundled family. */
export interface BundledFace {
  /** The static TTF: its absolute path (a data: URL in the web app). */
  readonly src: string;
  /** Its path in the package, `fonts/<family>/<file>.ttf`. */
  readonly file: string;
  fontWeight: 400 | 700;
  fontStyle: 'normal' | 'italic';
}

/** A font family the package ships, registered with React-PDF under `family`. */
export interface BundledFamily {
  /** The `fontFamily` name used in styles. */
  family: string;
  /** What it is in the fallback list for (documentation and error messages). */
  covers: string;
  faces: readonly BundledFace[];
}

/** The family every learner text starts with (Latin, Greek, Cyrillic, U+FFFD). */
export const BASE_FAMILY: string = theme.font;

type Weight = '400Regular' | '400Regular_Italic' | '700Bold';

function face(folder: string, prefix: string, weight: Weight): BundledFace {
  const file = `fonts/${folder}/${prefix}_${weight}.ttf`;
  return {
    file,
    // Located when read: in the web app a script's font arrives only when its text needs it.
    get src() {
      return fontFile(file);
    },
    fontWeight: weight.startsWith('700') ? 700 : 400,
    fontStyle: weight.endsWith('_Italic') ? 'italic' : 'normal',
  };
}

/**
 * Every bundled family, in fallback order: React-PDF gives each character the first family of the
 * `fontFamily` list that has a glyph for it, and `planFonts` keeps this order, so a character
 * always comes from the first family here that covers it.
 *
 * Static TTFs, kept in the repository's fonts/ folder (fonts/README.md says where they come from):
 * WOFF2 renders invisible in React-PDF, TTC throws, variable fonts are unsupported. Only regular
 * and bold are registered; the base family also has italic.
 *
 * - Noto Sans SC also covers Traditional Chinese (20,976 of the 20,992 URO ideographs, 6,582
 *   of Extension A) and all Hiragana/Katakana, so one CJK font serves Chinese and Japanese; the
 *   glyph shapes follow the mainland Chinese standard (a Japanese or Taiwanese reader may notice
 *   a few regional forms differ).
 * - Arabic is IBM Plex Sans Arabic, not Noto Sans Arabic: the Noto Arabic fonts draw each dotted
 *   letter as a dotless base plus separate dot glyphs (GSUB decomposition), which React-PDF 4.9
 *   cannot map back to the text: letters went missing and dots floated. Plex maps one glyph per
 *   letter (plus the lam-alef ligatures) and renders correctly; it covers 252 of the 256 Arabic
 *   block characters and all of Arabic Supplement.
 * - Noto Sans KR is needed only for Hangul (SC has none). Han characters in Korean text come
 *   from SC, which precedes it.
 */
export const BUNDLED_FAMILIES: readonly BundledFamily[] = [
  {
    family: BASE_FAMILY,
    covers: 'Latin (incl. Vietnamese, Polish, Turkish, Icelandic), Greek, Cyrillic',
    faces: [
      face('noto-sans', 'NotoSans', '400Regular'),
      face('noto-sans', 'NotoSans', '400Regular_Italic'),
      face('noto-sans', 'NotoSans', '700Bold'),
    ],
  },
  {
    family: 'IBM Plex Sans Arabic',
    covers: 'Arabic (incl. Persian and Urdu letters)',
    faces: [
      face('ibm-plex-sans-arabic', 'IBMPlexSansArabic', '400Regular'),
      face('ibm-plex-sans-arabic', 'IBMPlexSansArabic', '700Bold'),
    ],
  },
  {
    family: 'Noto Sans Hebrew',
    covers: 'Hebrew',
    faces: [face('noto-sans-hebrew', 'NotoSansHebrew', '400Regular'), face('noto-sans-hebrew', 'NotoSansHebrew', '700Bold')],
  },
  {
    family: 'Noto Sans SC',
    covers: 'Chinese (Simplified and Traditional), Japanese kana, CJK punctuation',
    faces: [face('noto-sans-sc', 'NotoSansSC', '400Regular'), face('noto-sans-sc', 'NotoSansSC', '700Bold')],
  },
  {
    family: 'Noto Sans KR',
    covers: 'Korean Hangul',
    faces: [face('noto-sans-kr', 'NotoSansKR', '400Regular'), face('noto-sans-kr', 'NotoSansKR', '700Bold')],
  },
];

/** The bundled family called `family`, or undefined. */
export function bundledFamily(family: string): BundledFamily | undefined {
  return BUNDLED_FAMILIES.find((f) => f.family === family);
}

/** A family's upright regular face: it decides coverage, draws form fields and SVG logos' text. */
export function regularFace(family: BundledFamily): BundledFace {
  const regular = family.faces.find((f) => f.fontWeight === 400 && f.fontStyle === 'normal');
  if (!regular) throw new Error(`bundled family ${family.family} has no regular face`);
  return regular;
}

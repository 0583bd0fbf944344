/**
 * Line breaking for React-PDF, given to it as its hyphenation callback.
 *
 * React-PDF breaks lines only at spaces, and at the "syllables" a hyphenation callback returns,
 * where it draws a "-" (upstream issues #1662, #2917). Its text engine (@react-pdf/textkit 7,
 * `getNodes`) turns each syllable into a box, and adds a hyphen penalty (a break point that
 * draws "-") after a box only when the next syllable is non-empty and not a space. An EMPTY
 * syllable becomes a zero-width glue instead: a break point that draws nothing. So a CJK run is
 * returned as ['', '我', '', '想', '', …, '']: breakable between every character, never
 * hyphenated, and the text is unchanged because the empty pieces add no characters.
 *
 * The callback is called per word AND per run: React-PDF splits text into runs where the font,
 * script or style changes (Han → Hiragana, SC font → Noto Sans for Latin) and calls this for the
 * part of a word in each run, with a hyphen penalty between two runs' pieces. That is why a
 * CJK piece also starts and ends with '': the boundary to the next run becomes a plain break.
 *
 * Limits, from the same per-run calls: a token whose characters come from two fonts, such as a
 * CJK hashtag "#医学教育" ("#" from Noto Sans, the Han from Noto Sans SC) or a URL with a CJK
 * path, may break (without a hyphen) where the font changes; and inside a non-CJK word that
 * changes run mid-word (a bold letter, "β-blocker"), React-PDF's own hyphen penalty remains,
 * which its line breaker takes only when nothing else fits.
 */

/**
 * Characters around which a line may break (UAX #14 class ID and its neighbours): Han,
 * Hiragana, Katakana, Bopomofo, CJK symbols and punctuation, full-width forms. Hangul is not
 * here: Korean separates words with spaces and wraps at them like English.
 */
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2E80-\u2FFF\u3000-\u303F\u3190-\u319F\u31C0-\u31EF\u3200-\u32FF\u3300-\u33FF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/**
 * Kinsoku (JIS X 4051, strict): characters that must not start a line — closing brackets and
 * quotes, full stops and commas, small kana, the prolonged sound mark, iteration marks — and
 * the ASCII equivalents when they follow CJK text.
 */
const NO_LINE_START = new Set(
  [
    ...'）〕］｝〉》」』】〙〗〟’”｠»',
    ...'、。，．・：；？！‼⁇⁈⁉',
    ...'ーヽヾゝゞ々〻゛゜〜～‐゠–',
    ...'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
    ...')]}>,.!?:;%\'"',
  ],
);

/** Opening brackets and quotes: must not end a line. */
const NO_LINE_END = new Set([...'（〔［｛〈《「『【〘〖〝‘“｟«', ...'([{<']);

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A run of the spaces React-PDF splits words at (it splits at U+0020 only). */
const SPACES = /^ {2,}$/;

function isCjk(cluster: string): boolean {
  return CJK.test(cluster);
}

/**
 * The pieces of `word` for React-PDF's `Font.registerHyphenationCallback`.
 *
 * - A word (run piece) without CJK characters is returned whole: Latin, Greek, Cyrillic, Hangul,
 *   Arabic and Hebrew words, URLs, e-mail addresses, @handles and #hashtags are never split and
 *   never hyphenated.
 * - A piece with CJK characters may break before and after each CJK character (grapheme
 *   cluster, so an ideographic variation sequence stays whole), except where kinsoku forbids it
 *   (no "。" at a line start, no "「" at a line end); runs of non-CJK characters inside it
 *   ("学习React和") stay whole. Breaks are marked by empty strings, so React-PDF never draws a
 *   hyphen there.
 */
export function breakWord(word: string): string[] {
  // React-PDF (textkit `getNodes`) treats a box as unhyphenated only when the next syllable is
  // exactly ' ': before a run of two or more spaces it adds a hyphen penalty, and a line may end
  // there with a "-" the learner never typed. One syllable per space is the input it expects.
  if (SPACES.test(word)) return [...word];
  if (![...word].some(isCjk)) return [word];
  // Units: each CJK cluster alone; runs of other clusters together.
  const units: { text: string; cjk: boolean }[] = [];
  for (const { segment } of graphemes.segment(word)) {
    const cjk = isCjk(segment);
    const last = units.at(-1);
    if (last && !cjk && !last.cjk) last.text += segment;
    else units.push({ text: segment, cjk });
  }
  const pieces: string[] = [''];
  let current = '';
  for (const [i, unit] of units.entries()) {
    const prev = units[i - 1];
    if (prev !== undefined) {
      const first = [...unit.text][0] ?? '';
      const lastOfPrev = [...prev.text].at(-1) ?? '';
      const breakable = !NO_LINE_START.has(first) && !NO_LINE_END.has(lastOfPrev);
      if (breakable) {
        pieces.push(current, '');
        current = '';
      }
    }
    current += unit.text;
  }
  pieces.push(current, '');
  return pieces;
}

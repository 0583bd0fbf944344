/** Letters of right-to-left scripts (Bidi class R or AL): Hebrew, Arabic, Syriac, Thaana, NKo… */
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;

/**
 * The paragraph direction of `text` by the Unicode rule (UAX #9, P2–P3): that of its first
 * strong letter (or LRM/RLM/ALM mark), right-to-left for Hebrew, Arabic and the other RTL scripts, left-to-right for
 * any other letter. Digits, punctuation and marks are not strong; text without a letter is 'ltr'.
 * Use it as the `direction` style of the Text that shows the answer (React-PDF then also aligns
 * it right).
 */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const char of text) {
    if (char === '\u200e') return 'ltr'; // LEFT-TO-RIGHT MARK
    if (char === '\u200f' || char === '\u061c') return 'rtl'; // RIGHT-TO-LEFT MARK, ARABIC LETTER MARK
    if (!LETTER.test(char)) continue;
    return RTL_LETTER.test(char) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

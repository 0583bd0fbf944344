/**
 * Rules for learner text, shared by the schema and the loader.
 *
 * Any Unicode text is accepted, except what cannot be printed faithfully:
 * - an unpaired surrogate (JSON can spell one as "\ud800"; it is not a character at all), and
 * - control characters other than tab, line feed and carriage return (U+0000–U+001F, U+007F and
 *   the C1 range U+0080–U+009F). They have no glyph, so printing them would either drop them
 *   (losing what was typed) or show a placeholder the learner never meant; rejecting them with the
 *   exact position lets the author remove them. Tab, LF and CR (so Windows "\r\n") are layout.
 */

/** Number of Unicode code points in `s` (what `LIMITS.textChars` counts). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export interface TextFault {
  /** Plain-English sentence, without the path. */
  message: string;
  expected: string;
}

const hex = (c: number): string => c.toString(16).toUpperCase().padStart(4, '0');

/** The first reason `s` cannot be printed, or undefined when it is fine. */
export function findTextFault(s: string): TextFault | undefined {
  let position = 0; // 1-based code point position, as a person would count characters
  for (let i = 0; i < s.length; i++) {
    position++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      return {
        message: `contains an invalid character (unpaired surrogate \\u${hex(c).toLowerCase()} at character ${position}), which cannot be printed`,
        expected: 'text without unpaired surrogates',
      };
    }
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
    if (control) {
      return {
        message: `contains the control character U+${hex(c)} at character ${position}, which cannot be printed; remove it (tabs and line breaks are fine)`,
        expected: 'text without control characters',
      };
    }
  }
  return undefined;
}

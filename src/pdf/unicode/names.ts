import { unicodeReadableName } from 'unicode-name';

/** "U+1F600" for 0x1F600: at least four upper-case hex digits. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * "U+1F600 GRINNING FACE": the code point and its Unicode name (Unicode 18 data from
 * `unicode-name`); characters without a name get their label ("U+E000 <private-use-E000>").
 */
export function characterName(codePoint: number): string {
  const name = unicodeReadableName(String.fromCodePoint(codePoint));
  return name ? `${codePointLabel(codePoint)} ${name}` : codePointLabel(codePoint);
}

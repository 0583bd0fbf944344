/** "U+1F600" for 0x1F600: at least four upper-case hex digits. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * "U+1F600 GRINNING FACE": the code point and its Unicode name (Unicode 18 data from
 * `unicode-name`); characters without a name get their label ("U+E000 <private-use-E000>").
 * The names (11 MB of heap, 50 ms to load) are loaded the first time one is asked for: most
 * documents have no character to name.
 */
export async function characterName(codePoint: number): Promise<string> {
  const { unicodeReadableName } = await import('unicode-name');
  const name = unicodeReadableName(String.fromCodePoint(codePoint));
  return name ? `${codePointLabel(codePoint)} ${name}` : codePointLabel(codePoint);
}

import type { MissingCharacter } from '../pdf/unicode/index.js';

/** Names, on standard error, each character of a file's answers that prints as a placeholder. */
export function warnMissingCharacters(file: string, missing: readonly MissingCharacter[]): void {
  for (const character of missing) {
    process.stderr.write(`${file}: warning: ${character.name} has no glyph in the bundled fonts; it prints as \uFFFD\n`);
  }
}

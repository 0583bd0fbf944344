import { familyFor, isVariationSelector, needsNoGlyph } from './coverage.js';
import { characterName } from './names.js';
import { BASE_FAMILY, BUNDLED_FAMILIES } from './registry.js';

/** A character that no bundled font can draw. */
export interface UncoveredCharacter {
  /** The character itself ("😀"). */
  char: string;
  codePoint: number;
}

/** An uncovered character with its name, for telling the user (see `nameCharacters`). */
export interface MissingCharacter extends UncoveredCharacter {
  /** Code point and Unicode name: "U+1F600 GRINNING FACE". */
  name: string;
}

/** The characters with their Unicode names (the names are loaded only when there are some). */
export async function nameCharacters(characters: readonly UncoveredCharacter[]): Promise<MissingCharacter[]> {
  return Promise.all(characters.map(async (character) => ({ ...character, name: await characterName(character.codePoint) })));
}

export interface FontPlan {
  /**
   * The `fontFamily` list for learner text: the base family first, then only the bundled
   * families the texts need, in fallback order. Register them with `registerFonts(families)`.
   */
  families: string[];
  /** Characters no bundled font covers, each once, in order of first appearance. */
  missing: UncoveredCharacter[];
}

/**
 * Which bundled fonts `texts` need, and which of their characters none covers. Each character
 * counts for the first bundled family that has it, which is the family React-PDF will pick from
 * the returned list, so a Latin-only document gets `['Noto Sans']` and never loads the CJK
 * fonts. Whitespace, control characters and variation selectors are ignored (see
 * `needsNoGlyph`, `isVariationSelector`).
 */
export function planFonts(texts: Iterable<string>): FontPlan {
  const needed = new Set<string>([BASE_FAMILY]);
  const missing = new Map<number, UncoveredCharacter>();
  for (const text of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (needsNoGlyph(codePoint) || isVariationSelector(codePoint)) continue;
      const family = familyFor(codePoint);
      if (family) needed.add(family.family);
      else if (!missing.has(codePoint)) missing.set(codePoint, { char, codePoint });
    }
  }
  return {
    families: BUNDLED_FAMILIES.map((f) => f.family).filter((f) => needed.has(f)),
    missing: [...missing.values()],
  };
}

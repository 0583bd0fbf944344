/**
 * Characters no bundled font has, found per field, so the form can flag each at the field that
 * holds it in the words `fill` warns with. Which characters are missing is the core's font plan.
 */
import { nameCharacters, planFonts } from '../pdf/unicode/index.js';

export interface FieldWarning {
  path: string;
  message: string;
}

/** Every string in `value` with its answers path (`network.contacts[2].name`). */
export function stringsWithPaths(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsWithPaths(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => stringsWithPaths(item, path ? `${path}.${key}` : key));
  return [];
}

/** The fields whose text has characters no bundled font draws (none: no names are loaded). */
export function fieldsWithMissingGlyphs(answers: unknown): { path: string; missing: ReturnType<typeof planFonts>['missing'] }[] {
  return stringsWithPaths(answers)
    .map(({ path, text }) => ({ path, missing: planFonts([text]).missing }))
    .filter((field) => field.missing.length > 0);
}

/** One warning per character per field, as `fill` words it on standard error. */
export async function missingGlyphWarnings(fields: ReturnType<typeof fieldsWithMissingGlyphs>): Promise<FieldWarning[]> {
  const warnings: FieldWarning[] = [];
  for (const field of fields) {
    for (const character of await nameCharacters(field.missing)) {
      warnings.push({ path: field.path, message: `${character.name} has no glyph in the bundled fonts; it prints as \uFFFD` });
    }
  }
  return warnings;
}

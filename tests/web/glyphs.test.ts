import { describe, expect, it } from 'vitest';
import { fieldsWithMissingGlyphs, missingGlyphWarnings } from '../../src/web/glyphs.js';

describe('characters no bundled font has, per field', () => {
  it('finds each at the answers path of the field that holds it, and words it as fill warns', async () => {
    const answers = {
      learner: { name: 'Ana' },
      network: { contacts: [{ name: 'Bo', tie: 'weak', area: 'informal' }, { name: 'Cy \u{1F99C}', tie: 'strong', area: 'academic' }] },
      social: { hashtags: ['#MedEd', '学习'] },
    };
    const fields = fieldsWithMissingGlyphs(answers);
    expect(fields.map((field) => field.path)).toEqual(['network.contacts[1].name']);
    expect(await missingGlyphWarnings(fields)).toEqual([
      { path: 'network.contacts[1].name', message: 'U+1F99C PARROT has no glyph in the bundled fonts; it prints as \uFFFD' },
    ]);
  });
});

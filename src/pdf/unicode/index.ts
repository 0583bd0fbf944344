export { BASE_FAMILY, BUNDLED_FAMILIES, bundledFamily, regularFace, type BundledFace, type BundledFamily } from './registry.js';
export { drawnWithMarkGlyphs, familyFor, isCommonCharacter, isCommonText, isCovered, isVariationSelector, needsNoGlyph } from './coverage.js';
export { nameCharacters, planFonts, type FontPlan, type MissingCharacter, type UncoveredCharacter } from './plan.js';
export { PLACEHOLDER, prepareText, withDecomposedMarks, withPlaceholders } from './placeholder.js';
export { directedParagraphs, textDirection, type DirectedParagraph, type TextDirection } from './direction.js';
export { breakWord } from './linebreak.js';
export { characterName, codePointLabel } from './names.js';
export { isolateGlyphCodePoints, type GlyphSource } from './glyph-cache.js';

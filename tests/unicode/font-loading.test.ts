/**
 * Fonts are opened only when a text needs them (own file: the font cache is per process), and
 * registerFonts registers each family once.
 */
import { Font } from '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { registerFonts } from '../../src/pdf/fonts.js';
import { openedFamilies } from '../../src/pdf/unicode/coverage.js';
import { planFonts } from '../../src/pdf/unicode/index.js';

describe('planFonts', () => {
  it('opens no font beyond Noto Sans for Latin text, and the CJK fonts only for CJK text', () => {
    expect(openedFamilies()).toEqual([]);
    planFonts(['Zażółć gęślą jaźń', 'Καλημέρα', 'Съешь']);
    expect(openedFamilies()).toEqual(['Noto Sans']);
    planFonts(['אני']);
    expect(openedFamilies()).not.toContain('Noto Sans SC');
    expect(openedFamilies()).not.toContain('Noto Sans KR');
    planFonts(['我']);
    expect(openedFamilies()).toContain('Noto Sans SC');
    expect(openedFamilies()).not.toContain('Noto Sans KR');
  });
});

/** Registered families other than React-PDF's built-in standard fonts. */
const families = () => Font.getRegisteredFontFamilies().filter((f) => !/^(Courier|Helvetica|Times)/.test(f)).sort();

describe('registerFonts', () => {
  it('registers only the base family without arguments', () => {
    registerFonts();
    expect(families()).toEqual(['Noto Sans']);
    // Regular, italic and bold, plus bold standing in for the bold italic it lacks.
    expect(Font.getRegisteredFonts()['Noto Sans']?.sources).toHaveLength(4);
  });

  it('adds the requested families, each once', () => {
    registerFonts(['Noto Sans', 'Noto Sans SC']);
    registerFonts(['Noto Sans SC', 'Noto Sans Hebrew']);
    registerFonts();
    expect(families()).toEqual(['Noto Sans', 'Noto Sans Hebrew', 'Noto Sans SC']);
    expect(Font.getRegisteredFonts()['Noto Sans']?.sources).toHaveLength(4);
    // Regular and bold, each also registered as the italic of its weight (CJK has no italics).
    expect(Font.getRegisteredFonts()['Noto Sans SC']?.sources).toHaveLength(4);
  });

  it('rejects a family it does not bundle', () => {
    expect(() => registerFonts(['Comic Sans'])).toThrow('no bundled font family "Comic Sans"');
  });

  it('installs the CJK-aware, never-hyphenating line breaking', () => {
    registerFonts();
    const callback = Font.getHyphenationCallback();
    expect(callback?.('example.com', () => [])).toEqual(['example.com']);
    expect(callback?.('研究', () => [])).toEqual(['', '研', '', '究', '']);
  });
});

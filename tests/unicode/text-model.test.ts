/**
 * Unicode handling of learner text, without rendering: which fonts a text needs, what no font
 * covers, placeholders, paragraph direction and line-break pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASE_FAMILY,
  BUNDLED_FAMILIES,
  PLACEHOLDER,
  breakWord,
  directedParagraphs,
  characterName,
  drawnWithMarkGlyphs,
  familyFor,
  isCommonCharacter,
  isCovered,
  isolateGlyphCodePoints,
  nameCharacters,
  planFonts,
  prepareText,
  textDirection,
  withDecomposedMarks,
  withPlaceholders,
  type GlyphSource,
} from '../../src/pdf/unicode/index.js';
import { openFont } from '../../src/pdf/unicode/fontkit.js';
import { samples } from './samples.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);


describe('bundled fonts', () => {
  it('start with the base family, Noto Sans', () => {
    expect(BASE_FAMILY).toBe('Noto Sans');
    expect(BUNDLED_FAMILIES[0]?.family).toBe('Noto Sans');
  });

  it('are static TTF files with a regular face each', () => {
    for (const family of BUNDLED_FAMILIES) {
      expect(family.faces.some((f) => f.fontWeight === 400 && f.fontStyle === 'normal')).toBe(true);
      for (const face of family.faces) expect(face.src).toMatch(/\.ttf$/);
    }
  });

  it('cover every character of every sample script', () => {
    for (const [script, text] of Object.entries(samples)) {
      const uncovered = [...text].filter((c) => !isCovered(c.codePointAt(0)!));
      expect(uncovered, script).toEqual([]);
    }
  });

  it('give Latin, Greek and Cyrillic to Noto Sans, and each other script to its font', () => {
    const family = (c: string) => familyFor(c.codePointAt(0)!)?.family;
    expect(['ễ', 'ż', 'İ', 'ı', 'Þ', 'ð', 'λ', 'έ', 'ж', 'ё'].map(family)).toEqual(Array(10).fill('Noto Sans'));
    expect(family('ب')).toBe('IBM Plex Sans Arabic');
    expect(family('א')).toBe('Noto Sans Hebrew');
    // One CJK font for Simplified, Traditional and Japanese kana.
    expect(['我', '醫', 'の', 'チ', '。'].map(family)).toEqual(Array(5).fill('Noto Sans SC'));
    expect(family('의')).toBe('Noto Sans KR');
    expect(family('😀')).toBeUndefined();
  });
});

describe('planFonts', () => {
  it('needs only Noto Sans for Latin, Greek and Cyrillic text', () => {
    const plan = planFonts([samples.vietnamese, samples.polish, samples.turkish, samples.icelandic, samples.greek, samples.cyrillic]);
    expect(plan).toEqual({ families: ['Noto Sans'], missing: [] });
  });

  it('needs nothing beyond Noto Sans for no text, or only whitespace and control characters', () => {
    expect(planFonts([])).toEqual({ families: ['Noto Sans'], missing: [] });
    expect(planFonts(['', ' \t\n\r\u00a0\u3000'])).toEqual({ families: ['Noto Sans'], missing: [] });
  });

  it('adds only the families mixed text needs, in fallback order', () => {
    expect(planFonts(['Ada Lovelace', samples.hebrew]).families).toEqual(['Noto Sans', 'Noto Sans Hebrew']);
    expect(planFonts([samples.japanese]).families).toEqual(['Noto Sans', 'Noto Sans SC']);
    expect(planFonts([samples.korean]).families).toEqual(['Noto Sans', 'Noto Sans KR']);
    expect(planFonts(Object.values(samples)).families).toEqual([
      'Noto Sans',
      'IBM Plex Sans Arabic',
      'Noto Sans Hebrew',
      'Noto Sans SC',
      'Noto Sans KR',
    ]);
  });

  it('accepts any iterable of strings', () => {
    function* texts() {
      yield 'a';
      yield '我';
    }
    expect(planFonts(texts()).families).toEqual(['Noto Sans', 'Noto Sans SC']);
    expect(planFonts(new Set([samples.arabic])).families).toEqual(['Noto Sans', 'IBM Plex Sans Arabic']);
  });

  it('reports each uncovered character once, by code point and Unicode name, in order', async () => {
    const plan = planFonts(['Great 😀 day 😀', 'next 🦄', 'thumbs 👍🏽']);
    expect(plan.families).toEqual(['Noto Sans']);
    expect(await nameCharacters(plan.missing)).toEqual([
      { char: '😀', codePoint: 0x1f600, name: 'U+1F600 GRINNING FACE' },
      { char: '🦄', codePoint: 0x1f984, name: 'U+1F984 UNICORN FACE' },
      { char: '👍', codePoint: 0x1f44d, name: 'U+1F44D THUMBS UP SIGN' },
      { char: '🏽', codePoint: 0x1f3fd, name: 'U+1F3FD EMOJI MODIFIER FITZPATRICK TYPE-4' },
    ]);
  });

  it('reports scripts no bundled font has, and unnamed code points by label', async () => {
    const plan = planFonts(['สวัสดี', '\ue000']);
    expect((await nameCharacters(plan.missing)).map((m) => m.name)).toEqual([
      'U+0E2A THAI CHARACTER SO SUA',
      'U+0E27 THAI CHARACTER WO WAEN',
      'U+0E31 THAI CHARACTER MAI HAN-AKAT',
      'U+0E14 THAI CHARACTER DO DEK',
      'U+0E35 THAI CHARACTER SARA II',
      'U+E000 <private-use-E000>',
    ]);
  });

  it('does not report variation selectors', () => {
    expect(planFonts(['©\ufe0f', '葛\u{e0100}'])).toEqual({ families: ['Noto Sans', 'Noto Sans SC'], missing: [] });
  });
});

describe('characterName', () => {
  it('gives the code point with at least four hex digits and the name', async () => {
    expect(await characterName(0x41)).toBe('U+0041 LATIN CAPITAL LETTER A');
    expect(await characterName(0x1f600)).toBe('U+1F600 GRINNING FACE');
    expect(await characterName(0x4e00)).toBe('U+4E00 CJK UNIFIED IDEOGRAPH-4E00');
    expect(await characterName(0xac00)).toBe('U+AC00 HANGUL SYLLABLE GA');
  });
});

describe('withPlaceholders', () => {
  it('uses U+FFFD, which the base font draws', () => {
    expect(PLACEHOLDER).toBe('\ufffd');
    expect(familyFor(0xfffd)?.family).toBe('Noto Sans');
  });

  it('keeps covered text exactly', () => {
    for (const text of Object.values(samples)) expect(withPlaceholders(text, isCovered)).toBe(text);
    expect(withPlaceholders('tab\tnew\nline', isCovered)).toBe('tab\tnew\nline');
  });

  it('replaces each uncovered grapheme cluster by one placeholder', () => {
    const P = PLACEHOLDER;
    expect(withPlaceholders('Hi 😀!', isCovered)).toBe(`Hi ${P}!`);
    expect(withPlaceholders('👍🏽', isCovered)).toBe(P); // skin tone modifier
    expect(withPlaceholders('👨‍👩‍👧 family', isCovered)).toBe(`${P} family`); // ZWJ sequence
    expect(withPlaceholders('🇫🇷🇯🇵', isCovered)).toBe(`${P}${P}`); // two flags
    expect(withPlaceholders('❤️ it', isCovered)).toBe(`${P} it`); // heart + VS16
    expect(withPlaceholders('สวัสดี', isCovered)).toBe(`${P}${P}${P}${P}`); // Thai: 4 clusters
  });

  it('keeps a covered letter whose combining mark no font has, the mark as the placeholder', () => {
    const P = PLACEHOLDER;
    expect(isCovered(0x0e4e)).toBe(false);
    expect(withPlaceholders('a\u0e4eb', isCovered)).toBe(`a${P}b`);
    expect(withPlaceholders('e\u0301\u0e4e\u0e4e', isCovered)).toBe(`e\u0301${P}${P}`);
    expect(prepareText('a\u0e4eb')).toBe(`a${P}b`);
  });

  it('drops a variation selector no font has, keeping its covered base', () => {
    expect(withPlaceholders('©\ufe0f 2025', isCovered)).toBe('© 2025');
    expect(withPlaceholders('葛\u{e0100}城', isCovered)).toBe('葛城');
  });

  it('takes any coverage predicate and placeholder', () => {
    expect(withPlaceholders('abc', (cp) => cp !== 0x62, '[?]')).toBe('a[?]c');
  });
});

describe('withDecomposedMarks', () => {
  it('decomposes only what Noto Sans draws as base + mark glyph', () => {
    expect([...'ẹịọụṃṅṣḿǹ'].every((c) => drawnWithMarkGlyphs(c.codePointAt(0)!))).toBe(true);
    expect([...'ễệạđĐăéżçğıİ'].some((c) => drawnWithMarkGlyphs(c.codePointAt(0)!))).toBe(false);
    expect(withDecomposedMarks('Thị Ngọc')).toBe('Thi\u0323 Ngo\u0323c');
    expect(withDecomposedMarks('Nguyễn Đặng Zażółć')).toBe('Nguyễn Đặng Zażółć');
  });

  it('keeps the text canonically equivalent', () => {
    for (const text of [...Object.values(samples), 'Phạm Ngọc Thụy']) {
      expect(withDecomposedMarks(text).normalize('NFC')).toBe(text.normalize('NFC'));
    }
  });
});

describe('prepareText', () => {
  it('puts in placeholders and decomposes marks', () => {
    expect(prepareText('Thị 😀')).toBe('Thi\u0323 \uFFFD');
    expect(prepareText(samples.chinese)).toBe(samples.chinese);
  });

  it('keeps common text as it is, which the base font draws whole, one glyph a character', () => {
    // prepareText returns common text untouched, and coverage answers for common characters
    // without asking the fonts: this is why they may. Checked against each base face's file.
    const commonLatin = [...range(0x20, 0x7e), ...range(0xa0, 0x17f), ...range(0x2010, 0x2027), ...range(0x2030, 0x203a), 0x20ac, 0x2122];
    expect(commonLatin.every(isCommonCharacter)).toBe(true);
    expect([0x1f, 0x7f, 0x9f, 0x180, 0x200b, 0x2028, 0x202e, 0x2066, 0x2d0, 0x0301].some(isCommonCharacter)).toBe(false);
    for (const face of BUNDLED_FAMILIES[0]!.faces) {
      const font = openFont(face.src);
      for (const codePoint of commonLatin) {
        const where = `U+${codePoint.toString(16)} in ${face.src}`;
        expect(font.hasGlyphForCodePoint(codePoint), where).toBe(true);
        expect(font.layout(String.fromCodePoint(codePoint)).glyphs.length, where).toBe(1);
      }
    }
    for (const codePoint of commonLatin) {
      expect(familyFor(codePoint)?.family).toBe('Noto Sans');
      expect(drawnWithMarkGlyphs(codePoint)).toBe(false);
    }
    for (let codePoint = 0x20; codePoint <= 0x7e; codePoint++) {
      expect(withDecomposedMarks(withPlaceholders(String.fromCodePoint(codePoint), isCovered))).toBe(String.fromCodePoint(codePoint));
    }
    const ascii = 'Plan:\tcall Dr. O\'Brien <ob@example.org> ~ 50% {A&B}\r\nthen [x] | y';
    expect(prepareText(ascii)).toBe(ascii);
    expect(prepareText(ascii + 'ị')).toBe(ascii + 'i\u0323');
  });
});

describe('isolateGlyphCodePoints (fontkit glyph cache fix)', () => {
  function fakeFont() {
    // Like fontkit: one cached glyph per id, with the characters of its first request.
    const cache = new Map<number, { id: number; codePoints: number[]; isMark: boolean; isLigature: boolean }>();
    const font: GlyphSource = {
      getGlyph(id, codePoints = []) {
        if (!cache.has(id)) cache.set(id, { id, codePoints, isMark: false, isLigature: codePoints.length > 1 });
        return cache.get(id)!;
      },
    };
    return { font, cache };
  }

  it('returns glyphs with the requested characters, sharing the cached glyph', () => {
    const { font, cache } = fakeFont();
    isolateGlyphCodePoints(font);
    font.getGlyph(7); // a composite's component: cached without characters
    const o = font.getGlyph(7, [0x6f]) as unknown as { id: number; codePoints: number[] };
    expect(o.codePoints).toEqual([0x6f]);
    expect(o.id).toBe(7);
    expect(cache.get(7)!.codePoints).toEqual([]); // the cache is not rewritten
    expect(font.getGlyph(7)!.codePoints).toEqual([]);
    const mark = font.getGlyph(7, [0x323])!;
    expect(mark.isMark).toBe(true);
    expect(font.getGlyph(7, [0x66, 0x69])!.isLigature).toBe(true);
  });

  it('returns the cached glyph itself when the characters match, and patches once', () => {
    const { font, cache } = fakeFont();
    isolateGlyphCodePoints(font);
    const patched = font.getGlyph;
    isolateGlyphCodePoints(font);
    expect(font.getGlyph).toBe(patched);
    expect(font.getGlyph(3, [0x61])).toBe(cache.get(3));
    expect(font.getGlyph(3, [0x61])).toBe(cache.get(3));
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic and Hebrew, ltr for the other scripts', () => {
    for (const [script, text] of Object.entries(samples)) {
      expect(textDirection(text), script).toBe(script === 'arabic' || script === 'hebrew' ? 'rtl' : 'ltr');
    }
  });

  it('follows the first strong letter, skipping digits, punctuation and marks', () => {
    expect(textDirection('2024: אני')).toBe('rtl');
    expect(textDirection('«١٢٣» مرحبا hello')).toBe('rtl');
    expect(textDirection('(Ada) אני')).toBe('ltr');
    expect(textDirection('123 !?')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
    expect(textDirection('\u200fabc')).toBe('rtl'); // RIGHT-TO-LEFT MARK is strong
  });

  it('skips what sits inside an isolate (UAX #9 P2)', () => {
    expect(textDirection('\u2067Dr. Smith\u2069 אמר')).toBe('rtl');
    expect(textDirection('\u2066שלום\u2069 said')).toBe('ltr');
  });

  it('is that of the first paragraph only', () => {
    expect(textDirection('Hello\nשלום')).toBe('ltr');
    expect(textDirection('123\nשלום')).toBe('ltr'); // no strong character: left to right
  });
});

describe('directedParagraphs', () => {
  it('gives each paragraph, with its line break, its own direction', () => {
    expect(directedParagraphs('שלום (רב)\nHello (world)!\n\nمرحبا')).toEqual([
      { text: 'שלום (רב)\n', direction: 'rtl' },
      { text: 'Hello (world)!\n', direction: 'ltr' },
      { text: '\n', direction: 'ltr' },
      { text: 'مرحبا', direction: 'rtl' },
    ]);
    expect(directedParagraphs('')).toEqual([{ text: '', direction: 'ltr' }]);
  });

  it('never changes the text: the paragraphs join to it (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'א', 'ب', '1', ' ', '(', '\n', '\r', '\u2067', '\u2069') }), (text) => {
        expect(directedParagraphs(text).map((p) => p.text).join('')).toBe(text);
      }),
    );
  });
});

describe('breakWord (the hyphenation callback)', () => {
  it('never splits Latin, Greek, Cyrillic, Hangul, Arabic or Hebrew words', () => {
    for (const word of ['Zażółć', "İstanbul'da", 'Guðjónsson', 'Καλημέρα', 'французских', '연구팀에', 'البحث', 'המחקר']) {
      expect(breakWord(word)).toEqual([word]);
    }
  });

  it('never splits URLs, handles, hashtags or emails', () => {
    for (const word of [
      'https://www.example.org/learning/networks?topic=medical#top',
      'www.pln.example.com',
      '@dr_ada.lovelace',
      '#MedEd',
      '#FOAMed',
      'ada.lovelace+pln@example.ac.uk',
      'doi:10.1000/182',
    ]) {
      expect(breakWord(word)).toEqual([word]);
    }
  });

  it('returns a run of spaces as one piece per space, so that React-PDF adds no hyphen before it', () => {
    expect(breakWord(' ')).toEqual([' ']);
    expect(breakWord('   ')).toEqual([' ', ' ', ' ']);
  });

  it('splits CJK runs between characters with empty pieces, which React-PDF breaks without a hyphen', () => {
    expect(breakWord('医学教育')).toEqual(['', '医', '', '学', '', '教', '', '育', '']);
    expect(breakWord('チーム')).toEqual(['', 'チー', '', 'ム', '']); // no line starts with ー
  });

  it('keeps kinsoku: no closing punctuation or small kana at a line start, no opening bracket at a line end', () => {
    expect(breakWord('写作。')).toEqual(['', '写', '', '作。', '']);
    expect(breakWord('好，「我」')).toEqual(['', '好，', '', '「我」', '']);
    expect(breakWord('ちょっと')).toEqual(['', 'ちょっ', '', 'と', '']);
    expect(breakWord('（注）')).toEqual(['', '（注）', '']);
  });

  it('keeps non-CJK runs inside CJK text whole', () => {
    expect(breakWord('学习React和TypeScript')).toEqual(['', '学', '', '习', '', 'React', '', '和', '', 'TypeScript', '']);
    expect(breakWord('联系me@example.com。')).toEqual(['', '联', '', '系', '', 'me@example.com。', '']);
  });

  it('keeps an ideographic variation sequence together', () => {
    expect(breakWord('葛\u{e0100}城')).toEqual(['', '葛\u{e0100}', '', '城', '']);
  });

  it('never changes the text: the pieces join to the word (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (word) => {
        expect(breakWord(word).join('')).toBe(word);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('我', '学', 'の', 'チ', '。', '「', 'a', 'b', '@', '.', '/', '한', 'ا'), { maxLength: 30 }),
        (chars) => {
          const word = chars.join('');
          const pieces = breakWord(word);
          expect(pieces.join('')).toBe(word);
          // Only empty pieces mark breaks, so no two non-empty pieces are adjacent (that would be
          // a hyphenated break point in React-PDF).
          for (let i = 1; i < pieces.length; i++) expect(pieces[i - 1] !== '' && pieces[i] !== '').toBe(false);
        },
      ),
    );
  });
});

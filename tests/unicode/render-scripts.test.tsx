/**
 * Learner text in many scripts, rendered by React-PDF with the planned font list: right glyphs
 * (text extraction, embedded fonts, pixels), right-to-left layout, CJK wrapping without hyphens,
 * unsplit URLs, and placeholders for what no font covers.
 */
import { Document, Page, Text, View, renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerFonts } from '../../src/pdf/fonts.js';
import { bundledFamily, isCovered, nameCharacters, planFonts, prepareText, textDirection, withPlaceholders, type FontPlan } from '../../src/pdf/unicode/index.js';
import { openFont } from '../../src/pdf/unicode/fontkit.js';
import { fontReport, normaliseText, pdfText, rasterise } from '../support/pdf.js';
import { expectPagesMatchBaseline } from '../support/pixels.js';
import { samples } from './samples.js';


const longChinese = '我想加入医学教育研究团队并学习如何写作，也希望和同学一起讨论病例。'.repeat(10); // 330 characters

async function render(doc: ReactElement<DocumentProps>): Promise<Uint8Array> {
  const buffer = await renderToBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Learner text as the worksheets should show it: planned fonts, direction, placeholders. */
function Answer({ text, plan, width }: { text: string; plan: FontPlan; width?: number }) {
  return (
    <View style={{ marginBottom: 6, ...(width !== undefined ? { width } : {}) }}>
      <Text style={{ fontFamily: plan.families, direction: textDirection(text) }}>{prepareText(text)}</Text>
    </View>
  );
}

let plan: FontPlan;
let scriptsPdf: Uint8Array;
let scriptsText: string;

beforeAll(async () => {
  plan = planFonts([...Object.values(samples), 'Emoji: 😀 👍🏽', longChinese]);
  registerFonts(plan.families);
  scriptsPdf = await render(
    <Document>
      <Page size="A5" style={{ padding: 36, fontSize: 11, fontFamily: 'Noto Sans' }}>
        {Object.values(samples).map((text) => (
          <Answer key={text} text={text} plan={plan} />
        ))}
        <Answer text="Emoji: 😀 👍🏽" plan={plan} />
        <Answer text={longChinese.slice(0, 60)} plan={plan} width={200} />
      </Page>
    </Document>,
  );
  scriptsText = (await pdfText(scriptsPdf))[0] ?? '';
});

describe('a page with every script', () => {
  it('draws each script in its bundled font, all embedded, never a standard PDF font', async () => {
    const fonts = await fontReport(scriptsPdf);
    expect(fonts.map((f) => f.baseName).sort()).toEqual(
      ['IBMPlexSansArabic-Regular', 'NotoSans-Regular', 'NotoSansHebrew-Regular', 'NotoSansKR-Regular', 'NotoSansSC-Regular'].sort(),
    );
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.standard14, font.name).toBe(false);
    }
  });

  it('extracts every left-to-right sample whole', () => {
    // NFC: prepareText hands "ị" to React-PDF decomposed (i + U+0323), see withDecomposedMarks.
    const lines = scriptsText.normalize('NFC').split('\n');
    for (const [script, text] of Object.entries(samples)) {
      if (script === 'arabic' || script === 'hebrew') continue;
      expect(lines, script).toContain(text);
    }
  });

  it('lays Hebrew out right to left: extraction gives the words in visual order', () => {
    // MuPDF reads a line left to right and keeps each RTL word's letters in logical order, so a
    // correctly laid-out RTL line extracts with its words reversed; unlaid-out (LTR) Hebrew
    // would extract in the logical order instead.
    const lines = scriptsText.split('\n');
    expect(lines).toContain(samples.hebrew.split(' ').reverse().join(' '));
    expect(lines).not.toContain(samples.hebrew);
  });

  it('lays Arabic out right to left, every letter present', () => {
    const words = samples.arabic.split(' ');
    const line = scriptsText.split('\n').find((l) => l.includes('البحث'));
    expect(line).toBeDefined();
    const extracted = line!.split(' ').reverse();
    expect(extracted).toHaveLength(words.length);
    const sorted = (w: string) => [...w].sort().join('');
    for (const [i, word] of words.entries()) {
      // "إلى" extracts as "إىل": its lam + alef maksura is one ligature glyph, and MuPDF gives
      // the ligature's letters in visual order. Same letters, and the page shows it right.
      if (word === 'إلى') expect(sorted(extracted[i]!)).toBe(sorted(word));
      else expect(extracted[i]).toBe(word);
    }
  });

  it('shows the placeholder for emoji, which planFonts reports by name', async () => {
    expect(scriptsText.split('\n')).toContain('Emoji: \uFFFD \uFFFD');
    expect((await nameCharacters(plan.missing)).map((m) => m.name)).toEqual([
      'U+1F600 GRINNING FACE',
      'U+1F44D THUMBS UP SIGN',
      'U+1F3FD EMOJI MODIFIER FITZPATRICK TYPE-4',
    ]);
  });

  it('matches its pixel baseline', async () => {
    await expectPagesMatchBaseline('unicode-scripts', scriptsPdf);
  });
});

const NO_LINE_START = /^[、。，．：；？！）」』ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ]/u;

/** Column of the rightmost and leftmost non-white pixel of a 72-dpi page (one pixel per point). */
function inkColumns(png: Buffer): { left: number; right: number } {
  const { width, height, data } = PNG.sync.read(png);
  let left = width;
  let right = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250) {
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { left, right };
}

/** A 200 pt wide box at x = 40..240 on an A4 page, holding one paragraph. */
function boxDocument(text: string, families: string[], hyphenationCallback?: (word: string) => string[]) {
  return (
    <Document>
      <Page size="A4" style={{ padding: 40, fontSize: 10 }}>
        <View style={{ width: 200 }}>
          <Text style={{ fontFamily: families }} {...(hyphenationCallback ? { hyphenationCallback } : {})}>
            {text}
          </Text>
        </View>
      </Page>
    </Document>
  );
}

describe('CJK wrapping', () => {
  it('wraps a 330-character Chinese paragraph inside a 200 pt box, with no hyphen and no character added', async () => {
    expect(longChinese.length).toBeGreaterThanOrEqual(300);
    const families = planFonts([longChinese]).families;
    registerFonts(families);
    const pdf = await render(boxDocument(longChinese, families));
    const lines = ((await pdfText(pdf))[0] ?? '').split('\n');
    // 10 pt full-width characters: at most 20 per 200 pt line, so at least 17 lines.
    expect(lines.length).toBeGreaterThanOrEqual(17);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(20);
    expect(lines.join('')).toBe(longChinese);
    expect(lines.join('')).not.toContain('-');
    for (const line of lines) expect(line).not.toMatch(NO_LINE_START);
    const [page] = await rasterise(pdf);
    const ink = inkColumns(page!);
    expect(ink.left).toBeGreaterThanOrEqual(39);
    expect(ink.right).toBeLessThanOrEqual(241);
  });

  it('wraps Japanese too, keeping kinsoku (no small kana, ー or 。 at a line start)', async () => {
    const japanese = '医学教育の研究チームに参加したいです。ちょっとだけ、オンラインのコミュニティーでも発表しています。'.repeat(4);
    const families = planFonts([japanese]).families;
    registerFonts(families);
    const pdf = await render(boxDocument(japanese, families));
    const lines = ((await pdfText(pdf))[0] ?? '').split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.join('')).toBe(japanese);
    for (const line of lines) expect(line).not.toMatch(NO_LINE_START);
    const ink = inkColumns((await rasterise(pdf))[0]!);
    expect(ink.right).toBeLessThanOrEqual(241);
  });

  it('(check of the checks) overflows without the callback, and draws hyphens with a naive split', async () => {
    const families = planFonts([longChinese]).families;
    registerFonts(families);
    const unwrapped = await render(boxDocument(longChinese, families, (word) => [word]));
    expect(inkColumns((await rasterise(unwrapped))[0]!).right).toBeGreaterThan(241);
    const naive = await render(boxDocument(longChinese, families, (word) => [...word]));
    expect((await pdfText(naive))[0]).toContain('-');
  });
});

describe('URLs, handles, hashtags, emails and words in a narrow box', () => {
  it('are never split or hyphenated, even when wider than the box', async () => {
    const tokens = [
      'https://www.example.org/learning/networks',
      '@dr_ada.lovelace',
      '#MedEd',
      'ada.lovelace@example.ac.uk',
      'Zażółć',
      'французских',
      'Guðjónsson',
    ];
    const text = `Follow ${tokens.join(' and ')} today`;
    const families = planFonts([text]).families;
    registerFonts(families);
    const pdf = await render(
      <Document>
        <Page size="A4" style={{ padding: 40, fontSize: 10 }}>
          <View style={{ width: 70 }}>
            <Text style={{ fontFamily: families }}>{text}</Text>
          </View>
        </Page>
      </Document>,
    );
    const extracted = (await pdfText(pdf))[0] ?? '';
    const lines = extracted.split('\n');
    expect(lines.length).toBeGreaterThan(5); // it did wrap, at the spaces
    for (const token of tokens) expect(lines.some((l) => l.split(' ').includes(token)), token).toBe(true);
    expect(extracted).not.toContain('-');
    expect(normaliseText(extracted)).toBe(text);
  });

  it('keep an email whole inside Chinese text that wraps around it', async () => {
    const text = '如果有问题请发电子邮件到ada.lovelace@example.ac.uk或者在研讨会上直接问我谢谢大家的支持和帮助';
    const families = planFonts([text]).families;
    registerFonts(families);
    const pdf = await render(boxDocument(text, families));
    const lines = ((await pdfText(pdf))[0] ?? '').split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => l.includes('ada.lovelace@example.ac.uk'))).toBe(true);
    expect(lines.join('')).toBe(text);
  });
});

describe('documents rendered one after another in the same process', () => {
  it('are not corrupted by accented letters in an earlier one (fontkit glyph cache)', async () => {
    registerFonts();
    const text = 'Follow @dr_ada.lovelace and #MedEd and ada.lovelace@example.ac.uk and more';
    const doc = (t: string, width: number) => (
      <Document>
        <Page size="A4" style={{ padding: 40, fontSize: 10 }}>
          <View style={{ width }}>
            <Text style={{ fontFamily: 'Noto Sans' }}>{t}</Text>
          </View>
        </Page>
      </Document>
    );
    // Writing these decodes composite glyphs (ó = o + acute…), which used to leave glyphs
    // without characters in fontkit's cache: the next document lost letters ("�ll�w") and broke
    // lines inside words ("a / nd").
    await render(doc("Zażółć gęślą jaźń, İstanbul'da ağaç, Ñandú, São Tomé, Åsa Øberg", 400));
    const lines = ((await pdfText(await render(doc(text, 70))))[0] ?? '').split('\n');
    expect(lines).toEqual(['Follow', '@dr_ada.lovelace', 'and #MedEd', 'and', 'ada.lovelace@example.ac.uk', 'and more']);
  });
});

describe('characters no font covers', () => {
  it('come out as a visible placeholder in Noto Sans, not as Helvetica garbage', async () => {
    const text = 'Great day 😀 🇫🇷 👨‍👩‍👧';
    const families = planFonts([text]).families;
    registerFonts(families);
    const doc = (t: string) => (
      <Document>
        <Page size="A6" style={{ padding: 20, fontSize: 12 }}>
          <Text style={{ fontFamily: families }}>{t}</Text>
        </Page>
      </Document>
    );
    const withPlaceholder = await render(doc(withPlaceholders(text, isCovered)));
    expect((await pdfText(withPlaceholder))[0]).toBe('Great day \uFFFD \uFFFD \uFFFD');
    expect((await fontReport(withPlaceholder)).map((f) => f.baseName)).toEqual(['NotoSans-Regular']);
    // What the placeholder prevents: React-PDF falls back to (unembedded) Helvetica.
    const raw = await render(doc(text));
    expect((await fontReport(raw)).some((f) => f.standard14)).toBe(true);
  });
});

describe('bidi controls (format characters)', () => {
  // U+061C ARABIC LETTER MARK, LRM, RLM, the embeddings and overrides, the isolates.
  const controls = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) =>
    String.fromCodePoint(c),
  );

  it('are neither reported missing nor replaced by the placeholder', () => {
    for (const control of controls) {
      const text = `A${control}B مرحبا`;
      expect(planFonts([text]).missing, text).toEqual([]);
      expect(prepareText(text), text).toBe(text);
    }
  });

  it('draw nothing: "A{control}B" prints exactly as "AB"', async () => {
    // One letter after the control, so an override or isolate cannot change what is drawn.
    const families = planFonts(['مرحبا']).families;
    registerFonts(families);
    const page = async (text: string) => {
      const pdf = await render(
        <Document>
          <Page size={[120, 40]} style={{ padding: 10, fontSize: 12 }}>
            <Text style={{ fontFamily: families }}>{prepareText(text)}</Text>
          </Page>
        </Document>,
      );
      return (await rasterise(pdf))[0]!;
    };
    const plain = await page('AB');
    for (const control of controls) {
      const code = control.codePointAt(0)!.toString(16);
      expect((await page(`A${control}B`)).equals(plain), `U+${code}`).toBe(true);
    }
  });
});

describe('characters that share a glyph in their font', () => {
  it('extract as themselves: U+58FF and U+58AB (one glyph in Noto Sans SC), space and no-break space', async () => {
    const font = openFont(bundledFamily('Noto Sans SC')!.faces[0]!.src);
    expect(font.glyphForCodePoint(0x58ff).id).toBe(font.glyphForCodePoint(0x58ab).id);
    const texts = ['壿墫 墫壿', '墫壿 壿墫', '中文\u00a0中文 中文'];
    const families = planFonts(texts).families;
    registerFonts(families);
    const pdf = await render(
      <Document>
        <Page size="A6" style={{ padding: 20, fontSize: 12 }}>
          {texts.map((text) => (
            <Text key={text} style={{ fontFamily: families }}>
              {text}
            </Text>
          ))}
        </Page>
      </Document>,
    );
    expect(((await pdfText(pdf))[0] ?? '').split('\n')).toEqual(texts);
  });
});

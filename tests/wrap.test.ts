/**
 * Where learner text may wrap inside a word. A word wider than about nine tenths of its box
 * (a URL, a long compound in a narrow table cell) is given break points that draw nothing
 * (empty pieces): first after its own hyphens, dashes, slashes and full stops, and only in a part
 * still too wide between any two characters. Joined, the pieces are always the word as typed.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { FieldFonts, wrapLines } from '../src/pdf/fillable/appearance.js';
import { breakWide, wrapFor } from '../src/pdf/wrap.js';

/** The text between the break points. */
const parts = (pieces: string[]) => pieces.filter((piece) => piece !== '');

describe('a word too wide for its box', () => {
  it('breaks after its own hyphen, not inside a syllable ("clinician-|educator")', () => {
    const pieces = wrapFor(90, 9)('Clinician-educator,');
    expect(parts(pieces)).toEqual(['Clinician-', 'educator,']);
    expect(pieces.join('')).toBe('Clinician-educator,');
  });

  it('wraps a URL after its slashes and full stops, keeping "https://" whole', () => {
    expect(parts(breakWide('https://www.linkedin.com/in/maya-chen-alvarez-md', 90, 9))).toEqual([
      'https://', 'www.', 'linkedin.', 'com/', 'in/', 'maya-', 'chen-', 'alvarez-', 'md',
    ]);
  });

  it('breaks a part still too wide between any two characters, and adds nothing', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis-like';
    const pieces = breakWide(word, 60, 9);
    expect(parts(pieces).at(-1)).toBe('like');
    expect(parts(pieces)).toContain('P');
    expect(pieces.join('')).toBe(word);
    // Every break is an empty piece: React-PDF draws no hyphen there.
    pieces.forEach((piece, index) => expect(piece === '').toBe(index % 2 === 0));
  });

  it('leaves a word that fits whole, hyphens and all', () => {
    expect(wrapFor(300, 9)('clinician-educator')).toEqual(['clinician-educator']);
  });
});

describe('a word too wide for a form field, as the field shows it before it is edited', () => {
  it('wraps after its own slashes and hyphens, as the printed sheet does', async () => {
    const fonts = new FieldFonts(await PDFDocument.create());
    const url = 'https://www.linkedin.com/in/maya-chen-alvarez-md';
    const lines = wrapLines(url, fonts, 9, 120);
    expect(lines.join('')).toBe(url);
    expect(lines.length).toBeGreaterThan(1);
    // Each line ends where the URL itself allows a break.
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/[-/.]$/);
  });
});


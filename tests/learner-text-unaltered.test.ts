/**
 * Repros of answers that came out of the PDF altered while `fill` exited 0 (or failed on valid
 * input): each renders the answer and reads the PDF's text back.
 */
import { describe, expect, it, vi } from 'vitest';
import { renderFilled } from '../src/api.js';
import { LIMITS, type Answers } from '../src/answers/index.js';
import { PLACEHOLDER } from '../src/pdf/unicode/index.js';
import { pdfText } from './support/pdf.js';

async function goalsText(focus: string): Promise<string> {
  const answers: Answers = { learner: { name: 'T' }, goals: { focus } };
  const pdf = await renderFilled(answers, { sheets: ['goals'], paper: 'letter' });
  // Runs of spaces collapsed: extraction keeps the learner's double spaces.
  return (await pdfText(pdf)).join('\n').replace(/ +/g, ' ');
}

describe('learner text is printed as written', () => {
  it('adds no hyphen where an answer has two or more spaces in a row', async () => {
    const sentence = 'I want to meet two research mentors this term and my plan is to email Dr. Zhang after grand rounds. ';
    const focus = sentence.repeat(12).trim().split(/ +/).join('  ');
    expect(focus).not.toContain('-');
    const text = await goalsText(focus);
    // The answer wraps over many lines; before the fix, 16 of them ended in a drawn "-".
    const answer = text.slice(text.indexOf('I want'), text.lastIndexOf('grand rounds.'));
    expect(answer.match(/Zhang/g)).toHaveLength(12);
    expect(answer.match(/.*-$/gm) ?? []).toEqual([]);
  });

  it('adds no hyphen inside a word whose script or bidi level changes', async () => {
    const hyphens = (text: string) => text.split('-').length - 1;
    const chrome = hyphens(await goalsText('x'));
    // Each word spans two runs (Latin then an isolate, Latin then Arabic): React-PDF put a
    // hyphen penalty between them, and broke lines there with a drawn "-" (14 and 2 of them).
    const isolates = Array.from({ length: 30 }, (_, i) => `${'résumé'.slice(0, 1 + (i % 6))} \u2067https://example.org/a?b=c`).join(' ');
    const arabic = Array.from({ length: 40 }, (_, i) => `${'mentor'.slice(0, 1 + (i % 6))}\u0645\u0631\u064a\u0645`).join(' ');
    for (const [focus, word] of [[isolates, 'example.org/a?b=c'], [arabic, 'mentor']] as const) {
      const text = await goalsText(focus);
      expect(text).toContain(word);
      expect(hyphens(text) - chrome).toBe(hyphens(focus));
    }
  });

  it('keeps a letter whose combining mark no font has, and shows the mark as the placeholder', async () => {
    const text = await goalsText('xa\u0e4eby');
    expect(text).toContain(`xa${PLACEHOLDER}by`);
  });

  it('prints a mark on a base with no anchor for it (fontkit getAnchor on a NULL anchor)', async () => {
    const text = await goalsText('\u0674\u0650 and \u0628\u0650');
    expect(text).toContain('and');
    expect(text).toContain('\u0674');
    expect(text).toContain('\u0628');
  });

  it('fits an email at its limit under the sheet title, in full (wide characters, and one unbroken word)', async () => {
    for (const email of ['\u5B66'.repeat(LIMITS.emailChars), 'W'.repeat(LIMITS.emailChars)]) {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        const pdf = await renderFilled({ learner: { name: 'T', email } }, { sheets: ['goals'], paper: 'letter' });
        expect(warn.mock.calls.flat().join('\n')).not.toMatch(/exceeds available height/);
        expect((await pdfText(pdf)).join('').replace(/\s+/g, '')).toContain(email);
      } finally {
        warn.mockRestore();
      }
    }
  });
});

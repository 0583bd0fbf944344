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

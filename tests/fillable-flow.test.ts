/**
 * A prefilled answer of very many short lines, in any kind of field (a list item, a table cell, a
 * contact's notes, a short answer, half of an if-then plan), shows whole at its field's own type
 * size: the field continues over pages, as the plain filled PDF does, and reads back whole.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importAnswers, renderFilled } from '../src/api.js';
import type { Answers } from '../src/answers/index.js';
import { FIELD_FONT } from '../src/pdf/fillable/form-slot.js';
import { shownFields } from './support/widgets.js';

const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join('\n');

const answers = {
  version: 1,
  learner: { name: 'Dr. Amara Okafor' },
  goals: { priorities: [lines('priority-', 200), 'Sleep'], focus: lines('focus-', 150), woop: { plan: { if: 'I am tired', then: lines('then-', 150) } } },
  network: {
    contacts: [
      { name: 'Dr. Lee', tie: 'strong', area: 'academic', notes: lines('note-', 200) },
      { name: 'Sam', tie: 'weak', area: 'informal', role: 'peer' },
    ],
    toAdd: [{ name: 'Dr. Ruiz', area: 'expertise', why: lines('why-', 150) }, { name: 'Pat' }],
  },
  social: { hashtags: [lines('tag-', 150)], guardrail: { if: lines('when-', 100), then: 'stop' } },
} as Answers;

/** Each long field: its path and the type size it is laid out for. */
const LONG_FIELDS: Array<[string, number]> = [
  ['goals.priorities[0]', FIELD_FONT.text],
  ['goals.focus', FIELD_FONT.text],
  ['goals.woop.plan.then', FIELD_FONT.text],
  ['network.contacts[0].notes', FIELD_FONT.contactSmall],
  ['network.toAdd[0].why', FIELD_FONT.cell],
  ['social.hashtags[0]', FIELD_FONT.text],
  ['social.guardrail.if', FIELD_FONT.text],
];

describe('a prefilled answer of very many short lines', () => {
  it('shows every line, at its field’s own size, continuing over pages; import gives it back', async () => {
    const pdf = await renderFilled(answers, { fillable: true });
    const shown = shownFields(pdf);
    const doc = await PDFDocument.load(pdf);
    const form = doc.getForm();
    for (const [path, size] of LONG_FIELDS) {
      const field = shown.get(path);
      expect(field, path).toBeDefined();
      // Every line drawn, in order.
      expect(field!.text.split(/\s+/u).filter(Boolean), path).toEqual(field!.value.split('\n'));
      const text = form.getTextField(path);
      expect(Number(/ ([\d.]+) Tf/u.exec(text.acroField.getDefaultAppearance() ?? '')?.[1]), path).toBe(size);
      const pages = new Set(text.acroField.getWidgets().map((widget) => doc.getPages().findIndex((page) => page.ref === widget.P())));
      expect(pages.size, path).toBeGreaterThan(1);
    }
    expect(await importAnswers(pdf)).toEqual(answers);
  });
});

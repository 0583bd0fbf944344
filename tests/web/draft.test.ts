import { describe, expect, it } from 'vitest';
import { answersToDraft, draftToAnswers, getAt, setAt } from '../../src/web/draft.js';

describe('form draft', () => {
  it('sets and reads nested paths and list rows without changing the original', () => {
    const draft = setAt({}, 'goals.priorities[1]', 'Teaching');
    expect(getAt(draft, 'goals.priorities')).toEqual([undefined, 'Teaching']);
    const next = setAt(draft, 'goals.woop.plan.if', 'If busy');
    expect(getAt(next, 'goals.woop.plan.if')).toBe('If busy');
    expect(getAt(draft, 'goals.woop')).toBeUndefined();
  });

  it('leaves out only what is empty, keeps text as typed, and makes a session number a number', () => {
    const draft = {
      learner: { name: 'Ana', program: '' },
      coach: { name: '' },
      session: { number: '3', date: '' },
      goals: { priorities: ['', '  spaced  ', ''], woop: { plan: { if: '', then: '' } } },
    };
    expect(draftToAnswers(draft)).toEqual({ version: 1, learner: { name: 'Ana' }, session: { number: 3 }, goals: { priorities: ['  spaced  '] } });
    expect(draftToAnswers(setAt(draft, 'session.number', 'two')).session).toEqual({ number: 'two' });
    expect(draftToAnswers({}).learner).toEqual({ name: '' });
  });

  it('drops a connection row that has only its list\'s tie, keeps one with anything written, in order', () => {
    const draft = {
      learner: { name: 'Ana' },
      network: { contacts: [{ tie: 'strong' }, { tie: 'weak', name: 'Bo', area: 'informal' }, { tie: 'mentor', area: 'academic' }, { tie: 'weak', name: '' }] },
    };
    expect(draftToAnswers(draft).network).toEqual({ contacts: [{ tie: 'weak', name: 'Bo', area: 'informal' }, { tie: 'mentor', area: 'academic' }] });
    expect(draftToAnswers({ learner: { name: 'Ana' }, network: { contacts: [{ tie: 'strong' }] } })).toEqual({ version: 1, learner: { name: 'Ana' } });
    expect(draftToAnswers({ learner: { name: 'Ana' }, network: { contacts: [{ tie: 'strong' }], gaps: 'g' } }).network).toEqual({ gaps: 'g' });
  });

  it('opens an answers file as the same draft', () => {
    const answers = { version: 1 as const, learner: { name: 'Ana' }, session: { number: 2 }, goals: { focus: 'x' } };
    expect(draftToAnswers(answersToDraft(answers))).toEqual(answers);
  });
});

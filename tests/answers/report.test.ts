import { describe, expect, it } from 'vitest';
import { starterAnswers, type Answers } from '../../src/answers/index.js';
import { completenessReport } from '../../src/answers/report.js';
import { nextSession, NextSessionError } from '../../src/answers/next-session.js';
import { BOUNDARIES } from '../../src/answers/schema.js';

const rules = (answers: Answers) => completenessReport(answers).recommendations.map((r) => `${r.rule} ${r.path}`);

describe('completenessReport', () => {
  it('counts an empty starter as nothing answered, and a written field as answered', () => {
    const empty = completenessReport(starterAnswers());
    expect(empty.answered).toBe(0);
    expect(empty.total).toBeGreaterThan(30);
    const answers = starterAnswers();
    answers.goals!.woop!.wish = 'Present a case at grand rounds';
    answers.goals!.woop!.outcome = '   '; // blank is not an answer
    const report = completenessReport(answers);
    expect(report.answered).toBe(1);
    const woop = report.sheets[0]!.sections.find((s) => s.id === 'woop')!;
    expect(woop.fields.filter((f) => f.answered).map((f) => f.path)).toEqual(['goals.woop.wish']);
  });

  it('merges a section continued on the next page into one', () => {
    const social = completenessReport(starterAnswers()).sheets[2]!;
    expect(social.sections.filter((s) => s.id.startsWith('presence'))).toHaveLength(1);
    expect(social.sections.find((s) => s.id === 'presence')!.fields.map((f) => f.path)).toContain('social.bio');
  });

  it('recommends: bio within 160 characters, five people to add, every SMART letter, every boundary ticked', () => {
    const answers = starterAnswers();
    answers.social!.bio = 'x'.repeat(161);
    answers.network!.toAdd = [{ name: 'A' }, { name: 'B' }];
    answers.goals!.smart!.specific = 'Teach one session';
    answers.social!.boundaries = BOUNDARIES.filter((b) => b !== 'conflicts');
    const report = completenessReport(answers);
    expect(rules(answers)).toEqual([
      'smart-letter goals.smart.measurable',
      'smart-letter goals.smart.assignable',
      'smart-letter goals.smart.relevant',
      'smart-letter goals.smart.timeBased',
      'five-people-to-add network.toAdd',
      'text-limit social.bio',
      'boundaries social.boundaries',
    ]);
    expect(report.recommendations.find((r) => r.rule === 'text-limit')!.message).toBe('161 characters, over the 160-character limit');
    expect(report.recommendations.find((r) => r.rule === 'five-people-to-add')!.message).toBe('2 of 5 people to add');
    expect(report.recommendations.find((r) => r.rule === 'boundaries')!.subject).toBe('social.boundary.conflicts');
  });

  it('does not ask for SMART letters when the learner uses WOOP only, nor judge sheets the file leaves out', () => {
    const answers: Answers = { learner: { name: 'Ana' }, goals: { woop: { wish: 'Find a mentor' } } };
    expect(rules(answers)).toEqual([]);
    expect(completenessReport(answers).sheets.map((s) => s.started)).toEqual([true, false, false]);
  });
});

describe('nextSession', () => {
  const last: Answers = {
    learner: { name: 'Ana' },
    session: { date: '2026-01-10', number: 1 },
    goals: { focus: 'Mentoring', nextCheckIn: 'in two weeks' },
    network: {
      contacts: [{ name: 'Dr. Ruiz', tie: 'mentor', area: 'academic' }],
      toAdd: [
        { name: 'Dr. Lee', role: 'Clerkship director', area: 'expertise', why: 'Teaches ultrasound', how: 'Email' },
        { name: 'A nurse educator' },
      ],
    },
    social: { bio: 'Resident', reviewDate: '2026-03-01' },
  };

  it('carries everything forward but the date, the number (+1) and the next check-in', () => {
    const next = nextSession(last, { date: '2026-02-01' });
    expect(next).toEqual({ ...last, session: { date: '2026-02-01', number: 2 }, goals: { focus: 'Mentoring', nextCheckIn: '' } });
    expect(last.session).toEqual({ date: '2026-01-10', number: 1 }); // the last session's answers are untouched
  });

  it('moves promoted people from "people to add" onto the map as new weak ties', () => {
    const next = nextSession(last, { date: '2026-02-01', promote: ['dr. lee '] });
    expect(next.network!.contacts).toEqual([
      { name: 'Dr. Ruiz', tie: 'mentor', area: 'academic' },
      { name: 'Dr. Lee', tie: 'weak', area: 'expertise', role: 'Clerkship director', notes: 'Teaches ultrasound' },
    ]);
    expect(next.network!.toAdd).toEqual([{ name: 'A nurse educator' }]);
  });

  it('refuses a name not on the list, or a person without an area, saying which', () => {
    expect(() => nextSession(last, { date: '2026-02-01', promote: ['Dr. Leigh'] })).toThrow(/"Dr\. Leigh" is not in network\.toAdd.*"Dr\. Lee"/);
    expect(() => nextSession(last, { date: '2026-02-01', promote: ['A nurse educator'] })).toThrow(NextSessionError);
    expect(() => nextSession(last, { date: '2026-02-01', promote: ['A nurse educator'] })).toThrow(/toAdd\[1\].*no area/);
  });
});

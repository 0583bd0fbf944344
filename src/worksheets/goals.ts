import type { Sheet } from './model.js';

const k = (key: string) => `goals.${key}`;

export const goalSheet: Sheet = {
  id: 'goals',
  title: k('title'),
  step: k('step'),
  intro: k('intro'),
  credits: ['common.credits.framework', 'common.credits.woop', 'common.credits.smart'],
  pages: [
    [
      {
        id: 'priorities',
        heading: k('priorities.heading'),
        prompt: k('priorities.prompt'),
        items: [
          { kind: 'list', path: 'goals.priorities', rows: 5 },
          { kind: 'short', path: 'goals.focus', label: k('focus.label') },
        ],
      },
      {
        id: 'woop',
        heading: k('woop.heading'),
        prompt: k('woop.intro'),
        items: [
          { kind: 'short', path: 'goals.woop.timeframe', label: k('woop.timeframe.label'), hint: k('woop.timeframe.hint') },
          { kind: 'writing', path: 'goals.woop.wish', label: k('woop.wish.label'), hint: k('woop.wish.hint'), lines: 2, side: true },
          { kind: 'writing', path: 'goals.woop.outcome', label: k('woop.outcome.label'), hint: k('woop.outcome.hint'), lines: 2, side: true, grows: true },
          { kind: 'writing', path: 'goals.woop.feeling', label: k('woop.feeling.label'), lines: 1, side: true },
          { kind: 'writing', path: 'goals.woop.obstacle', label: k('woop.obstacle.label'), hint: k('woop.obstacle.hint'), lines: 2, side: true },
          {
            kind: 'ifThen',
            path: 'goals.woop.plan',
            label: k('woop.plan.label'),
            hint: k('woop.plan.hint'),
            ifLabel: k('woop.plan.if'),
            thenLabel: k('woop.plan.then'),
          },
        ],
      },
    ],
    [
      {
        id: 'smart',
        heading: k('smart.heading'),
        prompt: k('smart.intro'),
        items: [
          { kind: 'writing', path: 'goals.smart.draft', label: k('smart.draft.label'), lines: 2 },
          ...(['specific', 'measurable', 'assignable', 'relevant', 'timeBased'] as const).map((letter) => ({
            kind: 'writing' as const,
            path: `goals.smart.${letter}`,
            label: k(`smart.${letter}.label`),
            hint: k(`smart.${letter}.hint`),
            lines: 2,
            side: true,
          })),
          { kind: 'writing', path: 'goals.smart.statement', label: k('smart.statement.label'), lines: 2, grows: true },
        ],
      },
      {
        id: 'coach',
        heading: k('coach.heading'),
        items: [
          { kind: 'writing', path: 'goals.coachSupport', label: k('coach.support.label'), lines: 3 },
          { kind: 'short', path: 'goals.nextCheckIn', label: k('coach.nextCheckIn.label') },
        ],
      },
    ],
  ],
};

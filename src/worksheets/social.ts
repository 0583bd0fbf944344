import { BOUNDARIES, PURPOSES } from '../answers/schema.js';
import type { Sheet } from './model.js';

const k = (key: string) => `social.${key}`;

export const socialSheet: Sheet = {
  id: 'social',
  title: k('title'),
  step: k('step'),
  intro: k('intro'),
  credits: ['common.credits.framework', 'common.credits.ethics'],
  pages: [
    [
      {
        id: 'reflect',
        heading: k('reflect.heading'),
        items: [
          { kind: 'list', path: 'social.interests', label: k('interests.label'), rows: 3 },
          {
            kind: 'checklist',
            path: 'social.purposes',
            label: k('purposes.label'),
            columns: 2,
            options: PURPOSES.map((value) => ({ value, label: k(`purpose.${value}`) })),
            other: { path: 'social.otherPurpose', label: 'common.checklist.other' },
          },
          { kind: 'writing', path: 'social.audience', label: k('audience.label'), lines: 2 },
          { kind: 'list', path: 'social.knownFor', label: k('knownFor.label'), rows: 3, columns: 3 },
        ],
      },
      {
        id: 'presence',
        heading: k('presence.heading'),
        items: [
          {
            kind: 'table',
            path: 'social.platforms',
            label: k('platforms.label'),
            hint: k('platforms.hint'),
            rows: 3,
            rowLines: 1,
            columns: [
              { key: 'name', label: k('platforms.name'), width: 2 },
              { key: 'handle', label: k('platforms.handle'), width: 2 },
              { key: 'why', label: k('platforms.why'), width: 5 },
            ],
          },
        ],
      },
    ],
    [
      {
        id: 'presence-more',
        heading: k('presence.heading'),
        continued: true,
        items: [
          { kind: 'characterBoxes', path: 'social.bio', label: k('bio.label'), hint: k('bio.hint'), limit: 160, perRow: 32 },
          { kind: 'list', path: 'social.hashtags', label: k('hashtags.label'), hint: k('hashtags.hint'), rows: 4, columns: 2 },
          { kind: 'list', path: 'social.follow', label: k('follow.label'), hint: k('follow.hint'), rows: 6, columns: 2 },
          { kind: 'writing', path: 'social.share', label: k('share.label'), lines: 2, grows: true },
        ],
      },
      {
        id: 'boundaries',
        heading: k('boundaries.heading'),
        prompt: k('boundaries.prompt'),
        items: [
          {
            kind: 'checklist',
            path: 'social.boundaries',
            options: BOUNDARIES.map((value) => ({ value, label: k(`boundary.${value}`) })),
          },
        ],
      },
    ],
    [
      {
        id: 'time',
        heading: k('time.heading'),
        items: [
          { kind: 'short', path: 'social.timeBudget', label: k('timeBudget.label'), hint: k('timeBudget.hint') },
          {
            kind: 'ifThen',
            path: 'social.guardrail',
            label: k('guardrail.label'),
            ifLabel: k('guardrail.if'),
            thenLabel: k('guardrail.then'),
          },
        ],
      },
      {
        id: 'coach',
        heading: k('coach.heading'),
        items: [
          { kind: 'writing', path: 'social.discussion', label: k('discussion.label'), lines: 10, grows: true },
          { kind: 'short', path: 'social.reviewDate', label: k('reviewDate.label') },
        ],
      },
    ],
  ],
};

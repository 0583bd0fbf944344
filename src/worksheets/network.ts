import type { Sheet } from './model.js';

const k = (key: string) => `network.${key}`;

export const networkSheet: Sheet = {
  id: 'network',
  title: k('title'),
  step: k('step'),
  intro: k('intro'),
  aim: k('aim'),
  credits: ['common.credits.framework'],
  pages: [
    [
      {
        id: 'connections',
        heading: k('connections.heading'),
        prompt: k('connections.prompt'),
        items: [{ kind: 'connectionLists', path: 'network.contacts', rows: 20, grows: true }],
      },
    ],
    [
      {
        id: 'map',
        heading: k('map.heading'),
        prompt: k('map.prompt'),
        items: [
          { kind: 'quadrantMap', path: 'network.contacts' },
          { kind: 'writing', path: 'network.gaps', label: k('gaps.label'), lines: 3 },
        ],
      },
    ],
    [
      {
        id: 'toAdd',
        heading: k('toAdd.heading'),
        prompt: k('toAdd.prompt'),
        items: [
          {
            kind: 'table',
            path: 'network.toAdd',
            rows: 5,
            rowLines: 2,
            columns: [
              { key: 'name', alsoKey: 'role', label: k('toAdd.name'), width: 3 },
              { key: 'area', label: k('toAdd.area'), width: 2 },
              { key: 'why', label: k('toAdd.why'), width: 3 },
              { key: 'how', label: k('toAdd.how'), width: 3 },
              { key: 'by', label: k('toAdd.by'), width: 1.5 },
            ],
          },
        ],
      },
      {
        id: 'actions',
        heading: k('actions.heading'),
        prompt: k('actions.prompt'),
        items: [
          {
            kind: 'table',
            path: 'network.actions',
            rows: 4,
            rowLines: 2,
            columns: [
              { key: 'action', label: k('actions.action'), width: 4 },
              { key: 'skill', label: k('actions.skill'), width: 3 },
              { key: 'support', label: k('actions.support'), width: 3 },
              { key: 'by', label: k('actions.by'), width: 1.5 },
            ],
          },
          { kind: 'writing', path: 'network.maintain', label: k('maintain.label'), lines: 2, grows: true },
        ],
      },
    ],
  ],
};

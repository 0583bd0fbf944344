/**
 * Sizes and colours of the sheets. Everything reads in black and white: the accent is a dark teal
 * that prints as near-black, and no meaning depends on colour.
 */
export const theme = {
  font: 'Noto Sans',
  size: {
    title: 20,
    heading: 13,
    body: 10,
    answer: 10.5,
    hint: 9,
    small: 9,
    footer: 8,
    credit: 7,
  },
  colour: {
    ink: '#111111',
    /** Answers in a blue-black, like ink on the printed form; black in greyscale. */
    answer: '#0d2240',
    accent: '#1d4e5c',
    hint: '#4a4a4a',
    rule: '#8a8a8a',
    frame: '#333333',
    fill: '#eef2f3',
  },
  /** Distance between ruled handwriting lines: 7.8 mm, between college (7.1 mm) and wide (8.7 mm) rule. */
  linePitch: 22,
  /** Table cells are narrower, so their lines sit a little closer (7.1 mm, college rule). */
  tablePitch: 20,
  ruleWidth: 0.6,
  gap: { section: 12, field: 7 },
} as const;

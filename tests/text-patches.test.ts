/**
 * Two patches to React-PDF keep a learner's text as written (docs/patches.md). Where npm skipped
 * the install script that applies them, nothing is rendered: a message says how to apply them.
 */
import '@react-pdf/renderer';
import { describe, expect, it } from 'vitest';
import { renderBlank } from '../src/api.js';
import { assertTextPatches, missingTextPatches } from '../src/pdf/renderer-patches.js';

const marks = (globalThis as unknown as Record<symbol, Set<string>>)[Symbol.for('pln-worksheets.patches')];

describe("the patches that keep the learner's text", () => {
  it('are both loaded with React-PDF as npm install left it', () => {
    expect(missingTextPatches()).toEqual([]);
  });

  it('when missing, stop the render with the way to apply them, naming what is missing', async () => {
    expect(() => assertTextPatches({})).toThrow('@react-pdf/layout and @react-pdf/render are installed without');
    const onlyLayout = { [Symbol.for('pln-worksheets.patches')]: new Set(['@react-pdf/layout']) };
    expect(() => assertTextPatches(onlyLayout)).toThrow(/^@react-pdf\/render is installed without .*Run "npm rebuild pln-worksheets"/);

    marks!.delete('@react-pdf/render');
    try {
      await expect(renderBlank({ sheets: ['goals'] })).rejects.toThrow('npm rebuild pln-worksheets');
    } finally {
      marks!.add('@react-pdf/render');
    }
    expect((await renderBlank({ sheets: ['goals'] })).length).toBeGreaterThan(1000);
  });
});

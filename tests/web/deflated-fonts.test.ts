/**
 * The base fonts travel deflated in app.js; the page must get back the very same TTF bytes (the
 * PDFs embed subsets of them), as the data: URL React-PDF reads.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { deflatedFont } from '../../src/scripts/build-site.js';
import { BASE_FAMILY, BUNDLED_FAMILIES } from '../../src/pdf/unicode/registry.js';
import { inflatedFontUrl } from '../../src/web/deflated-fonts.js';

describe('deflated base fonts', () => {
  const base = BUNDLED_FAMILIES.find((family) => family.family === BASE_FAMILY)!;

  it.each(base.faces.map((face) => [face.file, face.src]))('%s inflates to its TTF, byte for byte, and travels smaller', async (_file, src) => {
    const ttf = await readFile(src);
    const deflated = await deflatedFont(src);
    expect(deflated.length).toBeLessThan(ttf.length);
    expect(inflatedFontUrl(deflated)).toBe(`data:font/ttf;base64,${ttf.toString('base64')}`);
  });
});

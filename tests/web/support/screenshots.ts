/**
 * Screenshot baselines in tests/web/baselines/<name>.png, compared as tests/support/pixels.ts
 * compares pages (written when missing, or with UPDATE_BASELINES=1). The page's text uses the
 * system's sans-serif, so the tolerance is wider than for PDF pages.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

const BASELINES = fileURLToPath(new URL('../baselines/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../.artifacts/', import.meta.url));

export async function expectScreenshotMatches(png: Buffer, name: string, maxDiffRatio = 0.002): Promise<void> {
  const file = path.join(BASELINES, `${name}.png`);
  if (!existsSync(file) || /^(1|true)$/.test(process.env.UPDATE_BASELINES ?? '')) {
    await mkdir(BASELINES, { recursive: true });
    await writeFile(file, png);
    console.log(`wrote baseline ${path.relative(process.cwd(), file)}`);
    return;
  }
  const actual = PNG.sync.read(png);
  const expected = PNG.sync.read(await readFile(file));
  expect([actual.width, actual.height], `${name}: size`).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const pixels = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  if (pixels > actual.width * actual.height * maxDiffRatio) {
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(path.join(ARTIFACTS, `${name}-actual.png`), png);
    await writeFile(path.join(ARTIFACTS, `${name}-diff.png`), PNG.sync.write(diff));
  }
  expect(pixels, `${name}: pixels that differ from the baseline`).toBeLessThanOrEqual(actual.width * actual.height * maxDiffRatio);
}

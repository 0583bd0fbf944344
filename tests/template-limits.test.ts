/** Reading an override's template file costs time in proportion to its size, and its size is bounded. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplateEntries } from '../src/copy/copy.js';
import { runCli } from './support/cli.js';

describe('template file limits', () => {
  it('locating the entries of a large file is linear: 20,000 entries in well under a second', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `"key${i}": "${'v'.repeat(8)}"`);
    const text = `{\n${entries.join(',\n')}\n}`;
    const started = performance.now();
    const read = readTemplateEntries({ name: 'goals.json', path: 'goals.json', text });
    const elapsed = performance.now() - started;
    expect(read).toHaveLength(20_000);
    expect(read[19_999]).toMatchObject({ key: 'key19999', line: 20_001, column: 13 });
    expect(elapsed).toBeLessThan(1_000);
  });

  it('a template file over 256 KB is exit 1, naming the limit', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'pln-template-size-'));
    await mkdir(path.join(root, 'en'));
    await writeFile(path.join(root, 'en', 'common.json'), JSON.stringify({ product: 'x'.repeat(300 * 1024) }));
    const result = await runCli(['blank', '--templates', root, '--out', path.join(root, 'never.pdf')], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/common\.json: is 300 KB; a template file may be at most 256 KB/);
  });
});

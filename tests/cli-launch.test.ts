import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, CODE_CACHE_FILE, bundleBanner, bundleIsUsable } from '../src/cli/launch.js';
import { runCli } from './support/cli.js';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const modules = { PLN_WORKSHEETS_MODULES: '1' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-launch-'));
});

describe('the one-file command line (dist/cli.bundle.cjs)', () => {
  it('is built with its code cache, for this dist folder', () => {
    expect(existsSync(path.join(distDir, BUNDLE_FILE))).toBe(true);
    expect(existsSync(path.join(distDir, CODE_CACHE_FILE))).toBe(true);
    expect(readFileSync(path.join(distDir, BUNDLE_FILE), 'utf8').startsWith(`${bundleBanner(distDir)}\n`)).toBe(true);
  });

  it('is used only when made for this folder and not older than the modules', () => {
    const source = `${bundleBanner('/app/dist/')}\n"use strict";`;
    expect(bundleIsUsable(source, '/app/dist/', 2000, 1000)).toBe(true);
    expect(bundleIsUsable(source, '/app/dist/', 1000, 1000)).toBe(true);
    expect(bundleIsUsable(source, '/app/dist/', 999, 1000)).toBe(false); // modules rebuilt since
    expect(bundleIsUsable(source, '/elsewhere/dist/', 2000, 1000)).toBe(false); // copied elsewhere
    expect(bundleIsUsable('"use strict";', '/app/dist/', 2000, 1000)).toBe(false);
  });

  it('writes the same PDFs as the modules: filled, fillable and blank', async () => {
    for (const args of [
      ['fill', 'examples/multilingual-long.json'],
      ['fill', 'examples/resident-smart.json', '--fillable'],
      ['blank', '--paper', 'a4'],
    ]) {
      const bundled = await runCli([...args, '--out', '-']);
      const plain = await runCli([...args, '--out', '-'], { env: modules });
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(plain.code, plain.stderr).toBe(0);
      expect(Buffer.compare(bundled.stdout, plain.stdout), args.join(' ')).toBe(0);
    }
  });

  it('reports problems the same way: characters no font has (named on demand), and a bad file', async () => {
    const answers = JSON.parse(readFileSync('examples/first-year-woop.json', 'utf8')) as { learner: { name: string } };
    answers.learner.name = 'Ana 🦉 Ruiz';
    const emoji = path.join(dir, 'emoji.json');
    await writeFile(emoji, JSON.stringify(answers));
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "learner": { "name": 42 } }');
    for (const file of [emoji, broken]) {
      const bundled = await runCli(['fill', file, '--out', path.join(dir, 'a.pdf')]);
      const plain = await runCli(['fill', file, '--out', path.join(dir, 'b.pdf')], { env: modules });
      expect({ code: bundled.code, stderr: bundled.stderr }).toEqual({ code: plain.code, stderr: plain.stderr });
    }
    expect((await runCli(['fill', emoji, '--out', path.join(dir, 'c.pdf')])).stderr).toMatch(/OWL/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, bundleBanner, bundleIsUsable } from '../src/launch.js';
import { runCli, spawnCli } from './support/cli.js';

const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
/**
 * The modules' run is the command line's main() in this process (runCli), and its bundle workers
 * start from the modules too: the one-file builds are the spawned runs.
 */
const modules = { PLN_WORKSHEETS_MODULES: '1' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-launch-'));
});

describe('the one-file command line and bundle worker (dist/*.bundle.cjs)', () => {
  it('are built with their code caches, for this dist folder', () => {
    for (const build of Object.values(BUILDS)) {
      expect(existsSync(path.join(distDir, build.file)), build.file).toBe(true);
      expect(existsSync(path.join(distDir, build.cache)), build.cache).toBe(true);
      expect(readFileSync(path.join(distDir, build.file), 'latin1').startsWith(`${bundleBanner(distDir)}\n`)).toBe(true);
    }
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
    // One sheet each, the three sheets between them: every field kind, printed and as a form
    // field, and the CJK, Arabic and Hebrew fonts and shaping (the builds hold the same modules
    // whichever sheet draws them).
    for (const args of [
      ['fill', 'examples/multilingual-long.json', '--sheet', 'social'],
      ['fill', 'examples/resident-smart.json', '--fillable', '--sheet', 'goals'],
      ['blank', '--paper', 'a4', '--sheet', 'network'],
    ]) {
      const bundled = await spawnCli([...args, '--out', '-']);
      const plain = await runCli([...args, '--out', '-'], { env: modules });
      expect(bundled.code, bundled.stderr).toBe(0);
      expect(plain.code, plain.stderr).toBe(0);
      expect(Buffer.compare(bundled.stdout, plain.stdout), args.join(' ')).toBe(0);
    }
  });

  it('bundles with worker threads give the same bytes from the one-file builds as from the modules', async () => {
    const args = ['bundle', 'examples/first-year-woop.json', 'examples/multilingual-long.json', 'examples/resident-smart.json', '--sheet', 'goals', '--jobs', '2', '--no-cache', '--quiet', '--title', 'Retreat'];
    const bundled = await spawnCli([...args, '--out', path.join(dir, 'bundled.pdf')]);
    const plain = await runCli([...args, '--out', path.join(dir, 'modules.pdf')], { env: modules });
    expect(bundled.code, bundled.stderr).toBe(0);
    expect(plain.code, plain.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(path.join(dir, 'bundled.pdf')), readFileSync(path.join(dir, 'modules.pdf')))).toBe(0);
  });

  it('reports problems the same way: characters no font has (named on demand), and a bad file', async () => {
    const answers = JSON.parse(readFileSync('examples/first-year-woop.json', 'utf8')) as { learner: { name: string } };
    answers.learner.name = 'Ana 🦉 Ruiz';
    const emoji = path.join(dir, 'emoji.json');
    await writeFile(emoji, JSON.stringify(answers));
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "learner": { "name": 42 } }');
    const stderr: string[] = [];
    for (const file of [emoji, broken]) {
      const bundled = await spawnCli(['fill', file, '--sheet', 'goals', '--out', path.join(dir, 'a.pdf')]);
      const plain = await runCli(['fill', file, '--sheet', 'goals', '--out', path.join(dir, 'b.pdf')], { env: modules });
      expect({ code: bundled.code, stderr: bundled.stderr }).toEqual({ code: plain.code, stderr: plain.stderr });
      stderr.push(bundled.stderr);
    }
    expect(stderr[0]).toMatch(/OWL/);
    expect(stderr[1]).toMatch(/learner\.name/);
  });
});

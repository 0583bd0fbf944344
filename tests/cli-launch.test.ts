import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, bundleBanner, bundleIsUsable, builtAfterModules } from '../src/launch.js';
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
  it('are built with their code caches, listing the files they find by location, all in this package', () => {
    for (const build of Object.values(BUILDS)) {
      expect(existsSync(path.join(distDir, build.file)), build.file).toBe(true);
      expect(existsSync(path.join(distDir, build.cache)), build.cache).toBe(true);
      const source = readFileSync(path.join(distDir, build.file), 'latin1');
      const located = JSON.parse(source.slice(0, source.indexOf('\n')).replace(/^[^[]*/, '')) as string[];
      expect(source.startsWith(`${bundleBanner(located)}\n`)).toBe(true);
      // The templates' and fonts' finder, and a dependency's data: paths from the package root.
      expect(located).toContain('dist/copy/load.js');
      expect(located.some((file) => file.startsWith('node_modules/'))).toBe(true);
      expect(bundleIsUsable(source, path.dirname(distDir), true)).toBe(true);
      // No path of this machine: the package runs them wherever it is installed.
      expect(source.includes(path.dirname(distDir))).toBe(false);
    }
  });

  it('is used only where every file it finds by location is, and when not older than the modules', async () => {
    const source = `${bundleBanner(['dist/copy/load.js', 'node_modules/pdfkit/js/pdfkit.node.mjs'])}\n"use strict";`;
    const installed = (file: string) => ['/usr/lib/node_modules/pln-worksheets/dist/copy/load.js', '/usr/lib/node_modules/pln-worksheets/node_modules/pdfkit/js/pdfkit.node.mjs'].includes(file);
    const root = '/usr/lib/node_modules/pln-worksheets';
    expect(bundleIsUsable(source, root, true, installed)).toBe(true);
    expect(bundleIsUsable(source, root, false, installed)).toBe(false); // modules rebuilt since
    // Installed into a project whose node_modules holds the dependencies: the modules run.
    expect(bundleIsUsable(source, '/project/node_modules/pln-worksheets', true, (file) => file.endsWith('dist/copy/load.js'))).toBe(false);
    expect(bundleIsUsable('"use strict";', root, true, installed)).toBe(false);
    expect(bundleIsUsable(`${bundleBanner(['dist/copy/load.js']).slice(0, -5)}\n"use strict";`, root, true, installed)).toBe(false); // a banner cut short

    // Older than its entry module: stale in a checkout (tsc's state file is there), not in an
    // installed package, whose files npm dates as it extracts them.
    const dist = await mkdtemp(path.join(tmpdir(), 'pln-dist-'));
    const [bundle, entry] = [path.join(dist, 'cli.bundle.cjs'), path.join(dist, 'main.js')];
    await writeFile(bundle, source);
    await writeFile(entry, '');
    await utimes(bundle, 1000, 1000);
    await utimes(entry, 2000, 2000);
    expect(builtAfterModules(dist, bundle, entry)).toBe(true);
    await writeFile(path.join(dist, '.tsbuildinfo'), '{}');
    expect(builtAfterModules(dist, bundle, entry)).toBe(false);
    await utimes(bundle, 2000, 2000);
    expect(builtAfterModules(dist, bundle, entry)).toBe(true);
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

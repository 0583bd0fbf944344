/**
 * `npm install` patches the renderer's dependencies (bin/postinstall.js) in the copies this
 * package's modules load, wherever npm laid them out: the package's own node_modules (a clone, a
 * global install), a project's node_modules it was installed into, or a copy nested under the
 * package that needs another version than the project's.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript file (it runs before anything is compiled)
import { patchTargets } from '../bin/postinstall.js';

const targets = patchTargets as (packageRoot: string, patchFiles: string[]) => Map<string, string[]>;
const PATCHES = ['@react-pdf+layout+5.2.0.patch', 'pdfkit+0.20.1.patch'];
let work: string;

/** Writes a package.json for each folder: `{ folder: [version, dependencies] }`. */
async function tree(packages: Record<string, [string, string[]]>): Promise<void> {
  for (const [folder, [version, dependencies]] of Object.entries(packages)) {
    await mkdir(path.join(work, folder), { recursive: true });
    const name = folder.split('node_modules/').pop() ?? folder;
    const manifest = { name, version, dependencies: Object.fromEntries(dependencies.map((dependency) => [dependency, '*'])) };
    await writeFile(path.join(work, folder, 'package.json'), JSON.stringify(manifest));
  }
}

const at = (folder: string) => path.join(work, folder);

afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('which installed copies the renderer patches go to', () => {
  it('in a clone or a global install, the package\'s own node_modules, as patch-package does it', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pln-postinstall-'));
    await tree({
      pln: ['0.1.0', ['@react-pdf/renderer']],
      'pln/node_modules/@react-pdf/renderer': ['4.9.0', ['@react-pdf/layout', 'pdfkit']],
      'pln/node_modules/@react-pdf/layout': ['5.2.0', []],
      'pln/node_modules/pdfkit': ['0.20.1', []],
    });
    expect(targets(at('pln'), PATCHES)).toEqual(new Map([[at('pln'), PATCHES]]));
  });

  it('installed into a project, the copies npm hoisted there, and a copy nested where the project has another version', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pln-postinstall-'));
    await tree({
      project: ['1.0.0', ['pln-worksheets', 'pdfkit']],
      'project/node_modules/pdfkit': ['0.15.0', []], // the project's own: not ours to patch
      'project/node_modules/pln-worksheets': ['0.1.0', ['@react-pdf/renderer']],
      'project/node_modules/@react-pdf/renderer': ['4.9.0', ['@react-pdf/layout', 'pdfkit']],
      'project/node_modules/@react-pdf/renderer/node_modules/pdfkit': ['0.20.1', []],
      'project/node_modules/@react-pdf/layout': ['5.2.0', []],
    });
    expect(targets(at('project/node_modules/pln-worksheets'), PATCHES)).toEqual(new Map([
      [at('project'), ['@react-pdf+layout+5.2.0.patch']],
      [at('project/node_modules/@react-pdf/renderer'), ['pdfkit+0.20.1.patch']],
    ]));
  });

  it('refuses to install when a patched package is nowhere to be found', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pln-postinstall-'));
    await tree({
      pln: ['0.1.0', ['@react-pdf/renderer']],
      'pln/node_modules/@react-pdf/renderer': ['4.9.0', ['@react-pdf/layout']],
      'pln/node_modules/@react-pdf/layout': ['5.2.0', []],
    });
    expect(() => targets(at('pln'), PATCHES)).toThrow('patched packages not installed: pdfkit');
  });
});

#!/usr/bin/env node
/**
 * `npm install`'s postinstall: applies patches/ (docs/patches.md) with patch-package, to the
 * copies of the patched packages that this package's modules load, wherever npm put them.
 *
 * In a clone, and in a global install, they are in this package's own node_modules: that is
 * plain `patch-package --error-on-fail`. Installed into a project, npm hoists them into the
 * project's node_modules (or nests a copy under the package that needs it), where patch-package,
 * run here, would not look: each copy is patched from the folder that holds its node_modules.
 * As before, the install fails when a patch does not apply.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reachablePackages } from './installed-packages.js';

/** A patch file's package, from patch-package's file name (`@scope+name+1.2.3.patch`). */
function patchedPackage(file) {
  const match = /^(.+)\+[^+]+\.patch$/.exec(file);
  if (!match || match[1].includes('++')) throw new Error(`patches/${file}: not a patch of a top-level package (name+version.patch)`);
  return match[1].replace('+', '/');
}

/**
 * Every copy of each patched package that this package's modules reach, found as Node finds
 * them (from each requiring package's folder): a map from the folder that holds a copy's
 * node_modules to the patch files it needs. Throws when a patched package is nowhere.
 */
export function patchTargets(packageRoot, patchFiles) {
  const wanted = new Map(patchFiles.map((file) => [patchedPackage(file), file]));
  const targets = new Map();
  const found = new Set();
  for (const { name, folder } of reachablePackages(packageRoot)) {
    const file = wanted.get(name);
    if (file === undefined) continue;
    found.add(name);
    // The folder whose node_modules holds the copy: node_modules/<name> or node_modules/@scope/<name>.
    const owner = path.resolve(folder, ...name.split('/').map(() => '..'), '..');
    if (!targets.has(owner)) targets.set(owner, new Set());
    targets.get(owner).add(file);
  }
  const missing = [...wanted.keys()].filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`patched packages not installed: ${missing.join(', ')}`);
  return new Map([...targets].map(([owner, files]) => [owner, [...files].sort()]));
}

function main() {
  const packageRoot = fileURLToPath(new URL('../', import.meta.url));
  const patchesDir = path.join(packageRoot, 'patches');
  const patchFiles = readdirSync(patchesDir).filter((file) => file.endsWith('.patch')).sort();
  const patchPackage = createRequire(import.meta.url).resolve('patch-package/index.js');
  let targets;
  try {
    targets = patchTargets(packageRoot, patchFiles);
  } catch (error) {
    console.error(`pln-worksheets: ${error.message}`);
    return 1;
  }
  for (const [owner, files] of targets) {
    if (!existsSync(path.join(owner, 'package.json'))) {
      console.error(`pln-worksheets: cannot patch ${files.join(', ')} in ${owner}: patch-package needs a package.json there`);
      return 1;
    }
    // patch-package reads patches from a folder under the one it patches: this package's
    // patches/ when that is its own, else a copy of those this folder needs.
    const own = owner === realpathSync(packageRoot) && files.length === patchFiles.length;
    const dir = own ? patchesDir : mkdtempSync(path.join(os.tmpdir(), 'pln-patches-'));
    try {
      if (!own) for (const file of files) copyFileSync(path.join(patchesDir, file), path.join(dir, file));
      const run = spawnSync(process.execPath, [patchPackage, '--error-on-fail', '--patch-dir', path.relative(owner, dir)], { cwd: owner, stdio: 'inherit' });
      if (run.status !== 0) return run.status ?? 1;
    } finally {
      if (!own) rmSync(dir, { recursive: true, force: true });
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) process.exitCode = main();

/**
 * Installed packages as Node finds them, for the install script (postinstall.js) and the site's
 * licence notices (src/scripts/site-licences.ts). Plain JavaScript: it runs before anything is
 * compiled.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder Node loads package `name` from for a module in `fromDir` (the nearest
 * node_modules/<name> up the tree, as a real path), or undefined. Not require.resolve: a
 * package's "exports" may refuse its package.json.
 */
export function installedPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package the package in `folder` reaches through its dependencies (optional and peer ones
 * where installed), each found as Node finds it from the package that needs it: its name and
 * folder, once per folder.
 */
export function* reachablePackages(folder) {
  const seen = new Set([realpathSync(folder)]);
  const queue = [...seen];
  while (queue.length > 0) {
    const dir = queue.shift();
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      const copy = installedPackage(name, dir);
      if (copy === undefined || seen.has(copy)) continue; // an optional dependency or a peer left out, or met before
      seen.add(copy);
      queue.push(copy);
      yield { name, folder: copy };
    }
  }
}

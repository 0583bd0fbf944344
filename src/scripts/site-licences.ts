/**
 * LICENSES.txt of the site: the notices of the JavaScript packages its scripts carry. Their
 * licences (MIT, BSD, ISC, Apache) ask that the notice travel with every copy, and a minified
 * bundle keeps none. Which packages: those esbuild put into the page's bundles (their metafiles),
 * and pdf-lib with its dependencies, whose own browser build the site copies as pdf-lib.js.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { installedPackage, reachablePackages } from '../../bin/installed-packages.js';

interface PackageJson {
  name: string;
  version: string;
  license?: string;
  repository?: string | { url?: string };
}

const LICENCE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;

/** The folder of the package a bundled file belongs to: the path up to its last node_modules/<name>. */
function packageFolderOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1]!.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

async function notice(folder: string): Promise<{ name: string; text: string }> {
  const pkg = JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as PackageJson;
  const files = (await readdir(folder)).filter((file) => LICENCE_FILE.test(file)).sort();
  const texts = await Promise.all(files.map(async (file) => (await readFile(path.join(folder, file), 'utf8')).trim()));
  const heading = `${pkg.name} ${pkg.version}${pkg.license ? ` (${pkg.license})` : ''}`;
  const source = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  // A package that ships no licence file is still named, with the licence it declares and where it comes from.
  const body =
    texts.length > 0
      ? texts.join('\n\n')
      : `Licensed under ${pkg.license ?? 'terms its package does not state'}; the package carries no licence file.${source ? `\nSource: ${source}` : ''}`;
  return { name: pkg.name, text: `${heading}\n${'='.repeat(heading.length)}\n\n${body}\n` };
}

/**
 * The notices, one per package, by name: the packages of the bundles' inputs (paths relative to
 * `root`, as esbuild's metafile gives them) and `copied` packages with their dependencies.
 */
export async function siteLicences(root: string, metafiles: readonly Metafile[], copied: readonly string[]): Promise<string> {
  const folders = new Set<string>();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const folder = packageFolderOf(path.resolve(root, input));
      if (folder) folders.add(folder);
    }
  }
  for (const name of copied) {
    const folder = installedPackage(name, root);
    if (folder === undefined) throw new Error(`${name} is not installed`);
    folders.add(folder);
    for (const dependency of reachablePackages(folder)) folders.add(dependency.folder);
  }
  // One notice per package and version, wherever npm placed its copies.
  const notices = [...new Map((await Promise.all([...folders].map(notice))).map((n) => [n.text, n])).values()];
  notices.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.text < b.text ? -1 : 1));
  const header = 'The JavaScript of this page carries code of the packages below, under their licences.\nThe fonts\' licences are in fonts/LICENSES.txt.';
  return [header, ...notices.map((n) => n.text)].join('\n\n');
}

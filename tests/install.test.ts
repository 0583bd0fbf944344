/**
 * Installed like a real tool: the tarball `npm pack` makes, installed globally into a temporary
 * prefix, gives a `pln-worksheets` that works in a folder of the user's own: out/, the config file
 * and the bundle cache are found from there. Installed into a project (npm hoists the
 * dependencies there), it works as well, renderer patches included. Slow tests (the installs need
 * the registry, or npm's cache with --prefer-offline); set PLN_WORKSHEETS_SKIP_INSTALL_TEST=1 to
 * leave them out.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/answers/index.js';
import { renderFilled } from '../src/api.js';
import { exampleOnce } from './support/rendered.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** npm's own cache, shared with the installs (--prefer-offline), whatever HOME the tool is given. */
const npmCache = process.env.npm_config_cache ?? path.join(process.env.HOME ?? tmpdir(), '.npm');
let work: string | undefined;
let tarball: string | undefined;

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(process.env.PLN_WORKSHEETS_SKIP_INSTALL_TEST)('npm pack, then npm install from the tarball', () => {
  it('runs blank, fill and bundle from another folder, with that folder\'s out/, config and cache', { timeout: 15 * 60_000 }, async () => {
    work = await mkdtemp(path.join(tmpdir(), 'pln-install-'));
    const prefix = path.join(work, 'prefix');
    const home = path.join(work, 'home');
    const user = path.join(work, 'my-coaching');
    await Promise.all([mkdir(prefix), mkdir(home), mkdir(user)]);
    // dist/ is built by `pretest`; --ignore-scripts skips prepack's build, which would rewrite
    // dist/ under the other test files.
    const packed = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, maxBuffer: 64 << 20 });
    const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = path.join(work, filename);
    const paths = files.map((file) => file.path);
    expect(paths).toContain('bin/pln-worksheets.js');
    expect(paths).toContain('dist/api.js');
    expect(paths).toContain('LICENSE'); // the licence travels with the package
    // So do the fonts, each family with its own licence.
    expect(paths).toContain('fonts/noto-sans-sc/NotoSansSC_400Regular.ttf');
    expect(paths).toContain('fonts/noto-sans-sc/OFL.txt');
    // The renderer patches go along (postinstall applies them, failing the install if one does
    // not apply), so the installed tool writes the clone's bytes.
    expect(paths.some((p) => p.startsWith('patches/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('tests/') || p.endsWith('.v8cache'))).toBe(false);
    // The one-file builds go along too (they hold the patched renderer, and start faster); their
    // code caches are made by the first runs where installed, for that Node.
    expect(paths).toContain('dist/cli.bundle.cjs');
    expect(paths).toContain('dist/worker.bundle.cjs');

    const env = { ...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), npm_config_cache: npmCache };
    await run(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: work, env, maxBuffer: 64 << 20 });
    const bin = path.join(prefix, process.platform === 'win32' ? 'pln-worksheets.cmd' : path.join('bin', 'pln-worksheets'));
    const tool = (args: string[]) => run(bin, args, { cwd: user, env: { ...env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` } });

    await writeFile(path.join(user, 'pln-worksheets.config.json'), '{ "paper": "a4" }\n');
    await copyFile(path.join(root, 'examples', 'resident-smart.json'), path.join(user, 'resident.json'));
    expect((await tool(['blank'])).stdout).toBe(`${path.join('out', 'blank-a4.pdf')}\n`); // a4: the folder's config file
    // It ran its one-file build, which kept its code cache beside it for the next start.
    const installedDist = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', 'pln-worksheets', 'dist');
    expect((await readdir(installedDist)).filter((file) => file.endsWith('.v8cache'))).toEqual(['cli.bundle.v8cache']);
    const filled = (await tool(['fill', 'resident.json'])).stdout.trim();
    await tool(['bundle', 'resident.json', '--blank', '--sheet', 'goals', '--quiet', '--out', 'pack.pdf']);
    expect((await readdir(path.join(user, 'out'))).sort()).toEqual(['blank-a4.pdf', path.basename(filled)]);
    expect((await readFile(path.join(user, 'pack.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readdir(path.join(home, '.cache', 'pln-worksheets'))).length).toBeGreaterThan(0); // no node_modules here: the user cache

    // The same bytes as the clone's renderer draws (A4: the folder's config file).
    expect(Buffer.compare(await readFile(path.join(user, filled)), await exampleOnce('resident-smart', { paper: 'a4' }))).toBe(0);
  });

  it('installed into a project, writes what the clone writes, text the renderer patches keep included', { timeout: 15 * 60_000 }, async () => {
    if (!work || !tarball) throw new Error('the first test packs the tarball');
    const project = path.join(work, 'faculty-project');
    await mkdir(project);
    await writeFile(path.join(project, 'package.json'), '{ "name": "faculty-project", "private": true }\n');
    const env = { ...process.env, npm_config_cache: npmCache };
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env, maxBuffer: 64 << 20 });
    // npm hoisted the renderer into the project, where the postinstall patched it.
    expect((await readdir(path.join(project, 'node_modules', '@react-pdf'))).sort()).toContain('layout');
    expect(await readdir(path.join(project, 'node_modules', 'pln-worksheets'))).not.toContain('node_modules');

    // U+58AB and U+58FF share a glyph in Noto Sans SC: without the render patch the PDF's text
    // gives U+58AB twice, and its bytes differ from the clone's.
    const answers = JSON.parse(await readFile(path.join(root, 'examples', 'resident-smart.json'), 'utf8')) as { learner: { name: string } };
    answers.learner.name = 'Wei \u58ab\u58ff';
    await writeFile(path.join(project, 'wei.json'), JSON.stringify(answers));
    const bin = path.join(project, 'node_modules', '.bin', process.platform === 'win32' ? 'pln-worksheets.cmd' : 'pln-worksheets');
    await run(bin, ['fill', 'wei.json', '--sheet', 'goals', '--out', 'wei.pdf'], { cwd: project, env });
    const fromClone = await renderFilled(answers as Answers, { sheets: ['goals'] });
    expect(Buffer.compare(await readFile(path.join(project, 'wei.pdf')), fromClone)).toBe(0);
  });
});

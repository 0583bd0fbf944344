/**
 * The site build (no browser): relative URLs only, the copy read at build time, template errors
 * located. The default build is the one this run made for every browser test (global-site.ts);
 * builds with other options run the script, as a user runs it.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from './support/site.js';

const SCRIPT = fileURLToPath(new URL('../../dist/scripts/build-site.js', import.meta.url));
let work: string;

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('site build', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'pln-site-build-'));
  });

  it('writes a page whose every URL is relative, under a policy that allows no other origin', async () => {
    const out = builtSite();
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(urls).toEqual(['./app.css', './app.js']);
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval';/);
    expect((await readdir(path.join(out, 'fonts'))).sort()).toEqual(['LICENSES.txt', 'dejavu-sans.js', 'ibm-plex-sans-arabic.js', 'noto-sans-hebrew.js', 'noto-sans-kr.js', 'noto-sans-sc.js']);
    // Each font travels with its licence.
    const licences = await readFile(path.join(out, 'fonts', 'LICENSES.txt'), 'utf8');
    for (const family of ['Noto Sans', 'IBM Plex Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans SC', 'Noto Sans KR']) {
      expect(licences).toContain(`${family}\n${'='.repeat(family.length)}\n\nCopyright`);
    }
    expect(licences.match(/SIL Open Font License, Version 1\.1/g)).toHaveLength(5);
    expect(licences).toContain('Bitstream Vera');
    // So does the code: each package bundled into the page's scripts, or copied as pdf-lib.js with
    // its dependencies, is named with its licence (minified, the scripts keep no notices).
    const notices = await readFile(path.join(out, 'LICENSES.txt'), 'utf8');
    expect(notices).toContain('fonts/LICENSES.txt');
    const named = [...notices.matchAll(/^(\S+) (\d\S*).*\n=+$/gm)].map((m) => `${m[1]} ${m[2]}`);
    const bundled = ['react 19.3.1', '@react-pdf/renderer 4.9.0', '@react-pdf/layout 5.2.0', 'handlebars 4.7.10', 'zod', 'fontkit', 'yoga-layout', 'fflate', 'pako 3.0.3', 'unicode-name'];
    const inPdfLib = ['pdf-lib 1.17.1', 'pako 1.0.11', 'tslib', '@pdf-lib/standard-fonts', '@pdf-lib/upng'];
    for (const notice of [...bundled, ...inPdfLib]) expect(named.some((n) => n === notice || n.startsWith(`${notice} `)), notice).toBe(true);
    expect(notices).toMatch(/^react 19\.3\.1 \(MIT\)\n=+\n\nMIT License\n\nCopyright \(c\) Meta Platforms/m);
    expect(new Set(named).size).toBe(named.length); // one notice per package and version
    // Nothing of Node's own tooling: only what the page carries.
    expect(named.filter((n) => /^(esbuild|vitest|yargs|playwright-core) /.test(n))).toEqual([]);
    // The CJK faces travel only in their own scripts.
    const app = await readFile(path.join(out, 'app.js'), 'utf8');
    expect(app).not.toContain('NotoSansSC_400Regular.ttf"]="data:');
    // The base faces travel deflated (src/web/deflated-fonts.ts), not as base64 of the TTF.
    expect(app).not.toMatch(/data:font\/ttf;base64,[A-Za-z0-9+/]{100}/);
    for (const face of ['NotoSans_400Regular', 'NotoSans_400Regular_Italic', 'NotoSans_700Bold']) {
      expect(app).toContain(`"fonts/noto-sans/${face}.ttf":"`);
    }
    // pdf-lib (roster packets, fillable PDFs and their import) loads as its own script on first use.
    expect((await readFile(path.join(out, 'pdf-lib.js'), 'utf8')).length).toBeGreaterThan(100_000);
    // So does the fillable form's typing font.
    expect(app).not.toContain('DejaVuSans.ttf"]="data:');
    expect(await readFile(path.join(out, 'fonts', 'dejavu-sans.js'), 'utf8')).toContain('d["dejavu-fonts-ttf/ttf/DejaVuSans.ttf"]="data:font/ttf;base64,');
    // The first visit (the page, its script and style, the Latin fonts inside the script),
    // gzip-compressed, stays within issue 14's budget; the bench prints the same figure.
    let firstVisit = 0;
    for (const file of ['index.html', 'app.js', 'app.css']) firstVisit += gzipSync(await readFile(path.join(out, file)), { level: 9 }).length;
    expect(firstVisit).toBeLessThanOrEqual(1_500_000);
  });

  it('carries a prompt from a --templates folder into the page, and reports a broken template at its line', async () => {
    const override = path.join(work, 'override');
    await mkdir(path.join(override, 'en'), { recursive: true });
    await writeFile(path.join(override, 'en', 'goals.json'), '{"woop.wish.label": "What I most want this term"}\n');
    const out = path.join(work, 'override-site');
    expect(await run(['--templates', override, '--out', out])).toEqual({ code: 0, stderr: '' });
    expect(await readFile(path.join(out, 'app.js'), 'utf8')).toContain('What I most want this term');

    await writeFile(path.join(override, 'en', 'goals.json'), '{"woop.wish.label": "What I {{want"}\n');
    const broken = await run(['--templates', override, '--out', path.join(work, 'broken-site')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/goals\.json:1:\d+: "woop\.wish\.label"/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    await expect(readdir(path.join(work, 'broken-site'))).rejects.toThrow();
  });
});

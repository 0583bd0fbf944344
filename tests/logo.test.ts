/**
 * A logo named in a config file is the only file a logo may read, is read only if it is a
 * regular file of bounded size, and is printed whole or refused (exit 1, one located message).
 */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOGO_BYTES } from '../src/config/logo-file.js';
import { runCli, spawnCli } from './support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pln-logo-'));
});

function png(width = 8, height = 8): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(90);
  return PNG.sync.write(image);
}

function jpg(): Buffer {
  return jpeg.encode({ data: Buffer.alloc(16 * 16 * 4, 90), width: 16, height: 16 }, 80).data;
}

/**
 * Runs `blank` with a config whose logo is `logo` (a path, relative to the test's folder). A logo
 * that could make a run hang (a device, a FIFO) is read by a separate process, killed after 30 s.
 */
async function blankWithLogo(name: string, logo: string, files: Record<string, Buffer | string> = {}, mayHang = false) {
  const folder = path.join(dir, name);
  await mkdir(folder, { recursive: true });
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(folder, file), content);
  await writeFile(path.join(folder, 'config.json'), JSON.stringify({ institution: { name: 'School', logo } }));
  const args = ['blank', '--sheet', 'goals', '--config', 'config.json', '--out', 'out.pdf'];
  const result = mayHang ? await spawnCli(args, { cwd: folder, timeoutMs: 30_000 }) : await runCli(args, { cwd: folder });
  return { ...result, written: (await readdir(folder)).includes('out.pdf') };
}

function expectRefused(result: { code: number | null; stderr: string; written: boolean }, message: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.written).toBe(false);
}

describe('logo files', () => {
  it('a PNG, a JPEG and a self-contained SVG (with an embedded image) print', async () => {
    const embedded = `data:image/png;base64,${png().toString('base64')}`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="60" height="20"><defs><rect id="r" width="10" height="10"/></defs><use xlink:href="#r"/><image href="${embedded}" x="20" width="20" height="20"/></svg>`;
    for (const [file, content] of [['logo.png', png()], ['logo.jpg', jpg()], ['logo.svg', svg]] as const) {
      const result = await blankWithLogo(`good-${file}`, file, { [file]: content });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it.each([
    ['an absolute image path', (folder: string) => `<image href="${path.join(folder, 'secret.png')}" width="10" height="10"/>`],
    ['a relative xlink:href', () => '<image xlink:href="secret.png" width="10" height="10"/>'],
    ['a web address', () => '<image href="https://example.com/x.png" width="10" height="10"/>'],
    ['an embedded SVG (parsed with file access again)', () => `<image href="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}" width="10" height="10"/>`],
  ])('an SVG logo that refers to %s is refused before resvg parses it', async (_, image) => {
    const name = `svg-${Math.random().toString(36).slice(2)}`;
    const folder = path.join(dir, name);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">${image(folder)}</svg>`;
    const result = await blankWithLogo(name, 'logo.svg', { 'logo.svg': svg, 'secret.png': png() });
    expectRefused(result, /institution\.logo: the logo .*logo\.svg refers to another file or address .*self-contained/);
  });

  it('an entity cannot hide a file path from the check', async () => {
    const svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY p "secret.png">]><svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><image href="&p;" width="10" height="10"/></svg>';
    const result = await blankWithLogo('entity', 'logo.svg', { 'logo.svg': svg, 'secret.png': png() });
    expectRefused(result, /the logo .*logo\.svg is not a valid SVG image/);
  });

  it('an SVG logo of absurd proportions is refused, not an abort of the process', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1000000000" height="40"><rect width="10" height="10"/></svg>';
    const result = await blankWithLogo('huge-svg', 'logo.svg', { 'logo.svg': svg });
    expectRefused(result, /the logo .*logo\.svg is 1000000000 × 40: a logo may be at most 20 times as wide/);
  });

  it.each([
    ['PNG', () => Buffer.concat([png().subarray(0, 8), Buffer.alloc(3000, 0x5a)]), /is a damaged PNG image/],
    ['PNG (damaged pixels)', () => { const bytes = Buffer.from(png()); bytes[bytes.length - 20] ^= 0xff; return bytes; }, /is a damaged PNG image/],
    ['JPEG', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(3000, 0x6f)]), /is a damaged JPEG image/],
  ])('a %s logo with a valid signature and junk after it is exit 1 with one message', async (kind, bytes, message) => {
    const result = await blankWithLogo(`junk-${kind.replace(/\W/g, '')}`, 'logo.bin', { 'logo.bin': bytes() });
    expectRefused(result, message);
  });

  it('a PNG logo whose header claims a huge size is refused before its pixels are inflated', async () => {
    const bytes = Buffer.from(png());
    bytes.writeUInt32BE(100_000, 16);
    const result = await blankWithLogo('huge-png', 'logo.png', { 'logo.png': bytes });
    expectRefused(result, /is 100000 × 8 pixels; a logo may be at most 8000 pixels a side/);
  });

  it.each(['/dev/zero', '/dev/urandom', 'fifo'])('a logo at %s is refused at once: only regular files are read', async (logo) => {
    const name = `device-${path.basename(logo)}`;
    await mkdir(path.join(dir, name), { recursive: true });
    if (logo === 'fifo') execFileSync('mkfifo', [path.join(dir, name, 'fifo')]);
    const result = await blankWithLogo(name, logo, {}, true);
    expectRefused(result, /is not a regular file; a logo must be a PNG, JPEG or SVG file of at most 5 MB/);
  });

  it('a logo file over 5 MB is refused, saying the limit', async () => {
    const result = await blankWithLogo('big', 'logo.png', { 'logo.png': Buffer.concat([png(), Buffer.alloc(MAX_LOGO_BYTES)]) });
    expectRefused(result, /the logo .*logo\.png is 5\.0 MB; a logo may be at most 5 MB/);
  });
});

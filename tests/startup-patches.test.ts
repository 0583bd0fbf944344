/**
 * The start-up patches (patches/, applied by `npm install`): work that dependencies did at import
 * is done on first use, or by Node's zlib instead of JavaScript, to shorten every cold start.
 * Each must leave the dependency doing exactly what it did.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const layoutEntry = createRequire(require.resolve('@react-pdf/renderer')).resolve('@react-pdf/layout');
const fontkitDir = path.dirname(path.dirname(createRequire(createRequire(layoutEntry).resolve('@react-pdf/textkit')).resolve('fontkit')));
const fromFontkit = createRequire(path.join(fontkitDir, 'package.json'));

/** `file` of package `name`, as the package at `from` finds it (the copy it runs). */
function installed(from: string, name: string, file: string): string {
  const folders = createRequire(from).resolve.paths(name) ?? [];
  const folder = folders.map((dir) => path.join(dir, name)).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!folder) throw new Error(`${name} is not installed for ${from}`);
  return path.join(folder, file);
}

type Inflate = (data: Uint8Array, out: Uint8Array) => Uint8Array;
interface Trie {
  data: Uint32Array;
  highStart: number;
  errorValue: number;
}

/** What unicode-trie built before the patch: its data inflated twice by tiny-inflate. */
function unpatchedTrieData(bytes: Uint8Array): Uint32Array {
  const inflate = fromFontkit('tiny-inflate') as Inflate;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  let data = inflate(bytes.subarray(12), new Uint8Array(length));
  data = inflate(data, new Uint8Array(length));
  const words = new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4);
  return Uint32Array.from(words); // little-endian machine: swap32LE changes nothing
}

/** Every trie the installed packages build: fontkit's files and the ones embedded in base64. */
function shippedTries(): { name: string; bytes: Uint8Array }[] {
  const tries: { name: string; bytes: Uint8Array }[] = [];
  const shapers = path.join(fontkitDir, 'src/opentype/shapers');
  for (const file of readdirSync(shapers).filter((f) => f.endsWith('.trie'))) tries.push({ name: `fontkit ${file}`, bytes: readFileSync(path.join(shapers, file)) });
  const embedded = [
    ['unicode-properties', installed(path.join(fontkitDir, 'package.json'), 'unicode-properties', 'dist/module.mjs')],
    ['linebreak', installed(createRequire(layoutEntry).resolve('pdfkit'), 'linebreak', 'dist/module.mjs')],
  ] as const;
  for (const [name, file] of embedded) {
    const strings = [...readFileSync(file, 'utf8').matchAll(/toByteArray\)?\("([A-Za-z0-9+/=]{200,})"\)/g)].map((m) => m[1]!);
    expect(strings.length, name).toBeGreaterThan(0);
    for (const s of strings) tries.push({ name, bytes: new Uint8Array(Buffer.from(s, 'base64')) });
  }
  return tries;
}

describe('the start-up patches', () => {
  it('are applied to the installed packages', () => {
    const marker = 'pln-worksheets patch';
    const yargs = path.dirname(installed(import.meta.filename, 'yargs', 'package.json'));
    expect(readFileSync(path.join(yargs, 'build/lib/command.js'), 'utf8')).toContain(marker);
    expect(readFileSync(installed(path.join(yargs, 'package.json'), 'string-width', 'index.js'), 'utf8')).toContain(marker);
    expect(readFileSync(path.join(path.dirname(fromFontkit.resolve('unicode-trie')), 'index.js'), 'utf8')).toContain(marker);
    const textkit = createRequire(layoutEntry).resolve('@react-pdf/textkit');
    expect(readFileSync(installed(textkit, '@react-pdf/hyphenate', 'lib/en-us.js'), 'utf8')).toContain(marker);
    const pdfkit = createRequire(layoutEntry).resolve('pdfkit');
    expect(readFileSync(installed(pdfkit, '@noble/ciphers', 'esm/aes.js'), 'utf8')).toContain(marker);
  });

  it('unicode-trie: every trie the renderer builds holds the same data as with tiny-inflate', () => {
    const UnicodeTrie = fromFontkit('unicode-trie') as new (data: Uint8Array) => Trie;
    const tries = shippedTries();
    expect(tries.length).toBeGreaterThanOrEqual(5);
    for (const { name, bytes } of tries) {
      const patched = new UnicodeTrie(bytes);
      expect(patched.data.length, name).toBeGreaterThan(1000);
      expect(Buffer.from(patched.data.buffer).equals(Buffer.from(unpatchedTrieData(bytes).buffer)), name).toBe(true);
    }
  });

  it('hyphenate: English syllables are still there when asked for', async () => {
    const textkit = createRequire(layoutEntry).resolve('@react-pdf/textkit');
    const { syllables, hyphenate } = (await import(installed(textkit, '@react-pdf/hyphenate', 'lib/en-us.js'))) as { syllables(word: string): string[]; hyphenate(word: string): string };
    expect(syllables('hyphenation')).toEqual(['hy', 'phen', 'ation']);
    expect(hyphenate('worksheets')).toBe('work\u00ADsheets');
  });

  it('AES (pdfkit encryption): the FIPS-197 example still encrypts and decrypts', async () => {
    const pdfkit = createRequire(layoutEntry).resolve('pdfkit');
    const { ecb } = (await import(installed(pdfkit, '@noble/ciphers', 'esm/aes.js'))) as { ecb(key: Uint8Array, options: { disablePadding: boolean }): { encrypt(b: Uint8Array): Uint8Array; decrypt(b: Uint8Array): Uint8Array } };
    const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    const plain = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    const cipher = ecb(key, { disablePadding: true }).encrypt(plain);
    expect(Buffer.from(cipher).toString('hex')).toBe('69c4e0d86a7b0430d8cdb78070b4c55a');
    expect(Buffer.from(ecb(key, { disablePadding: true }).decrypt(cipher)).equals(plain)).toBe(true);
  });

  it('string-width (yargs help): widths of ASCII, wide, combining and emoji text are unchanged', async () => {
    const yargs = path.dirname(installed(import.meta.filename, 'yargs', 'package.json'));
    const { default: stringWidth } = (await import(installed(path.join(yargs, 'package.json'), 'string-width', 'index.js'))) as { default(s: string): number };
    expect(stringWidth('pln-worksheets fill <answers>')).toBe(29);
    expect(stringWidth('世界')).toBe(4);
    expect(stringWidth('e\u0301')).toBe(1);
    expect(stringWidth('👍🏽')).toBe(2);
    expect(stringWidth('👨‍👩‍👧')).toBe(2);
  });
});

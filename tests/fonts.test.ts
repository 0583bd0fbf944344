/**
 * The fonts kept in fonts/: exactly the faces the tool registers, each the file fonts/README.md
 * names by its SHA-256 (the PDFs' bytes depend on them), each family with its licence.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FAMILIES } from '../src/pdf/unicode/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FONTS = path.join(ROOT, 'fonts');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('the bundled fonts (fonts/)', () => {
  const registered = BUNDLED_FAMILIES.flatMap((family) => family.faces.map((face) => face.file));

  it('holds every registered face, and no face the tool does not register', async () => {
    const ttfs = (await filesUnder(FONTS)).filter((file) => file.endsWith('.ttf'));
    expect(ttfs.sort()).toEqual([...registered].sort());
    for (const face of BUNDLED_FAMILIES.flatMap((family) => family.faces)) expect(face.src).toBe(path.join(ROOT, face.file));
  });

  it('gives each family folder its licence, the SIL Open Font License', async () => {
    const folders = [...new Set(registered.map((file) => path.dirname(file)))];
    for (const folder of folders) {
      expect(await readFile(path.join(ROOT, folder, 'OFL.txt'), 'utf8'), folder).toContain('SIL Open Font License, Version 1.1');
    }
  });

  it('has the bytes fonts/README.md lists for each face', async () => {
    const listed = new Map(
      [...(await readFile(path.join(FONTS, 'README.md'), 'utf8')).matchAll(/^([0-9a-f]{64}) {2}(fonts\/\S+\.ttf)$/gm)].map((m) => [m[2]!, m[1]!]),
    );
    expect([...listed.keys()].sort()).toEqual([...registered].sort());
    for (const file of registered) {
      expect((await stat(path.join(ROOT, file))).size).toBeGreaterThan(0);
      expect(createHash('sha256').update(await readFile(path.join(ROOT, file))).digest('hex'), file).toBe(listed.get(file));
    }
  });
});

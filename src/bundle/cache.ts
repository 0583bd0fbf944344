/**
 * A cache of rendered packets, so that rebuilding a bundle after a few answers files changed
 * renders only those packets.
 *
 * An entry is a packet's own PDF (React-PDF's bytes, before assembly), stored as
 * `<dir>/packets/<2 hex>/<sha256>.pdf`. Its name is a hash of everything that can change those
 * bytes, so an entry is never stale, only unused:
 * - the packet: its sheets, header, template variables, answers and the texts that pick its fonts;
 * - the bundle's paper, locale and branding (institution name, accent colour, logo bytes);
 * - the copy: the contents of every template file read (built-in English and locale, and the
 *   --templates folder's);
 * - the code: the package version and a hash of every file of this package's compiled code
 *   (dist/, or src/ when run from source), the versions of the renderer's packages and the
 *   patches applied to them (patches/), and the size of every bundled font file;
 * - a format number, bumped if what an entry holds ever changes.
 * Entries are written atomically (a temporary file, then a rename), so concurrent runs may share
 * a folder. Reading an entry refreshes its time; after each build the least recently used entries
 * go until the folder is under its size bound (256 MB by default, about 3,500 packets).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureDirectory } from '../io/write.js';
import { fileURLToPath } from 'node:url';
import { builtInTemplatesDir } from '../copy/load.js';
import { BUNDLED_FAMILIES } from '../pdf/unicode/registry.js';
import { productVersion } from '../version.js';
import type { RenderEnv } from './job.js';

/** Bumped when the cache's entries change meaning. */
const CACHE_FORMAT = 1;

export interface BundleCacheOptions {
  /** The cache folder (created if missing). */
  dir: string;
  /** Size bound of the folder's entries, in bytes (default 256 MB). */
  maxBytes?: number;
}

export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * Where the command line keeps the cache: $PLN_WORKSHEETS_CACHE_DIR; else
 * node_modules/.cache/pln-worksheets in the current folder when it has node_modules (where build
 * tools keep theirs); else $XDG_CACHE_HOME/pln-worksheets (~/.cache/pln-worksheets).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.PLN_WORKSHEETS_CACHE_DIR) return path.resolve(cwd, env.PLN_WORKSHEETS_CACHE_DIR);
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join(cwd, 'node_modules', '.cache', 'pln-worksheets');
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'pln-worksheets');
}

/** Packages whose code draws a packet: their versions are part of every key. */
const RENDER_PACKAGES = [
  '@react-pdf/renderer',
  '@react-pdf/layout',
  '@react-pdf/render',
  '@react-pdf/textkit',
  '@react-pdf/pdfkit',
  '@react-pdf/font',
  '@react-pdf/image',
  '@react-pdf/stylesheet',
  'fontkit',
  'pdfkit',
  'yoga-layout',
  'react',
  'react-reconciler',
];

let codeHash: Promise<string> | undefined;

/** This package's code (dist/ or src/), its renderer's versions and its font files, as one hash. */
function codeFingerprint(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    hash.update(`format ${CACHE_FORMAT}\nversion ${productVersion}\n`);
    const root = fileURLToPath(new URL('../', import.meta.url));
    for (const file of await listFiles(root)) {
      if (!/\.(js|mjs|ts|tsx|json)$/.test(file) || file.endsWith('.d.ts')) continue;
      hash.update(`file ${path.relative(root, file)}\n`);
      hash.update(await readFile(file));
    }
    for (const name of RENDER_PACKAGES) hash.update(`package ${name} ${await packageVersion(root, name)}\n`);
    // The renderer patches (patches/, applied by npm install) change the renderer's code.
    const patches = fileURLToPath(new URL('../../patches/', import.meta.url));
    for (const name of (await readdir(patches).catch(() => [] as string[])).sort()) {
      hash.update(`patch ${name}\n`);
      hash.update(await readFile(path.join(patches, name)));
    }
    for (const family of BUNDLED_FAMILIES) {
      for (const face of family.faces) hash.update(`font ${family.family} ${path.basename(face.src)} ${(await stat(face.src)).size}\n`);
    }
    return hash.digest('hex');
  })();
  return codeHash;
}

/** The hash of what every packet of a bundle shares: code, copy, paper, locale, branding. */
export async function envFingerprint(env: RenderEnv): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`code ${await codeFingerprint()}\n`);
  hash.update(`paper ${env.paper}\nlocale ${env.locale}\n`);
  const dirs = [path.join(builtInTemplatesDir, 'en'), path.join(builtInTemplatesDir, env.locale)];
  if (env.templatesDir) dirs.push(path.join(env.templatesDir, env.locale));
  for (const dir of dirs) {
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      hash.update(`template ${path.resolve(dir, name)}\n`);
      hash.update(await readFile(path.join(dir, name)));
    }
  }
  const branding = env.branding;
  hash.update(`accent ${branding?.accent ?? ''}\ninstitution ${JSON.stringify(branding?.institution?.name ?? null)}\n`);
  const logo = branding?.institution?.logo;
  if (logo) hash.update(`logo ${logo.format} ${createHash('sha256').update(logo.data).digest('hex')}\n`);
  return hash.digest('hex');
}

/** Every entry ends with the SHA-256 of the bytes before it. */
const CHECKSUM_BYTES = 32;

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** An entry's PDF bytes if its checksum holds. */
function checkedBody(stored: Buffer): Uint8Array | undefined {
  if (stored.length <= CHECKSUM_BYTES) return undefined;
  const body = stored.subarray(0, stored.length - CHECKSUM_BYTES);
  if (!sha256(body).equals(stored.subarray(stored.length - CHECKSUM_BYTES))) return undefined;
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

export class PacketCache {
  private constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly envKey: string,
  ) {}

  static async open(options: BundleCacheOptions, env: RenderEnv): Promise<PacketCache> {
    const dir = path.resolve(options.dir);
    await ensureDirectory(path.join(dir, 'packets'));
    return new PacketCache(dir, options.maxBytes ?? DEFAULT_CACHE_BYTES, await envFingerprint(env));
  }

  /** The key of something rendered from `input` (plain data) with this bundle's code, copy and settings. */
  key(kind: string, input: unknown): string {
    return createHash('sha256').update(this.envKey).update(`\n${kind}\n`).update(JSON.stringify(input)).digest('hex');
  }

  /** Whether an entry is stored (`get` reads and checks it). */
  async has(key: string): Promise<boolean> {
    return stat(this.file(key)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  /**
   * The entry, or undefined (missing, gone in a concurrent prune, or damaged: a truncated or
   * altered entry fails its checksum, is removed, and is rendered again by the caller).
   */
  async get(key: string): Promise<Uint8Array | undefined> {
    const file = this.file(key);
    let stored: Buffer;
    try {
      stored = await readFile(file);
    } catch {
      return undefined;
    }
    const body = checkedBody(stored);
    if (!body) {
      await rm(file, { force: true });
      return undefined;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return body;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    await ensureDirectory(path.dirname(file));
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temporary, Buffer.concat([bytes, sha256(bytes)]));
    await rename(temporary, file);
  }

  /** Removes the least recently used entries until the entries fit the size bound. */
  async prune(): Promise<{ removed: number; bytes: number }> {
    const files = (await listFiles(path.join(this.dir, 'packets'))).filter((file) => file.endsWith('.pdf'));
    const entries = (
      await Promise.all(files.map(async (file) => stat(file).then((info) => ({ file, size: info.size, used: info.mtimeMs }), () => undefined)))
    ).filter((entry) => entry !== undefined);
    let total = entries.reduce((sum, entry) => sum + entry.size, 0);
    let removed = 0;
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes) break;
      await rm(entry.file, { force: true });
      total -= entry.size;
      removed += 1;
    }
    return { removed, bytes: total };
  }

  private file(key: string): string {
    return path.join(this.dir, 'packets', key.slice(0, 2), `${key}.pdf`);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

async function packageVersion(from: string, name: string): Promise<string> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return (JSON.parse(text) as { version?: string }).version ?? 'unknown';
    if (path.dirname(dir) === dir) return 'missing';
  }
}

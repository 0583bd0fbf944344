import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a reader never sees it half-written: the bytes go to a temporary file in
 * the same folder, which is then renamed over the target. A failure leaves no partial file and the
 * old file, if any, untouched.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await ensureDirectory(dir);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates a folder and its missing parents, one level at a time. (Node 20's `mkdir` with
 * `recursive: true` spins forever on some special file systems, e.g. a path under /proc.)
 */
export async function ensureDirectory(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing?.isDirectory()) return;
  const parent = path.dirname(dir);
  if (parent !== dir) await ensureDirectory(parent);
  await mkdir(dir).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    throw error;
  });
}

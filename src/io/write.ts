import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a reader never sees it half-written: the bytes go to a temporary file in
 * the same folder, which is then renamed over the target. A failure leaves no partial file and the
 * old file, if any, untouched.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

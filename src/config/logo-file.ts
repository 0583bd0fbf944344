/** Reads a logo file: a regular file only (a device or FIFO never ends), and only so many bytes. */
import { constants, open } from 'node:fs/promises';

export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export class LogoFileProblem extends Error {}

export async function readLogoFile(file: string): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer before fstat could refuse it.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new LogoFileProblem(error.code === 'ENOENT' ? 'no such file' : `cannot read it (${error.code ?? error.message})`);
  });
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new LogoFileProblem('is a directory');
    if (!stat.isFile()) throw new LogoFileProblem(`is not a regular file; a logo must be a PNG, JPEG or SVG file of at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
    if (stat.size > MAX_LOGO_BYTES) throw new LogoFileProblem(`is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a logo may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
    // Read at most one byte past the limit: a file that grows while read is still bounded.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_LOGO_BYTES || length === buffer.length) break;
    }
    if (length > stat.size) throw new LogoFileProblem(`changed while it was read; a logo may be at most ${MAX_LOGO_BYTES / 1024 / 1024} MB`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

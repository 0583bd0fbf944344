import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSink } from './sink.js';

/** The error code of a write refused because the target exists and is not a regular file. */
export const NOT_A_REGULAR_FILE = 'ENOTREGULAR';

/**
 * Writes a file so that a reader never sees it half-written: the bytes go to a temporary file in
 * the same folder, which is then renamed over the target. A failure leaves no partial file and the
 * old file, if any, untouched.
 *
 * Only a regular file or a name that does not exist yet is written: renaming over a device, a
 * FIFO or a socket would replace it (as root, `/dev/full` itself). A symbolic link is followed,
 * and the file it points to is replaced, provided that file is regular.
 */
export async function writeFileAtomically(target: string, bytes: Uint8Array | string): Promise<void> {
  const staged = new StagedFiles();
  try {
    await staged.add(target, bytes);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/** A failure of the file system while writing a file (not of what produced its bytes); `code` as Node gives it. */
export class FileWriteError extends Error {
  readonly code: string | undefined;

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.code = (cause as NodeJS.ErrnoException | null)?.code;
  }
}

/**
 * writeFileAtomically for bytes made while they are written: `produce` writes them to the sink,
 * straight into the temporary file, which is renamed over the target only once `produce` has
 * finished. If `produce` fails, its error is passed on as it is and no file is left behind; a
 * failure of the file system is a FileWriteError.
 */
export async function writeFileAtomicallyFrom<T>(target: string, produce: (sink: ByteSink) => Promise<T>): Promise<T> {
  const fileSystem = <R>(step: Promise<R>): Promise<R> =>
    step.catch((error: unknown) => {
      throw new FileWriteError(error);
    });
  const destination = await fileSystem(writableDestination(path.resolve(target)));
  const dir = path.dirname(destination);
  await fileSystem(ensureDirectory(dir));
  const temporary = temporaryName(dir);
  const handle = await fileSystem(open(temporary, 'wx'));
  let closed = false;
  try {
    const sink: ByteSink = {
      write: async (bytes) => {
        for (let at = 0; at < bytes.length; ) at += (await fileSystem(handle.write(bytes, at, bytes.length - at))).bytesWritten;
      },
    };
    const result = await produce(sink);
    closed = true;
    await fileSystem(handle.close());
    await fileSystem(rename(temporary, destination));
    return result;
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Files written one by one under temporary names, then all renamed into place by `commit`: a run
 * that fails halfway (`discard`) leaves none of them behind, and the folder's files as they were.
 * Each file's bytes can be let go as soon as `add` returns. The same rules as writeFileAtomically
 * (regular files only, links followed).
 */
export class StagedFiles {
  private readonly staged: { temporary: string; destination: string }[] = [];

  /** Writes `bytes` for `target` under a temporary name in the target's folder. */
  async add(target: string, bytes: Uint8Array | string): Promise<void> {
    const destination = await writableDestination(path.resolve(target));
    const dir = path.dirname(destination);
    await ensureDirectory(dir);
    const temporary = temporaryName(dir);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.staged.push({ temporary, destination });
  }

  /** Renames every file into place, in the order added; after a failure, `discard` removes the rest. */
  async commit(): Promise<void> {
    for (let next = this.staged[0]; next; next = this.staged[0]) {
      await rename(next.temporary, next.destination);
      this.staged.shift();
    }
  }

  /** Removes the files not yet committed. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.splice(0).map(({ temporary }) => rm(temporary, { force: true })));
  }
}

/** Short and fixed in length, so that a file name near the 255-byte limit still has a temporary name. */
function temporaryName(dir: string): string {
  return path.join(dir, `.pln-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** The path to rename onto: the target, or the regular file a symbolic link leads to. */
async function writableDestination(target: string): Promise<string> {
  const link = await lstat(target).catch(() => undefined);
  if (!link) return target;
  const destination = link.isSymbolicLink() ? await realpath(target).catch(() => undefined) : target;
  const file = destination === undefined ? undefined : await stat(destination).catch(() => undefined);
  if (!file?.isFile()) {
    throw Object.assign(new Error(`${target} is not a regular file`), { code: NOT_A_REGULAR_FILE });
  }
  return destination!;
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

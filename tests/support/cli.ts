import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const BIN = fileURLToPath(new URL('../../bin/pln-worksheets.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the command line's `main` in this process, as `bin/pln-worksheets.js` runs it: the same
 * arguments, working folder and environment, with standard output and error captured as a pipe
 * would capture them. It spares each run a Node start and cold caches (about a second each), so
 * the contract tests can run hundreds of commands. What only a real process shows (the bin's
 * start-up, the one-file builds, signals, pipes and FIFOs, a run that hangs) is tested with
 * `spawnCli`.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return inProcess(() => import('../../src/cli/main.js'), args, options);
}

type Main = { main(argv: readonly string[]): Promise<number> };

function inProcess(load: () => Promise<Main>, args: string[], options: CliOptions): Promise<CliResult> {
  // The working folder, the environment and the standard streams belong to the whole process:
  // one command at a time.
  const run = queue.then(() => runInProcess(load, args, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function runInProcess(load: () => Promise<Main>, args: string[], options: CliOptions): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const restore = [
    replaceProperty(process, 'stdout', stdout),
    replaceProperty(process, 'stderr', stderr),
    // Under vitest the console reports to the test runner; in a real process it writes to the
    // standard streams, where yargs' help and any dependency's warning then appear.
    ...(['log', 'info'] as const).map((name) => replaceProperty(console, name, (...data: unknown[]) => stdout.write(`${format(...data)}\n`))),
    ...(['warn', 'error'] as const).map((name) => replaceProperty(console, name, (...data: unknown[]) => stderr.write(`${format(...data)}\n`))),
    setEnvironment(options.env ?? {}),
    changeFolder(options.cwd),
  ];
  try {
    const { main } = await load();
    const code = await main(args);
    return { code, stdout: stdout.bytes(), stderr: stderr.bytes().toString('utf8') };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/** A stream that keeps what is written to it, as the pipe of a spawned process would. */
class Capture extends Writable {
  private readonly chunks: Buffer[] = [];

  constructor() {
    super({
      decodeStrings: true,
      write: (chunk: Buffer, _encoding, done) => {
        this.chunks.push(chunk);
        done();
      },
    });
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function replaceProperty<T extends object, K extends keyof T & string>(target: T, key: K, value: unknown): () => void {
  const original = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { configurable: true, enumerable: original?.enumerable ?? true, writable: true, value });
  return () => {
    if (original) Object.defineProperty(target, key, original);
    else delete target[key];
  };
}

function setEnvironment(env: NodeJS.ProcessEnv): () => void {
  const before = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const assign = (values: NodeJS.ProcessEnv) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  assign(env);
  return () => assign(before);
}

function changeFolder(cwd: string | undefined): () => void {
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  return () => process.chdir(before);
}

/**
 * Runs the compiled command line (built by `pretest`) as a separate process, as a user does: for
 * what only a real process shows (start-up, the one-file builds, pipes, FIFOs, hangs).
 */
export function spawnCli(args: string[], options: CliOptions & { input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // A run that hangs is killed (code null) rather than left growing on a shared machine.
      ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
    child.stdin.end(options.input ?? '');
  });
}

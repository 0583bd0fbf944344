/**
 * Worker threads that render packets in parallel (one per core by default). Each worker renders
 * one packet at a time. A worker that has served `recycleAfter` packets is replaced before its
 * next one, a safety net for very long runs (a worker's heap held steady at about 70 MB over 160
 * packets; replacing every 100 cost a cold worker near the end of 200 learners, 2–3% of the time).
 *
 * Not a pool library (tinypool, piscina): this one also sets each worker's heap limits (below),
 * falls back to the main thread for a packet that outgrows them (render.ts), and stops every
 * worker at the first failure; piscina has no replacement after a number of tasks. A swap must keep
 * the bundle figures of docs/performance.md, memory at 2,000 learners included.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RenderEnv, WorkerJob } from './job.js';

/**
 * The compiled script workers start from (worker-launch.js): next to this module in dist/, or in
 * dist/bundle/ when this module runs from source (tests); undefined when there is none (render in
 * this thread then).
 */
export function workerScript(): URL | undefined {
  const script = new URL(import.meta.url.endsWith('.ts') ? '../../dist/bundle/worker-launch.js' : './worker-launch.js', import.meta.url);
  return existsSync(fileURLToPath(script)) ? script : undefined;
}

/**
 * A worker's heap, in MB. V8 lets the heap grow between major collections by a factor that
 * depends on the heap's limit: near 1.1 for a limit of a few hundred MB, rising to 4 at 2 GB. So
 * the old generation's limit chooses between collecting often and holding garbage: 768 MB, with a
 * 24 MB young generation, keeps the whole process of a 2,000-learner bundle under 500 MB at about
 * the speed of larger limits (the measurements are in docs/performance.md). A packet that needs
 * more than its worker's limit (a learner far beyond any real answers file) fails in the worker
 * with ERR_WORKER_OUT_OF_MEMORY and is rendered again in the main thread (render.ts).
 */
const WORKER_OLD_GENERATION_MB = 768;
const WORKER_YOUNG_GENERATION_MB = 24;
/** Workers that may crash in one run before the run gives up. */
const MAX_CRASHES = 4;

interface Task {
  job: WorkerJob;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  served: number;
  /** Being stopped to be replaced: takes no work, and its exit is not a crash. */
  retiring?: boolean;
}

export class PacketPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private failure: Error | undefined;
  private closed = false;
  private crashes = 0;
  private spawned = 0;

  constructor(
    private readonly script: URL,
    private readonly env: RenderEnv,
    size: number,
    private readonly recycleAfter = 500,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Workers started so far (replacements included). */
  get started(): number {
    return this.spawned;
  }

  render(job: WorkerJob): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    this.spawned += 1;
    const worker = new Worker(this.script, {
      env: process.env,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, served: 0 };
    worker.postMessage({ type: 'init', env: this.env });
    worker.on('message', (message: { type: 'done'; pdf: Uint8Array } | { type: 'error'; message: string; stack?: string }) => {
      const task = slot.task;
      slot.task = undefined;
      if (!task) return;
      if (message.type === 'done') task.resolve(message.pdf);
      else {
        const error = new Error(message.message);
        if (message.stack) error.stack = message.stack;
        task.reject(error);
      }
      slot.served += 1;
      this.dispatch();
    });
    worker.on('error', (error) => this.crashed(slot, error));
    worker.on('exit', (code) => this.crashed(slot, new Error(`a bundle worker stopped (exit code ${code})`)));
    return slot;
  }

  /**
   * Replaces a worker that has served its share: the old one is stopped first and its successor
   * started once it is gone, so that two workers' heaps never stand side by side in one slot (at
   * 2,000 learners that overlap was the run's peak).
   */
  private retire(slot: Slot, index: number): void {
    slot.retiring = true;
    void slot.worker.terminate().then(() => {
      if (this.closed || this.slots[index] !== slot) return;
      this.slots[index] = this.spawn();
      this.dispatch();
    });
  }

  /** Whether an error is a worker running out of its bounded heap. */
  static outOfMemory(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
  }

  /** A worker died: its packet fails (with the worker's error), a new worker takes its place. */
  private crashed(slot: Slot, error: Error): void {
    if (this.closed || slot.retiring || !this.slots.includes(slot)) return;
    const task = slot.task;
    slot.task = undefined;
    task?.reject(error);
    this.crashes += 1;
    if (this.crashes > MAX_CRASHES) {
      this.failure ??= error;
      for (const queued of this.queue.splice(0)) queued.reject(error);
      return;
    }
    this.slots[this.slots.indexOf(slot)] = this.spawn();
    void slot.worker.terminate();
    this.dispatch();
  }

  private dispatch(): void {
    for (const [index, slot] of this.slots.entries()) {
      if (slot.task || slot.retiring || this.queue.length === 0) continue;
      // Replaced only when there is work for its successor: no cold worker at the end of a run.
      if (slot.served >= this.recycleAfter && !this.closed) {
        this.retire(slot, index);
        continue;
      }
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ type: 'job', job: task.job });
    }
  }
}

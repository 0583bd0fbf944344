/**
 * A worker thread that renders packets (see pool.ts): it loads the copy once, then answers each
 * job with the packet's PDF bytes (transferred, not copied). It also draws the bundle's front
 * matter, warm, at the end.
 *
 * Messages in: { type: 'init', env }, then { type: 'job', job }, one at a time.
 * Messages out: { type: 'done', pdf } or { type: 'error', message, stack }.
 */
import { parentPort } from 'node:worker_threads';
import { loadCopy } from '../copy/load.js';
import type { Copy } from '../copy/copy.js';
import { AFTER_JOB } from '../launch.js';
import { isFrontJob, renderFrontJob, renderJob, revivedBranding, type RenderEnv, type WorkerJob } from './job.js';

type Incoming = { type: 'init'; env: RenderEnv } | { type: 'job'; job: WorkerJob };

if (!parentPort) throw new Error('bundle/worker.js runs as a worker thread');
const port = parentPort;
let setup: Promise<{ env: RenderEnv; copy: Copy }> | undefined;

port.on('message', (message: Incoming) => {
  if (message.type === 'init') {
    const env = { ...message.env, branding: revivedBranding(message.env.branding) };
    setup = loadCopy(env.locale, env.templatesDir).then((copy) => ({ env, copy }));
    // An error here is reported with the first job.
    setup.catch(() => undefined);
    return;
  }
  const { job } = message;
  if (!setup) {
    port.postMessage({ type: 'error', message: 'internal: a bundle worker got a job before its settings' });
    return;
  }
  setup
    .then(({ env, copy }) => (isFrontJob(job) ? renderFrontJob(job) : renderJob(env, copy, job)))
    .then(
      (pdf) => {
        // The bytes own their buffer when React-PDF's Buffer is not pooled; copy when they share one.
        const own = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : pdf.slice();
        port.postMessage({ type: 'done', pdf: own }, [own.buffer as ArrayBuffer]);
        // Started from its one-file build, the worker saves its code cache now, once (launch.ts).
        (globalThis as { [AFTER_JOB]?: () => void })[AFTER_JOB]?.();
      },
      (error: unknown) => {
        port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
      },
    );
});

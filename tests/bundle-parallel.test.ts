/**
 * Parallel bundles: packets rendered in worker threads give the same bytes as packets rendered one
 * after another in this thread, whatever the number of workers; the shaping memo changes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadAnswersFile, type Answers } from '../src/answers/index.js';
import { renderBundleWithLayout, type PacketInput } from '../src/api.js';
import { loadCopy } from '../src/copy/load.js';
import { renderJob, type PacketJob } from '../src/bundle/job.js';
import { workerCount } from '../src/bundle/render.js';
import { PacketPool, workerScript } from '../src/bundle/pool.js';
import { setShapingMemo } from '../src/pdf/shaping.js';
import { stringsOf } from '../src/pdf/learner-text.js';
import { syntheticCohort } from '../src/perf/cohort.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

async function load(name: string): Promise<Answers> {
  const result = await loadAnswersFile(path.join(EXAMPLES, `${name}.json`));
  if (!result.ok) expect.fail(result.problems.map(formatProblem).join('\n'));
  return result.answers;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('the shaping memo', () => {
  it('gives the same packet bytes as shaping every run afresh (Latin, Arabic, Hebrew, CJK)', async () => {
    const copy = await loadCopy('en');
    const answers = await load('multilingual-long');
    const job: PacketJob = { sheets: ['goals', 'network', 'social'], header: { name: answers.learner.name }, answers, texts: stringsOf(answers) };
    const env = { paper: 'letter' as const, locale: 'en' };
    setShapingMemo(false);
    const plain = await renderJob(env, copy, job);
    setShapingMemo(true);
    const memoFilled = await renderJob(env, copy, job);
    const memoHit = await renderJob(env, copy, job);
    expect(same(plain, memoFilled)).toBe(true);
    expect(same(plain, memoHit)).toBe(true);
  });
});

describe('packets in worker threads', () => {
  // Three workers for seven packets: uneven shares, more workers than this machine's two cores.
  // Two workers, the default here, are compared with one in bundle-cache and cli-launch.
  it('gives the same bytes with three workers as with one, duplex and page labels included', async () => {
    const packets: PacketInput[] = [
      { kind: 'blank' },
      { kind: 'learner', answers: await load('multilingual-long') },
      ...syntheticCohort(3).map((answers): PacketInput => ({ kind: 'learner', answers })),
      { kind: 'learner', answers: await load('first-year-woop') },
      { kind: 'blank', name: '陈静怡', program: '临床医学' },
    ];
    const options = { title: 'Retreat', duplex: true, pagePrefix: 'R-' };
    const one = await renderBundleWithLayout(packets, { ...options, jobs: 1 });
    expect(one.stats).toMatchObject({ packets: packets.length, rendered: packets.length, reused: 0, workers: 0 });
    const parallel = await renderBundleWithLayout(packets, { ...options, jobs: 3 });
    expect(parallel.stats.workers).toBe(3);
    expect(parallel.layout).toEqual(one.layout);
    expect(same(parallel.pdf, one.pdf)).toBe(true);
  });

  it('reports a packet that fails in a worker as an error, and stops its workers', async () => {
    // Not valid answers (a null in a list): the renderer throws, in the worker.
    const bad: PacketInput = { kind: 'learner', answers: { version: 1, learner: { name: 'X' }, goals: { priorities: [null] } } as unknown as Answers };
    const good: PacketInput = { kind: 'blank', name: 'Ana' };
    await expect(renderBundleWithLayout([good, bad, good, good], { jobs: 2, sheets: ['goals'] })).rejects.toThrow(/null/);
  }, 120_000);

  it('gives the same bytes from a worker replaced after its share of packets', async () => {
    const copy = await loadCopy('en');
    const env = { paper: 'letter' as const, locale: 'en' };
    const jobs: PacketJob[] = syntheticCohort(4).map((answers) => ({ sheets: ['goals'], header: { name: answers.learner.name }, answers, texts: stringsOf(answers) }));
    const script = workerScript();
    expect(script).toBeDefined();
    const pool = new PacketPool(script!, env, 1, 2); // one worker, replaced every 2 packets
    try {
      for (const job of jobs) expect(same(await pool.render(job), await renderJob(env, copy, job))).toBe(true);
      // Replaced before its 3rd packet, not after its 4th: nothing was left to do.
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('uses workers only when there is enough to render', () => {
    expect(workerCount(3)).toBe(0);
    expect(workerCount(200, 1)).toBe(0);
    expect(workerCount(5, 4)).toBe(4);
    expect(workerCount(2, 4)).toBe(2);
  });
});

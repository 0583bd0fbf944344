/**
 * A bundle is written as its packets arrive: the output grows packet by packet (memory holds no
 * cohort's worth of pages), the streamed bytes are the in-memory ones, and the CLI's streamed
 * output file is either complete or absent.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBundle, renderBundleWithLayout, writeBundle, type PacketInput } from '../src/api.js';
import type { Answers } from '../src/answers/index.js';
import { storeAnswers } from '../src/answers/stored.js';
import type { ByteSink } from '../src/io/sink.js';
import { FileWriteError, writeFileAtomicallyFrom } from '../src/io/write.js';

const PACKETS: PacketInput[] = ['Ana', 'Ben', 'Chloé', 'Dev'].map((name) => ({ kind: 'blank', name }));
const OPTIONS = { sheets: ['goals'] as const, jobs: 1, title: 'Streamed', pagePrefix: 'S-', duplex: true };

/** A sink that records what it was given, and how much it held when each packet was done. */
function recordingSink(): ByteSink & { chunks: Uint8Array[]; received: () => number } {
  const chunks: Uint8Array[] = [];
  return { chunks, write: async (bytes) => void chunks.push(bytes), received: () => chunks.reduce((sum, chunk) => sum + chunk.length, 0) };
}

describe('a streamed bundle', () => {
  it('writes each packet out before the next one is joined, and the same bytes as in memory', async () => {
    const sink = recordingSink();
    const receivedWhenDone: number[] = [];
    await writeBundle(PACKETS, sink, { ...OPTIONS, sheets: [...OPTIONS.sheets], onProgress: () => receivedWhenDone.push(sink.received()) });
    // Each packet's pages (tens of kilobytes) are in the output once it is placed.
    receivedWhenDone.forEach((received, index) => {
      if (index > 0) expect(received - receivedWhenDone[index - 1]!).toBeGreaterThan(10_000);
    });
    expect(receivedWhenDone[0]).toBeGreaterThan(10_000);
    const streamed = Buffer.concat(sink.chunks);
    const inMemory = await renderBundleWithLayout(PACKETS, { ...OPTIONS, sheets: [...OPTIONS.sheets] });
    expect(Buffer.compare(streamed, inMemory.pdf)).toBe(0);
    expect(streamed.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(streamed.subarray(-6).toString()).toBe('%%EOF\n');
  }, 60_000);
});

describe('writeFileAtomicallyFrom', () => {
  it('takes learners whose answers are kept deflated until drawn (as `bundle` keeps them), with the same bytes', async () => {
    const examples = await Promise.all(['first-year-woop', 'resident-smart'].map(async (name) => JSON.parse(await readFile(`examples/${name}.json`, 'utf8')) as Answers));
    let reads = 0;
    const stored: PacketInput[] = examples.map((answers, index) => {
      const store = storeAnswers(answers);
      return { kind: 'learner', source: `learner-${index}.json`, answers: { read: () => (reads++, store.read()) } };
    });
    const plain: PacketInput[] = examples.map((answers, index) => ({ kind: 'learner', source: `learner-${index}.json`, answers }));
    const options = { jobs: 1, title: 'Stored' };
    const fromStore = await renderBundle(stored, options);
    expect(Buffer.compare(fromStore, await renderBundle(plain, options))).toBe(0);
    // Read for the plan's titles, then for each packet as it is drawn: nothing holds them between.
    expect(reads).toBe(2 * examples.length);
  }, 120_000);

  it('renames the temporary file over the target only when everything is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pln-stream-'));
    const target = path.join(dir, 'out.pdf');
    await writeFile(target, 'old');
    const result = await writeFileAtomicallyFrom(target, async (sink) => {
      await sink.write(Buffer.from('new '));
      await sink.write(Buffer.from('bytes'));
      return 7;
    });
    expect(result).toBe(7);
    expect(await readFile(target, 'utf8')).toBe('new bytes');
    expect(await readdir(dir)).toEqual(['out.pdf']);
  });

  it('leaves the old file and no temporary file when the producer fails, and passes its error on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pln-stream-'));
    const target = path.join(dir, 'out.pdf');
    await writeFile(target, 'old');
    const failure = new Error('a packet failed');
    await expect(
      writeFileAtomicallyFrom(target, async (sink) => {
        await sink.write(Buffer.from('half a PDF'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.pdf']);
  });

  it('reports a file-system failure as a FileWriteError with its code', async () => {
    const error = await writeFileAtomicallyFrom('/dev/null', async () => undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as FileWriteError).code).toBe('ENOTREGULAR');
  });
});

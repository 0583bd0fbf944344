/**
 * A bundle split into files (`bundle --split`): each packet a PDF of its own, with its own title
 * and, when asked, form fields (a fillable packet per workshop participant). Packets are made as
 * a bundle's are (render.ts): from the cache, in worker threads, or in this thread, with the
 * same bytes whichever.
 */
import type { Answers } from '../answers/schema.js';
import type { DocumentMetadata } from '../pdf/document.js';
import { productVersion } from '../version.js';
import type { PacketJob } from './job.js';
import type { BundleOptions, PacketInput } from './model.js';
import { planBundle, Producer, type BundlePacket, type BundlePlan } from './render.js';

export interface SplitOptions extends BundleOptions {
  date: Date;
  /** Form fields in every packet (a named participant's header prefilled with their name). */
  fillable?: boolean;
}

/** One packet's own PDF, and the titles it has in a bundle (the name and program, or the blank set's). */
export interface PacketFile {
  title: string;
  subtitle?: string;
  pdf: Uint8Array;
}

/** Every packet as a PDF of its own, in the order given. */
export async function renderPacketFiles(packets: readonly PacketInput[], options: SplitOptions): Promise<PacketFile[]> {
  const files: PacketFile[] = [];
  await eachPacketFile(packets, options, async (file) => {
    files.push(file);
  });
  return files;
}

/**
 * Every packet as a PDF of its own, handed to `deliver` in the order given as each is made, and
 * let go once `deliver` has finished with it: a cohort's forms (about 0.8 MB each) are never all
 * held in memory at once. A few packets ahead are made meanwhile, as a bundle's are.
 */
export async function eachPacketFile(packets: readonly PacketInput[], options: SplitOptions, deliver: (file: PacketFile, index: number) => Promise<void>): Promise<void> {
  if (packets.length === 0) throw new Error('a bundle needs at least one packet');
  const bundlePlan = await planBundle(packets, options);
  const plan: BundlePlan = { ...bundlePlan, job: (index) => standaloneJob(bundlePlan.job(index), bundlePlan, index, packets[index]!, options) };
  const producer = await Producer.open(plan, options);
  try {
    const total = plan.packets.length;
    const pending = new Map<number, Promise<Uint8Array>>();
    let started = 0;
    for (let index = 0; index < total; index++) {
      for (; started < Math.min(index + producer.window, total); started++) {
        const promise = producer.packet(started);
        promise.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
        pending.set(started, promise);
      }
      const pdf = await pending.get(index)!;
      pending.delete(index);
      await deliver(packetFile(plan.packets[index]!, pdf), index);
      options.onProgress?.({ done: index + 1, total });
    }
  } finally {
    await producer.close();
  }
  await producer.prune();
}

function packetFile(packet: BundlePacket, pdf: Uint8Array): PacketFile {
  return { title: packet.title, ...(packet.subtitle ? { subtitle: packet.subtitle } : {}), pdf };
}

/** A bundle's packet job made a file of its own: its metadata, and form fields if asked. */
function standaloneJob(job: PacketJob, plan: BundlePlan, index: number, input: PacketInput, options: SplitOptions): PacketJob {
  const packet = plan.packets[index]!;
  const product = plan.ctx.t('common.product');
  const person = input.kind === 'learner' ? job.answers?.learner.name.trim() : input.name?.trim();
  const metadata: DocumentMetadata = {
    title: `${product}: ${packet.title}`,
    subject: product,
    author: person || 'pln-worksheets',
    creator: `pln-worksheets ${productVersion}`,
    language: plan.env.locale,
    date: options.date,
  };
  const fillable = options.fillable ?? false;
  // A participant's form carries their name (and program) in its fields, so that it imports
  // without their typing it again.
  const named = fillable && input.kind === 'blank' && input.name?.trim() ? participantAnswers(input.name.trim(), input.program?.trim()) : undefined;
  return { ...job, ...(named ? { answers: named } : {}), standalone: { metadata, fillable } };
}

function participantAnswers(name: string, program: string | undefined): Answers {
  return { version: 1, learner: { name, ...(program ? { program } : {}) } } as Answers;
}

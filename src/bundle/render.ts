/**
 * A bundle: a title page, the contents, then one packet per learner or participant, in one PDF.
 *
 * How it is made, so that a cohort of hundreds does not hold every page in memory at once:
 * 1. each packet is rendered by React-PDF as a PDF of its own (its footers number its pages
 *    within the packet). Packets render in worker threads, one per core (pool.ts), a bounded
 *    window ahead of this thread, which takes them strictly in order and reads where each one
 *    lands; a packet found in the cache (cache.ts) is not rendered again. A packet's bytes do
 *    not depend on where it was rendered, so neither do the bundle's;
 * 2. the front matter (title page, contents) is rendered when every page number is known, by a
 *    worker before the workers stop (drawn a second time when the contents take more pages than
 *    first assumed: every label in them depends on it);
 * 3. pdf-lib joins the packets and the front matter, adds the outline, points the contents' links
 *    at their pages, writes the page labels and the metadata. With page labels, each page but the
 *    title page also gets its label printed at its foot: the labels are rendered once, as one
 *    small PDF, and drawn over the pages (the packets' own bytes, cached and rendered anywhere,
 *    never carry their position in the book).
 */
import path from 'node:path';
import { headerValues } from '../api.js';
import { loadCopy } from '../copy/load.js';
import type { TemplateVariables } from '../copy/variables.js';
import type { RenderContext } from '../pdf/components/context.js';
import type { HeaderValues } from '../pdf/components/frame.js';
import type { DocumentMetadata } from '../pdf/document.js';
import { createRenderContext } from '../pdf/components/context.js';
import { planLearnerText, stringsOf } from '../pdf/learner-text.js';
import { productVersion } from '../version.js';
import { availableParallelism } from 'node:os';
import { sheetsInOrder, SHEET_IDS, type Sheet } from '../worksheets/index.js';
import { sheetsWithAnswers } from '../worksheets/values.js';
import type { Answers } from '../answers/schema.js';
import { BundleAssembler, inspectPart, type OutlineItem } from './assemble.js';
import { sheetMarker, type BundleLayout, type BundleOptions, type PacketInput, type PacketPlacement } from './model.js';
import { PacketCache } from './cache.js';
import type { FrontJob, PacketJob, RenderEnv } from './job.js';
import { PacketPool, workerScript } from './pool.js';

/** A bundle's PDF and where everything landed in it. */
export interface BundleResult {
  pdf: Uint8Array;
  layout: BundleLayout;
  /** How the packets were made. */
  stats: BundleStats;
}

export interface BundleStats {
  packets: number;
  /** Packets rendered in this run. */
  rendered: number;
  /** Packets taken from the cache. */
  reused: number;
  /** Worker threads used (0: rendered in this thread). */
  workers: number;
  /** Times the front matter (title page, contents) was drawn, not taken from the cache. */
  frontDrawn: number;
}

interface PlannedPacket {
  title: string;
  subtitle?: string;
  sheets: Sheet[];
  header?: HeaderValues;
  variables?: Partial<TemplateVariables>;
  answers?: Answers;
  /** The texts whose scripts choose the packet's fonts. */
  texts: string[];
}

/**
 * The drawing code (React-PDF), loaded in this thread only when this thread draws: packets when
 * no workers are used (or one ran out of memory), and the front matter, padding and label pages.
 * While workers render, the main thread then holds no renderer of its own (about 50 MB).
 */
async function drawing() {
  const [job, packet, front] = await Promise.all([import('./job.js'), import('./packet.js'), import('./front.js')]);
  return { renderJob: job.renderJob, renderFrontJob: job.renderFrontJob, renderPages: packet.renderPages, labelStrips: front.labelStrips, paddingPage: front.paddingPage };
}

/** Outline open beyond this many packets would be a wall of entries: packets show closed. */
const OPEN_OUTLINE_PACKETS = 12;

/** Packets to render below which worker threads cost more (start-up, about a second) than they save. */
const PACKETS_PER_WORKER = 6;

/** Worker threads for `toRender` packets: `jobs` when given, else one per core when there is enough work. */
export function workerCount(toRender: number, jobs?: number): number {
  if (jobs !== undefined) return jobs <= 1 ? 0 : Math.min(jobs, toRender);
  const cores = availableParallelism();
  if (cores < 2) return 0;
  const useful = Math.floor(toRender / PACKETS_PER_WORKER);
  return useful < 2 ? 0 : Math.min(cores, useful);
}

export async function renderBundleWithLayout(packets: readonly PacketInput[], options: BundleOptions & { date: Date }): Promise<BundleResult> {
  if (packets.length === 0) throw new Error('a bundle needs at least one packet');
  const copy = await loadCopy(options.locale ?? 'en', options.templatesDir);
  const paper = options.paper ?? 'letter';
  const ctx = createRenderContext({ copy, paper, branding: options.branding });
  const product = ctx.t('common.product');
  const frontMatter = options.frontMatter ?? true;
  const duplex = options.duplex ?? false;
  // Printed on both sides, every packet and the front matter start on a right-hand page.
  const paddingAfter = (pages: number) => (duplex && pages % 2 === 1 ? 1 : 0);
  const prefix = options.pagePrefix ?? '';
  const startPage = options.startPage ?? 1;
  const label = (index: number) => `${prefix}${startPage + index}`;
  const metadata: DocumentMetadata = {
    title: options.title?.trim() || product,
    subject: product,
    author: options.institution?.trim() || 'pln-worksheets',
    creator: `pln-worksheets ${productVersion}`,
    language: options.locale ?? 'en',
    date: options.date,
  };
  const planned = planPackets(packets, ctx, options);
  const padding = async () => {
    const { renderPages, paddingPage } = await drawing();
    return renderPages([paddingPage(paper, ctx.t('bundle.padding'))], metadata);
  };

  // 1. The packets, each rendered alone (in parallel, or taken from the cache), joined in order;
  //    positions relative to the first packet page.
  const env: RenderEnv = { paper, locale: options.locale ?? 'en', templatesDir: options.templatesDir, branding: options.branding };
  const jobs = planned.map(
    (packet): PacketJob => ({
      sheets: packet.sheets.map((sheet) => sheet.id),
      ...(packet.header ? { header: packet.header } : {}),
      ...(packet.variables ? { variables: packet.variables } : {}),
      ...(packet.answers ? { answers: packet.answers } : {}),
      texts: packet.texts,
    }),
  );
  const cache = options.cache ? await PacketCache.open(options.cache, env) : undefined;
  const keys = cache ? jobs.map((job) => cache.key('packet', job)) : [];
  const cached = cache ? await Promise.all(keys.map((key) => cache.get(key))) : [];
  const toRender = jobs.length - cached.filter((bytes) => bytes !== undefined).length;
  const script = workerScript();
  const workers = script ? workerCount(toRender, options.jobs) : 0;
  const pool = workers > 0 && script ? new PacketPool(script, env, workers) : undefined;
  const stats: BundleStats = { packets: jobs.length, rendered: 0, reused: 0, workers, frontDrawn: 0 };

  const produce = async (index: number): Promise<Uint8Array> => {
    const hit = cached[index];
    if (hit) {
      cached[index] = undefined;
      stats.reused += 1;
      return hit;
    }
    const bytes = pool
      ? await pool.render(jobs[index]!).catch((error: unknown) => {
          if (!PacketPool.outOfMemory(error)) throw error;
          return drawing().then(({ renderJob }) => renderJob(env, copy, jobs[index]!));
        })
      : await (await drawing()).renderJob(env, copy, jobs[index]!);
    stats.rendered += 1;
    if (cache) await cache.put(keys[index]!, bytes);
    return bytes;
  };
  // Packets render a bounded window ahead of the assembly (memory); one at a time in this thread.
  const window = pool ? pool.size * 4 : 1;
  const pending = new Map<number, Promise<Uint8Array>>();
  let started = 0;
  const startUpTo = (limit: number) => {
    for (; started < Math.min(limit, jobs.length); started++) {
      const promise = produce(started);
      promise.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
      pending.set(started, promise);
    }
  };

  // Where each packet lands (relative to the first packet page), read from its PDF as it comes.
  const placed: { start: number; pages: number; padding: number; sheetStarts: number[] }[] = [];
  const place = async (index: number, bytes: Uint8Array) => {
    const part = await inspectPart(bytes);
    const start = placed.length === 0 ? 0 : placed[placed.length - 1]!.start + placed[placed.length - 1]!.pages;
    const sheetStarts = planned[index]!.sheets.map((sheet) => {
      const at = part.markers.get(sheetMarker(sheet.id));
      if (at === undefined) throw new Error(`internal: no start page found for sheet ${sheet.id} of packet ${index + 1}`);
      return start + at;
    });
    const pad = paddingAfter(part.pages);
    placed.push({ start, pages: part.pages + pad, padding: pad, sheetStarts });
  };

  // The front matter: title page and contents, as plain data (see FrontJob).
  const sheetsInBundle = sheetsInOrder(planned.flatMap((packet) => packet.sheets.map((sheet) => sheet.id)));
  const frontJob = (offset: number): FrontJob => ({
    kind: 'front',
    metadata,
    texts: [options.title ?? '', options.subtitle ?? '', options.institution ?? '', ...planned.flatMap((packet) => [packet.title, packet.subtitle ?? ''])],
    props: {
      paper,
      accent: ctx.accent,
      kicker: options.title?.trim() ? ctx.t('bundle.title.kicker') : undefined,
      title: options.title?.trim() || ctx.t('bundle.title.default'),
      subtitle: options.subtitle?.trim() || undefined,
      institution: options.institution?.trim() || undefined,
      sheetsLine: sheetsInBundle.map((sheet) => ctx.t(sheet.title)).join('  ·  '),
      contentsHeading: ctx.t('bundle.contents'),
      contentsContinued: ctx.t('bundle.contents.continued'),
      entries: planned.map((packet, index) => ({
        title: packet.title,
        subtitle: packet.subtitle,
        label: label(offset + placed[index]!.start),
        target: `packet-${index}`,
        sheets: packet.sheets.map((sheet, sheetIndex) => ({
          title: ctx.t(sheet.title),
          label: label(offset + placed[index]!.sheetStarts[sheetIndex]!),
          target: `packet-${index}-${sheet.id}`,
        })),
      })),
    },
  });
  // Drawn by a worker when there are workers (warm by then), else here; kept in the cache like a
  // packet, so that a rebuild whose pages did not move draws no front matter (it drew it twice:
  // the first drawing counts the contents' pages).
  const renderFront = async (job: FrontJob): Promise<Uint8Array> => {
    const key = cache?.key('front', job);
    const known = key ? await cache!.get(key) : undefined;
    if (known) return known;
    const bytes = pool ? await pool.render(job) : await (await drawing()).renderFrontJob(job);
    stats.frontDrawn += 1;
    if (key) await cache!.put(key, bytes);
    return bytes;
  };
  const paddedCount = async (bytes: Uint8Array) => {
    const { pages } = await inspectPart(bytes);
    return pages + paddingAfter(pages);
  };
  // With workers, packets are joined once the workers are done: while they render, this thread
  // holds the packets' compressed bytes (about 65 kB each), not pdf-lib's objects for every page
  // so far, which kept peak memory above 500 MB for 200 learners.
  const waiting: (Uint8Array | undefined)[] = [];
  let frontBytes: Uint8Array | undefined;
  let frontGuess = 0;
  try {
    for (let index = 0; index < planned.length; index++) {
      startUpTo(index + window);
      const bytes = await pending.get(index)!;
      pending.delete(index);
      await place(index, bytes);
      waiting.push(bytes);
      options.onProgress?.({ done: index + 1, total: planned.length });
    }
    // The number of front pages decides every label in the contents; the contents' length does
    // not depend on the labels (they sit in a fixed-width column), so this settles at once. With
    // workers, a warm worker draws it before they stop (drawn cold here, it took twice as long).
    if (frontMatter) {
      frontGuess = 2;
      frontBytes = await renderFront(frontJob(frontGuess));
      for (let attempt = 0; ; attempt++) {
        const count = await paddedCount(frontBytes);
        if (count === frontGuess) break;
        if (attempt >= 4) throw new Error('internal: the contents did not settle on a page count');
        frontGuess = count;
        frontBytes = await renderFront(frontJob(frontGuess));
      }
    }
  } finally {
    await pool?.close();
  }
  if (cache) await cache.prune();

  // 2. Joined: the packets in order, then the front matter before them.
  const assembler = await BundleAssembler.create();
  for (let index = 0; index < waiting.length; index++) {
    const part = await assembler.append(waiting[index]!);
    waiting[index] = undefined;
    if (part.start !== placed[index]!.start) throw new Error(`internal: packet ${index + 1} landed on page ${part.start + 1}, not ${placed[index]!.start + 1}`);
    if (placed[index]!.padding) await assembler.appendPadding(padding);
  }
  let front = 0;
  if (frontBytes) {
    const part = await assembler.append(frontBytes, 0);
    front = part.pages;
    if (front < frontGuess) {
      await assembler.insertPadding(front, padding);
      front += 1;
    }
    const targets = new Map<string, number>();
    placed.forEach((packet, index) => {
      targets.set(`packet-${index}`, front + packet.start);
      planned[index]!.sheets.forEach((sheet, sheetIndex) => targets.set(`packet-${index}-${sheet.id}`, front + packet.sheetStarts[sheetIndex]!));
    });
    const unresolved = assembler.resolveLinks(
      Array.from({ length: front }, (_, i) => i),
      targets,
    );
    if (unresolved.length > 0) throw new Error(`internal: contents links without a target: ${unresolved.join(', ')}`);
  }

  // 3. Outline, labels, metadata.
  const open = planned.length <= OPEN_OUTLINE_PACKETS;
  const outline: OutlineItem[] = [];
  if (frontMatter) outline.push({ title: ctx.t('bundle.contents'), page: 1 });
  planned.forEach((packet, index) => {
    const place = placed[index]!;
    outline.push({
      title: packet.title,
      page: front + place.start,
      open,
      children: packet.sheets.map((sheet, sheetIndex) => ({ title: ctx.t(sheet.title), page: front + place.sheetStarts[sheetIndex]! })),
    });
  });
  assembler.setOutline(outline);
  if (options.pagePrefix !== undefined || options.startPage !== undefined) {
    assembler.setPageLabels(prefix, startPage);
    // Printed too (books print no number on the title page), so that paper matches the contents.
    const labelled = Array.from({ length: assembler.pageCount }, (_, i) => i).filter((i) => !(frontMatter && i === 0));
    const labels = labelled.map(label);
    const text = planLearnerText(labels);
    const { labelStrips, renderPages } = await drawing();
    await assembler.stampLabels(await renderPages(labelStrips(paper, labels, text.style), metadata, text.families), labelled);
  }
  assembler.setMetadata(metadata);
  const pdf = await assembler.save();

  const total = assembler.pageCount;
  const layout: BundleLayout = {
    pages: total,
    frontPages: front,
    labels: Array.from({ length: total }, (_, i) => label(i)),
    packets: planned.map((packet, index): PacketPlacement => {
      const place = placed[index]!;
      return {
        title: packet.title,
        ...(packet.subtitle ? { subtitle: packet.subtitle } : {}),
        page: front + place.start + 1,
        label: label(front + place.start),
        pages: place.pages,
        padding: place.padding,
        sheets: packet.sheets.map((sheet, sheetIndex) => ({
          id: sheet.id,
          title: ctx.t(sheet.title),
          page: front + place.sheetStarts[sheetIndex]! + 1,
          label: label(front + place.sheetStarts[sheetIndex]!),
        })),
      };
    }),
  };
  return { pdf, layout, stats };
}

/** Titles, sheets, headers and fonts of each packet. */
function planPackets(packets: readonly PacketInput[], ctx: RenderContext, options: BundleOptions): PlannedPacket[] {
  const unnamed = packets.filter((packet) => packet.kind === 'blank' && !packet.name?.trim()).length;
  let unnamedNumber = 0;
  return packets.map((packet, index) => {
    if (packet.kind === 'learner') {
      const chosen = options.sheets ?? sheetsWithAnswers(packet.answers);
      const name = packet.answers.learner.name.trim();
      const stem = packet.source ? path.basename(packet.source, path.extname(packet.source)) : `${index + 1}`;
      const program = packet.answers.learner.program?.trim();
      const header = headerValues(packet.answers, ctx.locale);
      return {
        title: name || stem,
        ...(program ? { subtitle: program } : {}),
        sheets: sheetsInOrder(chosen.length > 0 ? chosen : SHEET_IDS),
        header,
        // As renderFilled gives them: the templates may name the learner, coach and session.
        variables: {
          learner: { name: packet.answers.learner.name, program: packet.answers.learner.program ?? '' },
          coach: { name: packet.answers.coach?.name ?? '' },
          session: { date: header.date ?? '', number: header.session ?? '' },
        },
        answers: packet.answers,
        texts: stringsOf(packet.answers),
      };
    }
    const sheets = sheetsInOrder(options.sheets ?? SHEET_IDS);
    const name = packet.name?.trim();
    const program = packet.program?.trim();
    if (name) {
      return {
        title: name,
        ...(program ? { subtitle: program } : {}),
        sheets,
        header: { name, ...(program ? { program } : {}) },
        variables: { learner: { name, program: program ?? '' } },
        texts: [name, program ?? ''],
      };
    }
    unnamedNumber += 1;
    return {
      // Numbered "2/5" rather than in words: the copy's words stay in the templates.
      title: unnamed > 1 ? `${ctx.t('bundle.blank')} ${unnamedNumber}/${unnamed}` : ctx.t('bundle.blank'),
      sheets,
      texts: [],
    };
  });
}

/**
 * A bundle: a title page, the contents, then one packet per learner or participant, in one PDF.
 *
 * How it is made (plan, produce, place, front matter, assemble), so that a cohort of hundreds does not hold every page in memory at once:
 * 1. each packet is rendered by React-PDF as a PDF of its own (its footers number its pages
 *    within the packet). Packets render in worker threads, one per core (pool.ts), a bounded
 *    window ahead of this thread, which takes them strictly in order and reads where each one
 *    lands; a packet found in the cache (cache.ts) is not rendered again. A packet's bytes do
 *    not depend on where it was rendered, so neither do the bundle's;
 * 2. the front matter (title page, contents) is rendered when every page number is known, by a
 *    worker before the workers stop (drawn a second time when the contents take more pages than
 *    first assumed: every label in them depends on it);
 * 3. pdf-lib joins the packets as they arrive, each written to the output at once (pdf-file.ts),
 *    then the front matter (placed first by the page tree); it adds the outline, points the contents' links
 *    at their pages, writes the page labels and the metadata. With page labels, each page but the
 *    title page also gets its label printed at its foot: the labels are rendered once, as one
 *    small PDF, and drawn over the pages (the packets' own bytes, cached and rendered anywhere,
 *    never carry their position in the book).
 */
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { loadCopy } from '../copy/load.js';
import type { Copy } from '../copy/copy.js';
import { planPacket, type PacketSource, type PlannedPacket } from '../packet/plan.js';
import { createRenderContext, type RenderContext } from '../pdf/components/context.js';
import type { DocumentMetadata } from '../pdf/document.js';
import { planLearnerText } from '../pdf/learner-text.js';
import type { Paper } from '../pdf/paper.js';
import { sheetsInOrder } from '../worksheets/index.js';
import { productVersion } from '../version.js';
import { BundleAssembler, inspectLastPageLinks, type AppendedPart, type OutlineItem } from './assemble.js';
import { MemorySink, type ByteSink } from '../io/sink.js';
import { answersOf, sheetMarker, type BundleLayout, type BundleOptions, type BundleResult, type BundleStats, type PacketInput, type PacketPlacement } from './model.js';
import { PacketCache } from './cache.js';
import type { FrontJob, PacketJob, RenderEnv } from './job.js';
import { PacketPool, workerScript } from './pool.js';

/**
 * A packet of the bundle as the layout needs it: its sheets, and the titles it has in the contents
 * and the outline. Its job is made when the packet is drawn (`BundlePlan.job`).
 */
export interface BundlePacket extends Pick<PlannedPacket, 'sheets'> {
  title: string;
  subtitle?: string;
}

/** Everything decided before any page is drawn. */
export interface BundlePlan {
  copy: Copy;
  ctx: RenderContext;
  paper: Paper;
  env: RenderEnv;
  metadata: DocumentMetadata;
  packets: BundlePacket[];
  /**
   * A packet's job, made when it is needed and not kept: the plan holds no learner's answers, so
   * memory does not grow with the cohort (a learner's answers may be kept compactly, StoredAnswers).
   */
  job(index: number): PacketJob;
  frontMatter: boolean;
  /** The title page's own words, as given. */
  titlePage: Pick<BundleOptions, 'title' | 'subtitle' | 'institution'>;
  /** Padding pages after a part of `pages` pages: printed on both sides, every part starts on a right-hand page. */
  paddingAfter(pages: number): number;
  /** A page's label from its 0-based index in the PDF. */
  label(index: number): string;
}

/** Where a packet landed, relative to the first packet page. */
interface Placed {
  start: number;
  /** Its pages, padding included. */
  pages: number;
  padding: number;
  sheetStarts: number[];
}

/** The front matter as drawn, and the page count its contents' labels assumed. */
interface Front {
  /** In page order; each keeps its first `pages` pages. */
  parts: FrontPart[];
  guess: number;
}

interface FrontPart {
  bytes: Uint8Array;
  pages: number;
}

/**
 * The drawing code (React-PDF), loaded in this thread only when this thread draws: packets when
 * no workers are used (or one ran out of memory), and the front matter, padding and label pages.
 * While workers render, the main thread then holds no renderer of its own (about 50 MB).
 */
async function drawing() {
  const [job, render, front] = await Promise.all([import('./job.js'), import('../pdf/render.js'), import('./front.js')]);
  return { renderJob: job.renderJob, renderFrontJob: job.renderFrontJob, renderPages: render.renderPages, labelStrips: front.labelStrips, paddingPage: front.paddingPage };
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

/** The bundle in memory. For a large cohort, `writeBundle` into a file holds far less. */
export async function renderBundleWithLayout(packets: readonly PacketInput[], options: BundleOptions & { date: Date }): Promise<BundleResult> {
  const sink = new MemorySink();
  const { layout, stats } = await writeBundle(packets, options, sink);
  return { pdf: sink.bytes(), layout, stats };
}

/**
 * Writes the bundle to `sink` as its packets arrive: memory holds the packets in flight and a
 * few kilobytes a page, whatever the cohort size. The front matter, drawn last, is placed first
 * by the page tree (the file's object order need not follow the page order).
 */
export async function writeBundle(packets: readonly PacketInput[], options: BundleOptions & { date: Date }, sink: ByteSink): Promise<Omit<BundleResult, 'pdf'>> {
  if (packets.length === 0) throw new Error('a bundle needs at least one packet');
  const plan = await planBundle(packets, options);
  const producer = await Producer.open(plan, options);
  const assembler = await BundleAssembler.create(sink);
  let placed: Placed[];
  let front: Front | undefined;
  try {
    placed = await producePackets(plan, producer, assembler, options.onProgress, printsLabels(options));
    // With workers, a warm worker draws the front matter before they stop (cold here, it took twice as long).
    front = plan.frontMatter ? await renderFrontMatter(plan, producer, placed, options.contentsPart) : undefined;
  } finally {
    await producer.close();
  }
  await producer.prune();
  const { frontPages, pages } = await finish(plan, assembler, placed, front, options);
  return { layout: layoutOf(plan, placed, frontPages, pages), stats: producer.stats };
}

/** Step 1, plan: the copy, the metadata, and each packet's titles, sheets, header and fonts. */
export async function planBundle(packets: readonly PacketInput[], options: BundleOptions & { date: Date }): Promise<BundlePlan> {
  const locale = options.locale ?? 'en';
  const copy = await loadCopy(locale, options.templatesDir);
  const paper = options.paper ?? 'letter';
  const ctx = createRenderContext({ copy, paper, branding: options.branding });
  const product = ctx.t('common.product');
  const prefix = options.pagePrefix ?? '';
  const startPage = options.startPage ?? 1;
  const duplex = options.duplex ?? false;
  const planned = planPackets(packets, ctx, options);
  return {
    copy,
    ctx,
    paper,
    env: { paper, locale, templatesDir: options.templatesDir, branding: options.branding },
    metadata: {
      title: options.title?.trim() || product,
      subject: product,
      author: options.institution?.trim() || 'pln-worksheets',
      creator: `pln-worksheets ${productVersion}`,
      language: locale,
      date: options.date,
    },
    packets: planned,
    job: (index) => packetJob(planPacket(packetSource(packets[index]!), locale, options.sheets)),
    frontMatter: options.frontMatter ?? true,
    titlePage: { title: options.title, subtitle: options.subtitle, institution: options.institution },
    paddingAfter: (pages) => (duplex && pages % 2 === 1 ? 1 : 0),
    label: (index) => `${prefix}${startPage + index}`,
  };
}

/** Titles and sheets of each packet (its plan: src/packet/plan.ts). */
function planPackets(packets: readonly PacketInput[], ctx: RenderContext, options: BundleOptions): BundlePacket[] {
  const unnamed = packets.filter((packet) => packet.kind === 'blank' && !packet.name?.trim()).length;
  let unnamedNumber = 0;
  return packets.map((packet, index) => {
    const source = packetSource(packet);
    const { sheets } = planPacket(source, ctx.locale, options.sheets);
    if (source.kind === 'learner') {
      const stem = packet.kind === 'learner' && packet.source ? path.basename(packet.source, path.extname(packet.source)) : `${index + 1}`;
      const program = source.answers.learner.program?.trim();
      return { sheets, title: source.answers.learner.name.trim() || stem, ...(program ? { subtitle: program } : {}) };
    }
    const name = source.name?.trim();
    const program = source.program?.trim();
    if (name) return { sheets, title: name, ...(program ? { subtitle: program } : {}) };
    unnamedNumber += 1;
    // Numbered "2/5" rather than in words: the copy's words stay in the templates.
    return { sheets, title: unnamed > 1 ? `${ctx.t('bundle.blank')} ${unnamedNumber}/${unnamed}` : ctx.t('bundle.blank') };
  });
}

function packetSource(packet: PacketInput): PacketSource {
  return packet.kind === 'learner' ? { kind: 'learner', answers: answersOf(packet) } : packet;
}

function packetJob(packet: PlannedPacket): PacketJob {
  return {
    sheets: packet.sheets.map((sheet) => sheet.id),
    ...(packet.header ? { header: packet.header } : {}),
    ...(packet.variables ? { variables: packet.variables } : {}),
    ...(packet.answers ? { answers: packet.answers } : {}),
    texts: packet.texts,
  };
}

/**
 * Step 2, produce: a packet's or the front matter's bytes, from the cache, a worker of the pool,
 * or this thread. A part's bytes do not depend on where it was made, so neither do the bundle's.
 */
export class Producer {
  readonly stats: BundleStats;

  private constructor(
    private readonly plan: BundlePlan,
    private readonly cache: PacketCache | undefined,
    private readonly keys: string[],
    private readonly cached: boolean[],
    private readonly pool: PacketPool | undefined,
  ) {
    this.stats = { packets: plan.packets.length, rendered: 0, reused: 0, workers: pool?.size ?? 0, frontDrawn: 0 };
  }

  static async open(plan: BundlePlan, options: BundleOptions): Promise<Producer> {
    const cache = options.cache ? await PacketCache.open(options.cache, plan.env) : undefined;
    const keys = cache ? plan.packets.map((_, index) => cache.key('packet', plan.job(index))) : [];
    // Only whether each entry exists: its bytes are read (and checked) when its turn comes, so a
    // warm cache of thousands of packets is not held in memory at once.
    const cached = cache ? await Promise.all(keys.map((key) => cache.has(key))) : [];
    const toRender = plan.packets.length - cached.filter(Boolean).length;
    const script = workerScript();
    const workers = script ? workerCount(toRender, options.jobs) : 0;
    const pool = workers > 0 && script ? new PacketPool(script, plan.env, workers) : undefined;
    return new Producer(plan, cache, keys, cached, pool);
  }

  /** Packets made ahead of the assembly: a bounded window (memory); one at a time in this thread. */
  get window(): number {
    return this.pool ? this.pool.size * 4 : 1;
  }

  async packet(index: number): Promise<Uint8Array> {
    // An entry that went bad or away since the run began is rendered again.
    const hit = this.cached[index] ? await this.cache!.get(this.keys[index]!) : undefined;
    if (hit) {
      this.stats.reused += 1;
      return hit;
    }
    const { env, copy } = this.plan;
    const job = this.plan.job(index);
    const bytes = this.pool
      ? await this.pool.render(job).catch((error: unknown) => {
          if (!PacketPool.outOfMemory(error)) throw error;
          return drawing().then(({ renderJob }) => renderJob(env, copy, job));
        })
      : await (await drawing()).renderJob(env, copy, job);
    this.stats.rendered += 1;
    if (this.cache) await this.cache.put(this.keys[index]!, bytes);
    return bytes;
  }

  /**
   * The front matter, kept in the cache like a packet, so that a rebuild whose pages did not move
   * draws no front matter (it is drawn twice: the first drawing counts the contents' pages).
   */
  async front(job: FrontJob): Promise<Uint8Array> {
    const key = this.cache?.key('front', job);
    const known = key ? await this.cache!.get(key) : undefined;
    if (known) return known;
    const bytes = this.pool ? await this.pool.render(job) : await (await drawing()).renderFrontJob(job);
    this.stats.frontDrawn += 1;
    if (key) await this.cache!.put(key, bytes);
    return bytes;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  async prune(): Promise<void> {
    await this.cache?.prune();
  }
}

/**
 * Steps 2 and 3, produce and place: the packets, made a window ahead and taken strictly in order,
 * each joined to the bundle and written out as it comes, so that neither the packets' bytes nor
 * pdf-lib's objects for every page so far are held.
 */
async function producePackets(
  plan: BundlePlan,
  producer: Producer,
  assembler: BundleAssembler,
  onProgress: BundleOptions['onProgress'],
  labelled: boolean,
): Promise<Placed[]> {
  const total = plan.packets.length;
  const pending = new Map<number, Promise<Uint8Array>>();
  let started = 0;
  const placed: Placed[] = [];
  for (let index = 0; index < total; index++) {
    for (; started < Math.min(index + producer.window, total); started++) {
      const promise = producer.packet(started);
      promise.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
      pending.set(started, promise);
    }
    const bytes = await pending.get(index)!;
    pending.delete(index);
    const part = await assembler.append(bytes);
    const at = place(plan, index, part);
    if (at.padding) await assembler.appendPadding(() => paddingPage(plan));
    await assembler.flush();
    // The packet's pages are final (their labels, drawn last, get their room now): written out.
    if (labelled) assembler.reserveLabels(part.start, part.start + at.pages);
    await assembler.release(part.start, part.start + at.pages);
    placed.push(at);
    onProgress?.({ done: index + 1, total });
  }
  return placed;
}

/** Where a packet landed (relative to the first packet page), read from its PDF's sheet markers. */
function place(plan: BundlePlan, index: number, part: AppendedPart): Placed {
  const sheetStarts = plan.packets[index]!.sheets.map((sheet) => {
    const at = part.markers.get(sheetMarker(sheet.id));
    if (at === undefined) throw new Error(`internal: no start page found for sheet ${sheet.id} of packet ${index + 1}`);
    return part.start + at;
  });
  const padding = plan.paddingAfter(part.pages);
  return { start: part.start, pages: part.pages + padding, padding, sheetStarts };
}

/** The page that pads a part to an even number of pages. */
async function paddingPage(plan: BundlePlan): Promise<Uint8Array> {
  const { renderPages, paddingPage } = await drawing();
  return renderPages([paddingPage(plan.paper, plan.ctx.t('bundle.padding'))], plan.metadata);
}

/**
 * Step 4, front matter: the title page and contents, drawn once every packet is placed. The
 * number of front pages decides every label in the contents; the contents' length does not
 * depend on the labels (they sit in a fixed-width column), so this settles at once.
 */
async function renderFrontMatter(plan: BundlePlan, producer: Producer, placed: readonly Placed[], partSize = CONTENTS_PART): Promise<Front> {
  let guess = 2;
  for (let attempt = 0; ; attempt++) {
    const parts = await renderContents(plan, producer, placed, guess, partSize);
    const pages = parts.reduce((sum, part) => sum + part.pages, 0);
    const count = pages + plan.paddingAfter(pages);
    if (count === guess) return { parts, guess };
    if (attempt >= 4) throw new Error('internal: the contents did not settle on a page count');
    guess = count;
  }
}

/** Page labels are printed on the pages (and set in the PDF) when a prefix or first number is given. */
function printsLabels(options: BundleOptions): boolean {
  return options.pagePrefix !== undefined || options.startPage !== undefined;
}

/** Page-label strips drawn per part (see finish). */
const LABEL_PART = 400;

/** Contents entries drawn per part: the layout of a few pages at a time, not a cohort's. */
const CONTENTS_PART = 150;

/**
 * The front matter in parts of at most `partSize` entries, paged as one drawing would page them:
 * each part but the last drops its last page and the next part starts with that page's first
 * entry (entries are kept whole on a page, so the page breaks fall where they would have).
 */
async function renderContents(plan: BundlePlan, producer: Producer, placed: readonly Placed[], guess: number, partSize: number): Promise<FrontPart[]> {
  const total = plan.packets.length;
  const parts: FrontPart[] = [];
  let from = 0;
  let size = partSize;
  while (from < total) {
    const to = Math.min(from + size, total);
    const bytes = await producer.front(frontJob(plan, placed, guess, from, to));
    const { pages, lastPageTargets } = await inspectLastPageLinks(bytes);
    if (to === total) {
      parts.push({ bytes, pages });
      break;
    }
    const restart = lastPageTargets.map((target) => /^packet-(\d+)$/.exec(target)).find(Boolean);
    const next = restart ? Number(restart[1]) : from;
    if (next <= from) {
      // The part did not fill a page: draw more at once.
      size *= 2;
      continue;
    }
    parts.push({ bytes, pages: pages - 1 });
    from = next;
    size = partSize;
  }
  return parts;
}

/** The front matter as plain data (see FrontJob), its labels assuming `offset` front pages. */
function frontJob(plan: BundlePlan, placed: readonly Placed[], offset: number, from: number, to: number): FrontJob {
  const { ctx, packets, label, titlePage } = plan;
  const sheetsInBundle = sheetsInOrder(packets.flatMap((packet) => packet.sheets.map((sheet) => sheet.id)));
  return {
    kind: 'front',
    metadata: plan.metadata,
    texts: [titlePage.title ?? '', titlePage.subtitle ?? '', titlePage.institution ?? '', ...packets.flatMap((packet) => [packet.title, packet.subtitle ?? ''])],
    props: {
      paper: plan.paper,
      accent: ctx.accent,
      kicker: titlePage.title?.trim() ? ctx.t('bundle.title.kicker') : undefined,
      title: titlePage.title?.trim() || ctx.t('bundle.title.default'),
      subtitle: titlePage.subtitle?.trim() || undefined,
      institution: titlePage.institution?.trim() || undefined,
      sheetsLine: sheetsInBundle.map((sheet) => ctx.t(sheet.title)).join('  ·  '),
      contentsHeading: ctx.t('bundle.contents'),
      contentsContinued: ctx.t('bundle.contents.continued'),
      firstEntry: from,
      entries: packets.slice(from, to).map((packet, at) => {
        const index = from + at;
        return {
          title: packet.title,
          subtitle: packet.subtitle,
          label: label(offset + placed[index]!.start),
          target: `packet-${index}`,
          sheets: packet.sheets.map((sheet, sheetIndex) => ({
            title: ctx.t(sheet.title),
            label: label(offset + placed[index]!.sheetStarts[sheetIndex]!),
            target: `packet-${index}-${sheet.id}`,
          })),
        };
      }),
    },
  };
}

/**
 * Step 5, finish: the front matter goes before the packets, the contents' links point at their
 * pages; the outline, the page labels and the metadata are added and the file is completed.
 */
async function finish(
  plan: BundlePlan,
  assembler: BundleAssembler,
  placed: readonly Placed[],
  front: Front | undefined,
  options: BundleOptions,
): Promise<{ frontPages: number; pages: number }> {
  const { packets } = plan;
  let frontPages = 0;
  if (front) {
    for (const part of front.parts) frontPages += (await assembler.append(part.bytes, frontPages, part.pages)).pages;
    if (frontPages < front.guess) {
      await assembler.insertPadding(frontPages, () => paddingPage(plan));
      frontPages += 1;
    }
    const targets = new Map<string, number>();
    placed.forEach((packet, index) => {
      targets.set(`packet-${index}`, frontPages + packet.start);
      packets[index]!.sheets.forEach((sheet, sheetIndex) => targets.set(`packet-${index}-${sheet.id}`, frontPages + packet.sheetStarts[sheetIndex]!));
    });
    const unresolved = assembler.resolveLinks(
      Array.from({ length: frontPages }, (_, i) => i),
      targets,
    );
    if (unresolved.length > 0) throw new Error(`internal: contents links without a target: ${unresolved.join(', ')}`);
  }

  const open = packets.length <= OPEN_OUTLINE_PACKETS;
  const outline: OutlineItem[] = [];
  if (front) outline.push({ title: plan.ctx.t('bundle.contents'), page: 1 });
  packets.forEach((packet, index) => {
    const at = placed[index]!;
    outline.push({
      title: packet.title,
      page: frontPages + at.start,
      open,
      children: packet.sheets.map((sheet, sheetIndex) => ({ title: plan.ctx.t(sheet.title), page: frontPages + at.sheetStarts[sheetIndex]! })),
    });
  });
  assembler.setOutline(outline);
  if (printsLabels(options)) {
    assembler.setPageLabels(options.pagePrefix ?? '', options.startPage ?? 1);
    // Printed too (books print no number on the title page), so that paper matches the contents.
    const labelled = Array.from({ length: assembler.pageCount }, (_, i) => i).filter((i) => !(plan.frontMatter && i === 0));
    const text = planLearnerText(labelled.map(plan.label));
    const { labelStrips, renderPages } = await drawing();
    // A few hundred strips at a time: one drawing of a cohort's labels would hold every page's layout.
    for (let at = 0; at < labelled.length; at += LABEL_PART) {
      const pages = labelled.slice(at, at + LABEL_PART);
      await assembler.stampLabels(await renderPages(labelStrips(plan.paper, pages.map(plan.label), text.style), plan.metadata, text.families), pages);
    }
  }
  assembler.setMetadata(plan.metadata);
  await assembler.finish();
  return { frontPages, pages: assembler.pageCount };
}

/** Where everything landed, as the API reports it. */
function layoutOf(plan: BundlePlan, placed: readonly Placed[], frontPages: number, pages: number): BundleLayout {
  const { ctx, label } = plan;
  return {
    pages,
    frontPages,
    labels: Array.from({ length: pages }, (_, i) => label(i)),
    packets: plan.packets.map((packet, index): PacketPlacement => {
      const at = placed[index]!;
      return {
        title: packet.title,
        ...(packet.subtitle ? { subtitle: packet.subtitle } : {}),
        page: frontPages + at.start + 1,
        label: label(frontPages + at.start),
        pages: at.pages,
        padding: at.padding,
        sheets: packet.sheets.map((sheet, sheetIndex) => ({
          id: sheet.id,
          title: ctx.t(sheet.title),
          page: frontPages + at.sheetStarts[sheetIndex]! + 1,
          label: label(frontPages + at.sheetStarts[sheetIndex]!),
        })),
      };
    }),
  };
}

/** What a bundle is made of, and where everything landed in it. */
import type { Answers } from '../answers/schema.js';
import type { StoredAnswers } from '../answers/stored.js';
import type { Branding } from '../pdf/branding.js';
import type { Paper } from '../pdf/paper.js';
import type { SheetId } from '../worksheets/model.js';

/** Outline title that marks a sheet's first page in a packet PDF (read back by the assembler). */
export function sheetMarker(sheetId: string): string {
  return `sheet:${sheetId}`;
}

/** One packet of a bundle: a learner's filled worksheets, or a blank set (named for a participant, or not). */
export type PacketInput =
  | {
      kind: 'learner';
      answers: Answers | StoredAnswers;
      /** Where the answers came from; its file name titles the packet when the learner has no name. */
      source?: string;
    }
  | {
      kind: 'blank';
      /** A workshop participant's name, printed in the header of every page; unnamed when absent. */
      name?: string;
      program?: string;
    };

/** A learner packet's answers, read from their store if they are kept in one. */
export function answersOf(packet: { answers: Answers | StoredAnswers }): Answers {
  const { answers } = packet;
  return typeof (answers as Partial<StoredAnswers>).read === 'function' ? (answers as StoredAnswers).read() : (answers as Answers);
}

export interface BundleOptions {
  paper?: Paper;
  locale?: string;
  templatesDir?: string;
  /** A school's branding (from the config file), on every packet page. */
  branding?: Branding;
  /** The date written into the PDF; fixed so reruns give the same bytes. */
  date?: Date;
  /** Title page: the title (default: the product name), a subtitle and the institution. */
  title?: string;
  subtitle?: string;
  institution?: string;
  /**
   * Which sheets every packet has. Default: a learner's packet has the sheets their answers
   * file has answers for (all three if none), a blank packet all three.
   */
  sheets?: readonly SheetId[];
  /** Page labels for a book: `C-` gives C-1, C-2… Labels number every page of the PDF, title page first. */
  pagePrefix?: string;
  /** The label of the first page (default 1). */
  startPage?: number;
  /** Pad the front matter and every packet to an even number of pages, so each starts on a fresh sheet of paper. */
  duplex?: boolean;
  /** Title page and contents (default true). */
  frontMatter?: boolean;
  /** Called after each packet is rendered. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Worker threads rendering packets: 1 renders in this thread; default one per core when there
   * are enough packets to render (a dozen or more). The bytes are the same either way.
   */
  jobs?: number;
  /**
   * Reuse packets rendered before (see src/bundle/cache.ts): a folder, and optionally its size
   * bound in bytes. Default: no cache. The bytes are the same with or without it.
   */
  cache?: { dir: string; maxBytes?: number };
  /**
   * Contents entries drawn at a time (default 150): bounds the contents' layout memory for a
   * large cohort. The pages are the same whatever it is.
   */
  contentsPart?: number;
}

/** Where a sheet starts in the bundle. */
export interface SheetPlacement {
  id: SheetId;
  title: string;
  /** 1-based page number in the PDF. */
  page: number;
  label: string;
}

/** Where a packet landed in the bundle. */
export interface PacketPlacement {
  title: string;
  subtitle?: string;
  /** 1-based page number of its first page. */
  page: number;
  label: string;
  /** Pages of worksheets, then the padding page if any. */
  pages: number;
  padding: number;
  sheets: SheetPlacement[];
}

export interface BundleLayout {
  /** Pages in the PDF. */
  pages: number;
  /** Title page and contents, with their padding page. */
  frontPages: number;
  packets: PacketPlacement[];
  /** Each page's label, in page order. */
  labels: string[];
}

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

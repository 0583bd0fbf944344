/**
 * Answers kept deflated in memory (about a fifth of their parsed size) and parsed again for each
 * use: a bundle of thousands of learners holds every learner's answers from the first check to
 * the last packet. Valid answers are plain JSON data, so they read back exactly.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Answers } from './schema.js';

/**
 * A learner's answers kept compactly until their packet is drawn: a bundle reads them again for
 * each use (its plan keeps none), so that a cohort of thousands holds a few kilobytes a learner.
 */
export interface StoredAnswers {
  read(): Answers;
}

export function storeAnswers(answers: Answers): StoredAnswers {
  // A copy of its own: zlib's result is a view of a 16 KB chunk, which it would keep alive.
  const bytes = new Uint8Array(deflateRawSync(JSON.stringify(answers)));
  return { read: () => JSON.parse(inflateRawSync(bytes).toString('utf8')) as Answers };
}

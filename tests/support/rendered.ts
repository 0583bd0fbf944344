/**
 * Renders made once per test worker: the test files a worker runs share its modules (vitest's
 * isolate: false), and so this cache. Many tests, in several files, only read the same blank form
 * or filled example (its fields, its pages, its fonts): rendering it again for each would be time
 * spent for nothing. Each caller gets its own copy of the bytes. A test of the renderer itself
 * (the same bytes twice, a patch switched off) renders afresh instead.
 */
import { readFile } from 'node:fs/promises';
import { parseAnswers, type Answers } from '../../src/answers/index.js';
import { renderBlank, renderFilled, type BlankOptions, type FillOptions } from '../../src/api.js';

const made = new Map<string, Promise<Uint8Array>>();

/** The API's defaults: `{ paper: 'letter' }` asks for the same render as `{}`. */
const DEFAULTS: Record<string, unknown> = { paper: 'letter', locale: 'en' };

/** Options as a key, whatever order their properties were written in, defaults left out. */
const keyOf = (options: object) =>
  JSON.stringify(
    Object.entries(options)
      .filter(([name, value]) => value !== undefined && DEFAULTS[name] !== value)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

async function once(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let pdf = made.get(key);
  if (!pdf) {
    pdf = render();
    made.set(key, pdf);
  }
  return (await pdf).slice();
}

/** `renderBlank(options)`, rendered once per worker. */
export function blankOnce(options: BlankOptions = {}): Promise<Uint8Array> {
  return once(`blank ${keyOf(options)}`, () => renderBlank(options));
}

/** An example's answers (examples/<name>.json), checked to be valid. */
export async function example(name: string): Promise<Answers> {
  const result = parseAnswers(await readFile(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'), `${name}.json`);
  if (!result.ok) throw new Error(`example ${name} does not validate`);
  return result.answers;
}

/** `renderFilled` of an example as it is, rendered once per worker. */
export function exampleOnce(name: string, options: FillOptions = {}): Promise<Uint8Array> {
  return once(`example ${name} ${keyOf(options)}`, async () => renderFilled(await example(name), options));
}

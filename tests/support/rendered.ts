/**
 * Renders made once per test file. Many tests only read the same blank form or filled example
 * (its fields, its pages): rendering it again for each would double a file's time for nothing.
 * Each caller gets its own copy of the bytes.
 */
import { readFile } from 'node:fs/promises';
import { parseAnswers, type Answers } from '../../src/answers/index.js';
import { renderBlank, renderFilled, type BlankOptions, type FillOptions } from '../../src/api.js';

const made = new Map<string, Promise<Uint8Array>>();

/** Options as a key, whatever order their properties were written in. */
const keyOf = (options: object) => JSON.stringify(Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1)));

async function once(key: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let pdf = made.get(key);
  if (!pdf) {
    pdf = render();
    made.set(key, pdf);
  }
  return (await pdf).slice();
}

/** `renderBlank(options)`, rendered once per file. */
export function blankOnce(options: BlankOptions = {}): Promise<Uint8Array> {
  return once(`blank ${keyOf(options)}`, () => renderBlank(options));
}

/** An example's answers (examples/<name>.json), checked to be valid. */
export async function example(name: string): Promise<Answers> {
  const result = parseAnswers(await readFile(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'), `${name}.json`);
  if (!result.ok) throw new Error(`example ${name} does not validate`);
  return result.answers;
}

/** `renderFilled` of an example as it is, rendered once per file. */
export function exampleOnce(name: string, options: FillOptions = {}): Promise<Uint8Array> {
  return once(`example ${name} ${keyOf(options)}`, async () => renderFilled(await example(name), options));
}

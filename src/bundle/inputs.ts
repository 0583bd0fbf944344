/** The inputs of a bundle: answers files, and folders whose answers files are taken in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface InputProblem {
  file: string;
  message: string;
}

/** The files found, and a problem for each input that gave none (all of them, for one report). */
export interface InputsResult {
  files: string[];
  problems: InputProblem[];
}

/**
 * Expands the inputs in the order given: a file stays as it is; a folder gives its `*.json`
 * files (not those in subfolders, not hidden ones, not `*.schema.json`), sorted by name in a
 * natural order (learner-2 before learner-10) that does not depend on the file system or the
 * locale. A file named twice is taken once, where it first appears.
 */
export async function expandInputs(inputs: readonly string[]): Promise<InputsResult> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      problems.push({ file: input, message: code === 'ENOENT' ? 'no such file or folder' : `cannot read it: ${(error as Error).message}` });
      continue;
    }
    if (!info.isDirectory()) {
      add(input);
      continue;
    }
    const names = (await readdir(input, { withFileTypes: true }))
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => entry.name)
      .filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.') && !name.toLowerCase().endsWith('.schema.json'))
      .sort(naturalCompare);
    if (names.length === 0) problems.push({ file: input, message: 'the folder has no answers files (*.json)' });
    for (const name of names) add(path.join(input, name));
  }
  return { files, problems };
}

/**
 * Compares names by runs of digits as numbers and other runs by code point: locale-independent.
 * Not `Intl.Collator({ numeric: true })`: its order follows language rules from the ICU data of
 * each Node build, and a folder's order decides a bundle's bytes on every machine.
 */
export function naturalCompare(a: string, b: string): number {
  const runs = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const ra = runs(a);
  const rb = runs(b);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = BigInt(x);
      const ny = BigInt(y);
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Small helpers that turn locations and values into the words of a problem message. */
import { distance } from 'fastest-levenshtein';
import type { Node } from 'jsonc-parser';

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["network", "contacts", 2, "tie"]` → `network.contacts[2].tie`; odd keys in brackets. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** "in learner", or "at the top level" for the root object. */
export function placeOf(path: readonly PathSegment[]): string {
  return path.length ? `in ${formatPath(path)}` : 'at the top level';
}

const MAX_FOUND = 60;

/** Cut `s` to about MAX_FOUND code points with an ellipsis, never splitting a character. */
export function shorten(s: string): string {
  const chars = Array.from(s);
  if (chars.length <= MAX_FOUND) return s;
  const head = chars.slice(0, MAX_FOUND - 10).join('');
  return s.startsWith('"') ? `${head}…"` : `${head}…`;
}

/**
 * The value as the author wrote it: the source text of a string, number or literal (so 1e400 or
 * "\u0007" show as typed), or a one-line summary of an object or list.
 */
export function describeNode(node: Node, text: string): string {
  switch (node.type) {
    case 'object':
      return node.children?.length ? `an object {…} with ${plural(node.children.length, 'field')}` : 'an empty object {}';
    case 'array':
      return node.children?.length ? `a list […] of ${plural(node.children.length, 'item')}` : 'an empty list []';
    default:
      return shorten(text.slice(node.offset, node.offset + node.length));
  }
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Lower case without separators, so `time_based`, `TimeBased` and `timebased` all match `timeBased`. */
const fold = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The candidate `word` was probably meant to be, or undefined when none is close: same letters up
 * to case and separators, or at most 2 edits away (1 for words of 4 letters or fewer, where 2 edits
 * would turn almost anything into anything).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const folded = fold(word);
  const exact = candidates.find((c) => fold(c) === folded);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(folded, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const shortest = Math.min(folded.length, best === undefined ? 0 : fold(best).length);
  const allowed = shortest <= 4 ? 1 : 2;
  // "nmae" → "name" is a swap, 2 edits: allow a swap of two adjacent letters as if it were one.
  if (best !== undefined && bestDistance === 2 && isSwap(folded, fold(best))) return best;
  return bestDistance <= allowed ? best : undefined;
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** `"strong", "weak" or "mentor"` style list for messages. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

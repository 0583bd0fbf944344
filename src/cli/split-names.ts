/**
 * File names for a split bundle: each packet named by the safe slug `fill` would give it, and a
 * slug that is already taken (two participants of one name, or names that differ only in case or
 * punctuation) gets the first free suffix -2, -3… in packet order, so reruns name files alike.
 */
import { safeSlug } from './output.js';

export interface SplitStem {
  name: string;
  fallback: string;
}

/**
 * Names packets one at a time, in packet order: each call names the next packet from its name (or
 * fallback). `suffix` goes before ".pdf" ("-fillable").
 */
export function splitFileNamer(suffix: string): (stem: SplitStem) => string {
  // Compared in lower case: macOS and Windows folders do not tell "Sam.pdf" from "sam.pdf".
  const taken = new Set<string>(['index']);
  return ({ name, fallback }) => {
    const slug = safeSlug(name, safeSlug(fallback, 'packet'));
    let stem = slug;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${slug}-${n}`;
    taken.add(stem.toLowerCase());
    return `${stem}${suffix}.pdf`;
  };
}

import { inflateSync } from 'fflate';

/**
 * node:zlib's inflateRawSync, which the unicode-trie patch (patches/) uses in Node, for the
 * browser bundle: the same raw DEFLATE stream gives the same bytes.
 */
export function inflateRawSync(data: Uint8Array): Uint8Array {
  return inflateSync(data);
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** node:buffer's isUtf8 for the answers decoder: the same rules (no overlongs, surrogates, > U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

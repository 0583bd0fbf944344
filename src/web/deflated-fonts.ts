/**
 * The base family's font files travel in app.js deflated (raw DEFLATE, then base64): about 0.2 MB
 * less over the wire than base64 of the TTF, which gzip compresses poorly. The page inflates each
 * back to the very same TTF bytes, so the PDFs are unchanged.
 */
import { inflateSync } from 'fflate';

const CHUNK = 0x8000;

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A font's data: URL (as React-PDF reads it) from its deflated bytes in base64. */
export function inflatedFontUrl(deflatedBase64: string): string {
  return `data:font/ttf;base64,${toBase64(inflateSync(fromBase64(deflatedBase64)))}`;
}

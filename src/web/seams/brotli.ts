/** fontkit's WOFF2 decoder, left out of the page: every bundled font is a TTF. */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not used in the web app');
}

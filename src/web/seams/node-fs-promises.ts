/** node:fs/promises for modules whose file-reading half the page never calls (it reads File objects). */
export function open(): never {
  throw new Error('files are not read this way in the web app');
}

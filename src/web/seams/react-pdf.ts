import { pdf } from '@react-pdf/renderer';
import type { ReactElement } from 'react';

// The browser build of React-PDF, for the core's `import … from '@react-pdf/renderer'`. Its
// typings are `export =`, which TypeScript will not re-export with `*`; esbuild bundles it as ESM.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment -- TS2498 is reported only by the main tsconfig, which does not check src/web, so @ts-expect-error would fail in one of the two
// @ts-ignore TS2498
export * from '@react-pdf/renderer';

/**
 * React-PDF's Node-only renderToBuffer, as the browser can do it (a Blob's bytes), so that
 * src/pdf/render.tsx draws the same document in the page as in the command line.
 */
export async function renderToBuffer(document: ReactElement): Promise<Uint8Array> {
  const blob = await pdf(document as Parameters<typeof pdf>[0]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

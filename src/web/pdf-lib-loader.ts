/**
 * pdf-lib (about 170 kB gzip) is needed only to join a roster's packets, to make a fillable PDF
 * and to read a filled-in one, so the first visit does without it: the page's modules import a stand-in
 * (pln-site:pdf-lib, made by the build from pdf-lib's own export list) whose bindings are filled
 * when pdf-lib's browser build, pdf-lib.js, has loaded as a classic script (which file:// allows).
 */
import { installPdfLib } from 'pln-site:pdf-lib';

declare global {
  interface Window {
    PDFLib?: Record<string, unknown>;
  }
}

let loading: Promise<void> | undefined;

export function ensurePdfLib(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = './pdf-lib.js';
    script.onload = () => {
      installPdfLib(window.PDFLib!);
      resolve();
    };
    script.onerror = () => {
      loading = undefined;
      reject(new Error('the file pdf-lib.js could not be loaded'));
    };
    document.head.append(script);
  });
  return loading;
}

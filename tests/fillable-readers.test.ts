/**
 * Fillable PDFs in pdf.js (Firefox's reader and many web viewers), with NeedAppearances false (as
 * made) and true (as pdf-lib and many form tools leave it): page 1 renders with its fields, and no
 * widget has an empty rectangle (pdf.js cannot make a canvas for one and drops the whole page).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { blankOnce, exampleOnce } from './support/rendered.js';

const EXAMPLES = ['first-year-woop', 'resident-smart', 'multilingual-long'];
const STANDARD_FONTS = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The blank form, or an example's form (each rendered once for the file). */
function fillable(example: string | undefined): Promise<Uint8Array> {
  return example ? exampleOnce(example, { fillable: true }) : blankOnce({ fillable: true });
}

async function withNeedAppearances(pdf: Uint8Array, need: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  doc.getForm().acroForm.dict.set(PDFName.of('NeedAppearances'), need ? PDFBool.True : PDFBool.False);
  return doc.save({ updateFieldAppearances: false });
}

describe('no widget has a zero or negative rectangle', () => {
  for (const example of [undefined, ...EXAMPLES]) {
    it(example ?? 'blank --fillable', async () => {
      const doc = await PDFDocument.load(await fillable(example));
      let widgets = 0;
      for (const [pageIndex, page] of doc.getPages().entries()) {
        const annots = page.node.Annots();
        for (let i = 0; i < (annots?.size() ?? 0); i++) {
          const rect = annots!.lookup(i, PDFDict).lookup(PDFName.of('Rect'), PDFArray).asRectangle();
          expect(rect.width, `page ${pageIndex + 1}, widget ${i + 1}`).toBeGreaterThan(0);
          expect(rect.height, `page ${pageIndex + 1}, widget ${i + 1}`).toBeGreaterThan(0);
          widgets++;
        }
      }
      expect(widgets).toBeGreaterThan(100);
    });
  }
});

describe('pdf.js renders page 1 and all its fields', () => {
  for (const example of [undefined, 'multilingual-long']) {
    for (const need of [false, true]) {
      it(`${example ?? 'blank --fillable'}, NeedAppearances ${need}`, async () => {
        const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
        const data = await withNeedAppearances(await fillable(example), need);
        const widgetCount = (await PDFDocument.load(data)).getPage(0).node.Annots()!.size();
        const pdf = await pdfjs.getDocument({ data, verbosity: 0, standardFontDataUrl: STANDARD_FONTS }).promise;
        try {
          const page = await pdf.getPage(1);
          // As a viewer does: form widgets on canvases of their own, laid under the HTML form layer.
          const viewport = page.getViewport({ scale: 0.5 });
          const factory = (pdf as unknown as { canvasFactory: { create(w: number, h: number): { canvas: never; context: never } } }).canvasFactory;
          const { canvas, context } = factory.create(viewport.width, viewport.height);
          await page.render({ canvas, canvasContext: context, viewport, annotationCanvasMap: new Map(), annotationMode: pdfjs.AnnotationMode.ENABLE_FORMS }).promise;
          // Printed or flattened: every widget's appearance is drawn.
          const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
          expect(ops.fnArray.filter((op) => op === pdfjs.OPS.beginAnnotation)).toHaveLength(widgetCount);
        } finally {
          await pdf.destroy();
        }
      });
    }
  }
});

/** Reads a fillable PDF's marker (what import uses to know the form) from its Info dictionary. */
import { PDFDict, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import { MARKER_INFO_KEY, type FormMarker } from '../../src/pdf/fillable/postprocess.js';

export function formMarker(doc: PDFDocument): FormMarker {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  return JSON.parse(info.lookup(PDFName.of(MARKER_INFO_KEY), PDFHexString).decodeText()) as FormMarker;
}

/**
 * The page's own words (buttons, notices). The worksheets' words come from templates/ through the
 * copy, as in the PDF; these are only the app around them.
 */
const en = {
  privacyTitle: 'Your answers stay on this device',
  privacy:
    'Reflections can touch patient boundaries and your career. This page sends nothing anywhere: it makes the PDF on this device, and saves your answers only in this browser, as you type, until you clear them.',
  clear: 'Clear my answers from this device',
  clearConfirm: 'Your answers were cleared from this device.',
  language: 'Language',
  paper: 'Paper',
  letter: 'Letter',
  a4: 'A4',
  header: 'About you',
  sheets: 'Worksheets',
  preview: 'Preview of the PDF',
  previewBusy: 'Updating the preview…',
  previewReady: 'Preview updated.',
  downloadPdf: 'Download the PDF',
  downloadJson: 'Download answers (JSON)',
  downloadBlank: 'Download the blank set (PDF)',
  importJson: 'Open an answers file (JSON)',
  addRow: 'Add a row',
  removeRow: 'Remove',
  moveUp: 'Move up',
  moveDown: 'Move down',
  row: 'Row',
  tie: 'List',
  rowAdded: 'Row added.',
  rowRemoved: 'Row removed.',
  rowMoved: 'Row moved.',
  dateHint: 'YYYY-MM-DD',
  problems: (n: number) => (n === 1 ? '1 problem to fix before the PDF can be made.' : `${n} problems to fix before the PDF can be made.`),
  imported: 'Answers opened.',
  importProblems: (n: number) => `The file was not opened: ${n === 1 ? '1 problem' : `${n} problems`}, shown at the fields.`,
  renderFailed: 'The PDF could not be made:',
};

const es: typeof en = {
  privacyTitle: 'Tus respuestas se quedan en este dispositivo',
  privacy:
    'Las reflexiones pueden tocar los límites con pacientes y tu carrera. Esta página no envía nada: crea el PDF en este dispositivo y guarda tus respuestas solo en este navegador, mientras escribes, hasta que las borres.',
  clear: 'Borrar mis respuestas de este dispositivo',
  clearConfirm: 'Tus respuestas se borraron de este dispositivo.',
  language: 'Idioma',
  paper: 'Papel',
  letter: 'Carta',
  a4: 'A4',
  header: 'Sobre ti',
  sheets: 'Hojas de trabajo',
  preview: 'Vista previa del PDF',
  previewBusy: 'Actualizando la vista previa…',
  previewReady: 'Vista previa actualizada.',
  downloadPdf: 'Descargar el PDF',
  downloadJson: 'Descargar respuestas (JSON)',
  downloadBlank: 'Descargar las hojas en blanco (PDF)',
  importJson: 'Abrir un archivo de respuestas (JSON)',
  addRow: 'Añadir una fila',
  removeRow: 'Quitar',
  moveUp: 'Subir',
  moveDown: 'Bajar',
  row: 'Fila',
  tie: 'Lista',
  rowAdded: 'Fila añadida.',
  rowRemoved: 'Fila quitada.',
  rowMoved: 'Fila movida.',
  dateHint: 'AAAA-MM-DD',
  problems: (n: number) => (n === 1 ? 'Hay 1 problema que corregir antes de crear el PDF.' : `Hay ${n} problemas que corregir antes de crear el PDF.`),
  imported: 'Respuestas abiertas.',
  importProblems: (n: number) => `No se abrió el archivo: ${n === 1 ? '1 problema' : `${n} problemas`}, señalados en los campos.`,
  renderFailed: 'No se pudo crear el PDF:',
};

export type UiText = typeof en;

export function uiText(locale: string): UiText {
  return locale === 'es' ? es : en;
}

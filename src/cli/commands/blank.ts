import { EXIT } from '../errors.js';
import { parsePaper, parseSheets, pdfDateFromEnvironment } from '../options.js';
import { defaultOutputPath, deliverPdf } from '../output.js';

export interface WorksheetArgs {
  sheet?: string[];
  paper?: string;
  out?: string;
}

export async function runBlank(args: WorksheetArgs): Promise<number> {
  const sheets = parseSheets(args.sheet);
  const paper = parsePaper(args.paper);
  // Lazy: --help and bad flags answer without loading the renderer.
  const { renderBlank, DEFAULT_PDF_DATE } = await import('../../api.js');
  const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);
  const pdf = await renderBlank({ sheets, paper, date });
  const stem = sheets && sheets.length < 3 ? `blank-${sheets.join('-')}-${paper}` : `blank-${paper}`;
  const written = await deliverPdf(pdf, args.out ?? defaultOutputPath(stem));
  if (written) process.stdout.write(`${written}\n`);
  return EXIT.ok;
}

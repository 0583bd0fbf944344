import { EXIT } from '../errors.js';
import { parseSheets, pdfDateFromEnvironment } from '../options.js';
import { resolveSettings, type SettingsArgs } from '../settings.js';
import { defaultOutputPath, deliverPdf, printOut } from '../output.js';

export interface WorksheetArgs extends SettingsArgs {
  sheet?: string[];
  out?: string;
  /** Form fields a reader can type into (`import` reads them back). */
  fillable?: boolean;
}

export async function runBlank(args: WorksheetArgs): Promise<number> {
  const sheets = parseSheets(args.sheet);
  const settings = await resolveSettings(args);
  // Lazy: --help and bad flags answer without loading the renderer.
  const { renderBlank, DEFAULT_PDF_DATE } = await import('../../api.js');
  const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);
  const pdf = await renderBlank({ ...settings, sheets, date, fillable: args.fillable });
  const { paper } = settings;
  const stem = `${sheets && sheets.length < 3 ? `blank-${sheets.join('-')}-${paper}` : `blank-${paper}`}${args.fillable ? '-fillable' : ''}`;
  const written = await deliverPdf(pdf, args.out ?? defaultOutputPath(stem));
  if (written) await printOut(`${written}\n`);
  return EXIT.ok;
}

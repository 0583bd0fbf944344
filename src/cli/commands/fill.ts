import path from 'node:path';
import { formatProblem, loadAnswersFile } from '../../answers/index.js';
import { EXIT, InputError } from '../errors.js';
import { parseSheets, pdfDateFromEnvironment } from '../options.js';
import { resolveSettings, type SettingsArgs } from '../settings.js';
import { warnMissingCharacters } from '../warnings.js';
import { defaultOutputPath, deliverPdf, printOut, safeSlug } from '../output.js';

export interface FillArgs extends SettingsArgs {
  answers: string;
  sheet?: string[];
  out?: string;
  /** A fillable PDF, prefilled with the answers. */
  fillable?: boolean;
}

export async function runFill(args: FillArgs): Promise<number> {
  const sheets = parseSheets(args.sheet);
  const settings = await resolveSettings(args);
  const loaded = await loadAnswersFile(args.answers);
  if (!loaded.ok) throw new InputError(loaded.problems.map(formatProblem));
  // Lazy: a bad file is reported without loading the renderer.
  const { renderFilled, DEFAULT_PDF_DATE } = await import('../../api.js');
  const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);
  const pdf = await renderFilled(loaded.answers, {
    ...settings,
    sheets,
    date,
    fillable: args.fillable,
    onMissingCharacters: (missing) => warnMissingCharacters(args.answers, missing),
  });
  // Named after the learner; a name with no letters or digits (only emoji, say) falls back to the file's name.
  const stem = safeSlug(loaded.answers.learner.name, safeSlug(path.basename(args.answers, path.extname(args.answers))));
  const written = await deliverPdf(pdf, args.out ?? defaultOutputPath(stem, args.fillable ? '-fillable' : ''));
  if (written) await printOut(`${written}\n`);
  return EXIT.ok;
}

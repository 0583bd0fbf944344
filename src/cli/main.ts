import yargs, { type Argv } from 'yargs';
import { ConfigError } from '../config/load.js';
import { TemplateError } from '../copy/copy.js';
import { EXIT, InputError, UsageError } from './errors.js';

const EPILOGUE = 'Exit codes: 0 success, 1 invalid or unreadable input, 2 wrong command line.';

/** Flags shared by the commands that write worksheets. */
export function worksheetFlags<T>(y: Argv<T>) {
  return y
    .option('sheet', {
      type: 'string',
      array: true,
      describe: 'goals, network, social or all (repeatable or comma-separated)',
    })
    .option('paper', { type: 'string', describe: 'letter or a4 (default: the config file\'s, else letter)' })
    .option('out', { type: 'string', describe: 'output PDF file; - writes to standard output (default: a file in out/)' })
    .option('locale', { type: 'string', describe: 'language of the sheets: en, es… (default: the config file\'s, else en)' })
    .option('templates', { type: 'string', describe: 'a folder laid out like templates/ whose files replace the built-in copy' })
    .option('config', { type: 'string', describe: 'settings and branding (default: ./pln-worksheets.config.json if present)' });
}

/** Runs the command line; returns the exit code (the bin sets process.exitCode). */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = EXIT.ok;
  const parser = yargs(joinDashValues(argv))
    .scriptName('pln-worksheets')
    .usage('$0 <command> [options]\n\nPrint-ready personal learning network worksheets.')
    .option('debug', { type: 'boolean', describe: 'show stack traces of unexpected errors' })
    .command(
      'blank',
      'blank worksheets for printing',
      (y) =>
        worksheetFlags(y)
          .option('fillable', { type: 'boolean', default: false, describe: 'form fields to type into in a PDF reader (read back with import)' })
          .example('$0 blank --sheet all --paper a4 --out blank-a4.pdf', 'all three sheets on A4')
          .example('$0 blank --fillable --out form.pdf', 'a fillable form to email to a learner'),
      async (args) => {
        exitCode = await (await import('./commands/blank.js')).runBlank(args);
      },
    )
    .command(
      'fill <answers>',
      "one learner's filled worksheets",
      (y) =>
        worksheetFlags(y)
          .positional('answers', { type: 'string', demandOption: true, describe: 'the answers file (JSON)' })
          .option('fillable', { type: 'boolean', default: false, describe: 'a fillable PDF prefilled with the answers, to keep editing in a reader' })
          .example('$0 fill examples/first-year-woop.json', "the sheets the file has answers for, into out/<learner's name>.pdf")
          .example('$0 fill answers.json --sheet all --paper a4 --out packet.pdf', 'all three sheets; sheets without answers print blank'),
      async (args) => {
        exitCode = await (await import('./commands/fill.js')).runFill(args);
      },
    )
    .command(
      'bundle [inputs..]',
      'many learners and/or blank sets in one PDF (handbook appendix, workshop pack)',
      (y) =>
        worksheetFlags(y)
          .positional('inputs', { type: 'string', array: true, describe: 'answers files, and folders of them (their *.json files, sorted by name)' })
          .option('blank', { type: 'boolean', describe: 'a blank set first' })
          .option('roster', { type: 'string', describe: 'a CSV with a name column (and optional program): a named blank packet per participant' })
          .option('copies', { type: 'number', describe: 'this many unnamed blank packets at the end' })
          .option('duplex', { type: 'boolean', describe: 'pad every packet to an even number of pages, for printing on both sides' })
          .option('title', { type: 'string', describe: 'title page title (default: the product name)' })
          .option('subtitle', { type: 'string', describe: 'title page subtitle' })
          .option('institution', { type: 'string', describe: 'institution on the title page' })
          .option('page-prefix', { type: 'string', describe: 'page labels for a book: C- gives C-1, C-2…' })
          .option('start-page', { type: 'number', describe: 'the first page label number (default 1)' })
          .option('front-matter', { type: 'boolean', describe: 'title page and contents (default true; --no-front-matter leaves them out)' })
          .option('quiet', { type: 'boolean', describe: 'no progress bar' })
          .option('cache', { type: 'boolean', describe: 'reuse packets rendered before (default true; --no-cache builds from scratch)' })
          .option('jobs', { type: 'number', describe: 'worker threads rendering packets (default: one per core for a large bundle)' })
          .example('$0 bundle examples --blank --title "Appendix C: Personal learning network worksheets" --page-prefix C-', 'a handbook appendix: a blank set, then every learner in examples/')
          .example('$0 bundle --roster roster.csv --duplex --copies 2', 'a workshop pack: a named packet per participant, two spare ones, ready for two-sided printing'),
      async (args) => {
        exitCode = await (await import('./commands/bundle.js')).runBundle(args);
      },
    )
    .command(
      'validate <files..>',
      'check answers files; report every problem',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, demandOption: true, describe: 'answers files (JSON)' })
          .example('$0 validate examples/*.json', 'exit 0 when every file is valid, 1 otherwise'),
      async (args) => {
        exitCode = await (await import('./commands/validate.js')).runValidate(args);
      },
    )
    .command(
      'init [file]',
      'write a starter answers file',
      (y) =>
        y
          .positional('file', { type: 'string', default: 'answers.json', describe: 'where to write it' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing file' })
          .example('$0 init my-answers.json', 'a starter file that validates, with "$schema" for editor autocomplete'),
      async (args) => {
        exitCode = await (await import('./commands/init.js')).runInit(args);
      },
    )
    .command(
      'schema',
      'print the answers JSON Schema',
      (y) => y.option('out', { type: 'string', describe: 'write it to a file instead' }).example('$0 schema > answers.schema.json', 'save the schema'),
      async (args) => {
        exitCode = await (await import('./commands/schema.js')).runSchema(args);
      },
    )
    .command(
      'import <pdf>',
      'read a filled-in fillable PDF back into an answers file',
      (y) =>
        y
          .positional('pdf', { type: 'string', demandOption: true, describe: 'a PDF made with blank --fillable or fill --fillable, filled in a reader' })
          .option('out', { type: 'string', describe: 'answers file to write (default: standard output)' })
          .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing --out file' })
          .example('$0 import filled.pdf --out answers.json', 'the answers typed into the form, as an answers file')
          .example('$0 import filled.pdf > answers.json', 'the same, through standard output'),
      async (args) => {
        exitCode = await (await import('./commands/import.js')).runImport(args);
      },
    )
    .example('$0 blank --paper a4', 'blank worksheets, all three sheets, on A4')
    .example('$0 blank --sheet network --out network.pdf', 'just the network map')
    .demandCommand(1, 'name a command: blank, fill, bundle, validate, init, schema or import')
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .epilogue(EPILOGUE)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    return report(error, debug);
  }
}

/** yargs reads a lone "-" as a positional argument; `--out -` means standard output. */
function joinDashValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out' && argv[i + 1] === '-') {
      joined.push('--out=-');
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    process.stderr.write(`pln-worksheets: ${error.message}\nRun "pln-worksheets --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof InputError || error instanceof ConfigError) {
    process.stderr.write(error.lines.map((line) => `${line}\n`).join(''));
    return EXIT.invalidInput;
  }
  if (error instanceof TemplateError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.invalidInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pln-worksheets: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT.invalidInput;
}

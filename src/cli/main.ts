import yargs, { type Argv } from 'yargs';
import { ConfigError } from '../config/load.js';
import { TemplateError } from '../copy/copy.js';
import { EXIT, InputError, UsageError } from './errors.js';
import { plainUsageMessage, unknownCommand } from './usage.js';

const EPILOGUE = 'Exit codes: 0 success, 1 invalid or unreadable input, 2 wrong command line.';

/**
 * Examples as the help's closing text, each command on a line of its own: yargs' two-column
 * examples wrap long commands in the middle, where they can no longer be copied.
 */
function helpEpilogue(examples: readonly (readonly [command: string, description: string])[]): string {
  const lines = examples.map(([command, description]) => `  ${command.replaceAll('$0', 'pln-worksheets')}\n      ${description}`);
  return `Examples:\n${lines.join('\n\n')}\n\n${EPILOGUE}`;
}

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

/** Each command's flags, recorded as yargs builds it, for "did you mean" on a mistyped one. */
const flagsOf: Record<string, string[]> = {};

function known<T>(command: string, y: Argv<T>): Argv<T> {
  const options = (y as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions();
  flagsOf[command] = Object.keys(options.key).filter((name) => name.length > 1 && !name.includes('_'));
  return y;
}

const COMMANDS = ['blank', 'fill', 'bundle', 'validate', 'init', 'schema', 'import'];

/** What a command needs when its file argument is left out. */
const MISSING: Record<string, string> = {
  fill: 'name the answers file to print, e.g. pln-worksheets fill answers.json',
  validate: 'name the answers files to check, e.g. pln-worksheets validate answers.json',
  import: 'name the filled-in PDF to read, e.g. pln-worksheets import filled.pdf --out answers.json',
};

/** Runs the command line; returns the exit code (the bin sets process.exitCode). */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const usage = { argv, commands: COMMANDS, flags: flagsOf, missing: MISSING };
  const notACommand = unknownCommand(usage);
  if (notACommand) return report(new UsageError(notACommand), debug);
  let exitCode: number = EXIT.ok;
  const parser = yargs(joinDashValues(argv))
    .scriptName('pln-worksheets')
    .usage('$0 <command> [options]\n\nPrint-ready personal learning network worksheets.')
    .option('debug', { type: 'boolean', describe: 'show stack traces of unexpected errors' })
    .command(
      'blank',
      'blank worksheets for printing',
      (y) =>
        known('blank',
        worksheetFlags(y)
          .option('fillable', { type: 'boolean', describe: 'form fields to type into in a PDF reader (read back with import)' })
          .epilogue(helpEpilogue([['$0 blank --sheet all --paper a4 --out blank-a4.pdf', 'all three sheets on A4'], ['$0 blank --fillable --out form.pdf', 'a fillable form to email to a learner']]))),
      async (args) => {
        exitCode = await (await import('./commands/blank.js')).runBlank(args);
      },
    )
    .command(
      'fill <answers>',
      "one learner's filled worksheets",
      (y) =>
        known('fill',
        worksheetFlags(y)
          .positional('answers', { type: 'string', demandOption: true, describe: 'the answers file (JSON)' })
          .option('fillable', { type: 'boolean', describe: 'a fillable PDF prefilled with the answers, to keep editing in a reader' })
          .epilogue(helpEpilogue([['$0 fill examples/first-year-woop.json', "the sheets the file has answers for, into out/<learner's name>.pdf"], ['$0 fill answers.json --sheet all --paper a4 --out packet.pdf', 'all three sheets; sheets without answers print blank']]))),
      async (args) => {
        exitCode = await (await import('./commands/fill.js')).runFill(args);
      },
    )
    .command(
      'bundle [inputs..]',
      'many learners and/or blank sets in one PDF (handbook appendix, workshop pack)',
      (y) =>
        known('bundle',
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
          .option('split', { type: 'string', describe: 'one PDF per packet in this folder, named after each person, with an index.csv (name, program, file); no title page or contents' })
          .option('fillable', { type: 'boolean', describe: 'each packet a form to type into (implies --split; default folder out/<roster>-pack/ or out/bundle/)' })
          .option('force', { type: 'boolean', describe: 'with --split: write into a folder that is not empty (files of the same name are replaced)' })
          .epilogue(
            helpEpilogue([
              ['$0 bundle examples --blank --title "Appendix C" --page-prefix C-', 'a handbook appendix: a blank set, then every learner in examples/'],
              ['$0 bundle --roster roster.csv --duplex --copies 2', 'a workshop pack: a named packet per participant, two spare ones, ready for two-sided printing'],
              ['$0 bundle --roster roster.csv --fillable --split forms', 'a fillable packet per participant to email, in forms/, listed in forms/index.csv'],
            ]),
          )),
      async (args) => {
        exitCode = await (await import('./commands/bundle.js')).runBundle(args);
      },
    )
    .command(
      'validate <files..>',
      'check answers files; report every problem',
      (y) =>
        known('validate',
        y
          // No default: yargs' own ([]) would show as "[default: []]" on a required argument.
          .positional('files', { type: 'string', array: true, default: undefined, describe: 'answers files (JSON)' })
          .option('report', { type: 'boolean', describe: 'also say, per sheet and section, what is answered, what is empty and which recommendations are not met' })
          .option('json', { type: 'boolean', describe: 'print the results as JSON, for tools' })
          .epilogue(helpEpilogue([['$0 validate examples/*.json', 'exit 0 when every file is valid, 1 otherwise'], ['$0 validate answers.json --report', 'what is still to do before the next session']]))),
      async (args) => {
        exitCode = await (await import('./commands/validate.js')).runValidate({ ...args, files: args.files ?? [] });
      },
    )
    .command(
      'init [file]',
      'write a starter answers file',
      (y) =>
        known('init',
        y
          .positional('file', { type: 'string', describe: 'where to write it (default: answers.json)' })
          .option('force', { type: 'boolean', describe: 'overwrite an existing file' })
          .option('from', { type: 'string', describe: "the last session's answers file: carry it forward into the next session's" })
          .option('promote', { type: 'string', array: true, describe: 'with --from: a name from "people to add" that is now a contact on the map (repeatable)' })
          .epilogue(helpEpilogue([['$0 init my-answers.json', 'an empty answers file, with "$schema" for editor autocomplete'], ['$0 init --from session-1.json session-2.json', "the next session's file: today's date, session number + 1, the check-in cleared"], ['$0 init --from session-1.json session-2.json --promote "Dr. Lee"', 'the same, with Dr. Lee moved from "people to add" onto the map']]))),
      async (args) => {
        exitCode = await (await import('./commands/init.js')).runInit(args);
      },
    )
    .command(
      'schema',
      'print the answers JSON Schema',
      (y) => known('schema', y.option('out', { type: 'string', describe: 'write it to a file instead' }).epilogue(helpEpilogue([['$0 schema > answers.schema.json', 'save the schema']]))),
      async (args) => {
        exitCode = await (await import('./commands/schema.js')).runSchema(args);
      },
    )
    .command(
      'import <pdf>',
      'read a filled-in fillable PDF back into an answers file',
      (y) =>
        known('import',
        y
          .positional('pdf', { type: 'string', demandOption: true, describe: 'a PDF made with blank --fillable or fill --fillable, filled in a reader' })
          .option('out', { type: 'string', describe: 'answers file to write (default: standard output)' })
          .option('force', { type: 'boolean', describe: 'overwrite an existing --out file' })
          .epilogue(helpEpilogue([['$0 import filled.pdf --out answers.json', 'the answers typed into the form, as an answers file'], ['$0 import filled.pdf > answers.json', 'the same, through standard output']]))),
      async (args) => {
        exitCode = await (await import('./commands/import.js')).runImport(args);
      },
    )
    .epilogue(helpEpilogue([['$0 blank --paper a4', 'blank worksheets, all three sheets, on A4'], ['$0 blank --sheet network --out network.pdf', 'just the network map']]))
    .demandCommand(1, 'name a command: blank, fill, bundle, validate, init, schema or import')
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(plainUsageMessage(message, usage));
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

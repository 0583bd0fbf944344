/**
 * `validate <files..>`: check answers files and report every problem of every file.
 *
 * stdout: one "FILE: valid" line per valid file (in the order given).
 * stderr: one line per problem ("file:line:col: path: message"), at most MAX_PROBLEMS_PER_FILE per
 * file, then "… and N more problems in FILE".
 * Exit 0 when every file is valid, 1 otherwise. A missing, unreadable or malformed file is a
 * located problem like any other, never a stack trace.
 */
import { formatProblem, loadAnswersFile } from '../../answers/index.js';
import { EXIT } from '../errors.js';
import { printOut } from '../output.js';

/** More than this many problems in one file means it is the wrong file, or badly broken. */
export const MAX_PROBLEMS_PER_FILE = 50;

export interface ValidateArgs {
  files: string[];
}

/** One problem per line, whatever the file name or the value found contains. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

export async function runValidate(args: ValidateArgs): Promise<number> {
  let allValid = true;
  for (const file of args.files) {
    const result = await loadAnswersFile(file);
    if (result.ok) {
      await printOut(`${oneLine(file)}: valid\n`);
      continue;
    }
    allValid = false;
    const shown = result.problems.slice(0, MAX_PROBLEMS_PER_FILE);
    const lines = shown.map((problem) => oneLine(formatProblem(problem)));
    const hidden = result.problems.length - shown.length;
    if (hidden > 0) {
      lines.push(`… and ${hidden.toLocaleString('en-US')} more problem${hidden === 1 ? '' : 's'} in ${oneLine(file)}`);
    }
    process.stderr.write(lines.map((line) => `${line}\n`).join(''));
  }
  return allValid ? EXIT.ok : EXIT.invalidInput;
}

/**
 * `validate <files..> [--report] [--json]`: check answers files and report every problem of every
 * file.
 *
 * stdout: one "FILE: valid" line per valid file (in the order given); with --report, under it,
 * what is answered and what is still empty per sheet and section, and the recommendations the
 * answers break (advice, not errors). --json prints one JSON document instead, for tools.
 * stderr: one line per problem ("file:line:col: path: message"), at most MAX_PROBLEMS_PER_FILE per
 * file, then "… and N more problems in FILE".
 * Exit 0 when every file is valid, however incomplete; 1 otherwise. A missing, unreadable or
 * malformed file is a located problem like any other, never a stack trace.
 */
import { formatProblem, loadAnswersFile, type Problem } from '../../answers/index.js';
import { completenessReport, type CompletenessReport } from '../../answers/report.js';
import { reportText } from '../../answers/report-text.js';
import { loadCopy } from '../../copy/load.js';
import { EXIT } from '../errors.js';
import { printOut } from '../output.js';

/** More than this many problems in one file means it is the wrong file, or badly broken. */
export const MAX_PROBLEMS_PER_FILE = 50;

export interface ValidateArgs {
  files: string[];
  report?: boolean;
  json?: boolean;
}

/** One problem per line, whatever the file name or the value found contains. */
function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

type FileResult = { file: string; valid: true; report?: CompletenessReport } | { file: string; valid: false; problems: Problem[] };

export async function runValidate(args: ValidateArgs): Promise<number> {
  const results: FileResult[] = [];
  for (const file of args.files) {
    const result = await loadAnswersFile(file);
    results.push(
      result.ok
        ? { file, valid: true, ...(args.report ? { report: completenessReport(result.answers) } : {}) }
        : { file, valid: false, problems: result.problems },
    );
  }
  if (args.json) {
    const files = results.map((r) => (r.valid ? r : { file: r.file, valid: false, problems: r.problems.map((p) => formatProblem(p)) }));
    await printOut(`${JSON.stringify({ files }, null, 2)}\n`);
  } else {
    const copy = args.report ? await loadCopy('en') : undefined;
    for (const result of results) {
      if (result.valid) {
        await printOut(`${oneLine(result.file)}: valid\n`);
        if (result.report && copy) await printOut(reportText(result.report, copy));
        continue;
      }
      const shown = result.problems.slice(0, MAX_PROBLEMS_PER_FILE);
      const lines = shown.map((problem) => oneLine(formatProblem(problem)));
      const hidden = result.problems.length - shown.length;
      if (hidden > 0) {
        lines.push(`… and ${hidden.toLocaleString('en-US')} more problem${hidden === 1 ? '' : 's'} in ${oneLine(result.file)}`);
      }
      process.stderr.write(lines.map((line) => `${line}\n`).join(''));
    }
  }
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalidInput;
}

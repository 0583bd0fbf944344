/**
 * `schema [--out FILE]`: the answers JSON Schema (draft 2020-12), pretty-printed with a trailing
 * newline, on standard output or written atomically to FILE (whose path is then printed).
 */
import { answersJsonSchema } from '../../answers/index.js';
import { EXIT, UsageError } from '../errors.js';
import { deliverPdf, printOut } from '../output.js';

export interface SchemaArgs {
  out?: string;
}

/** The schema exactly as `schema` prints it and `init` writes it beside the answers file. */
export function schemaText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}

export async function runSchema(args: SchemaArgs): Promise<number> {
  const out = args.out ?? '-';
  if (out === '') throw new UsageError('schema: --out needs a file name (or - for standard output)');
  // deliverPdf is the generic "bytes to a file atomically, or to stdout for -" of the CLI.
  const written = await deliverPdf(new TextEncoder().encode(schemaText()), out, 'the schema');
  if (written) await printOut(`${written}\n`);
  return EXIT.ok;
}

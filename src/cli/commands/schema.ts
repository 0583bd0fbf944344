/**
 * `schema [--out FILE]`: the answers JSON Schema (draft 2020-12), pretty-printed with a trailing
 * newline, on standard output or written atomically to FILE (whose path is then printed).
 */
import { answersJsonSchema } from '../../answers/index.js';
import { NOT_A_REGULAR_FILE } from '../../io/write.js';
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

export function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a part of this path is not a directory';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case NOT_A_REGULAR_FILE:
      return 'it is not a regular file (a device, a pipe or a socket); write to a file name instead';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

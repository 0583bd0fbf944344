import { access, readFile } from 'node:fs/promises';
import { EXIT, InputError } from '../errors.js';
import { printOut, writeOutputFile } from '../output.js';

export interface ImportArgs {
  pdf: string;
  out?: string;
  force?: boolean;
}

/**
 * `import <filled.pdf> [--out answers.json]`: the answers in a fillable PDF, as an answers file.
 * Without --out (or with `--out -`) the JSON goes to standard output, so nothing is written
 * anywhere unasked; with --out it is written atomically, and an existing file is kept unless
 * --force (an answers file is the learner's work; a PDF can always be made again).
 */
export async function runImport(args: ImportArgs): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.pdf);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`${args.pdf}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a PDF' : `cannot be read (${code ?? String(error)})`}`]);
  }
  const toFile = args.out !== undefined && args.out !== '-';
  if (toFile && !args.force) {
    const exists = await access(args.out!).then(
      () => true,
      () => false,
    );
    if (exists) throw new InputError([`${args.out}: already exists; import does not overwrite an answers file without --force`]);
  }
  // Lazy: pdf-lib loads only when there is a PDF to read.
  const { importAnswers, ImportError } = await import('../../import/index.js');
  let json: string;
  try {
    json = `${JSON.stringify(await importAnswers(bytes, args.pdf), null, 2)}\n`;
  } catch (error) {
    if (error instanceof ImportError) throw new InputError(error.lines);
    throw error;
  }
  if (!toFile) {
    await printOut(json, 'the answers');
    return EXIT.ok;
  }
  await writeOutputFile(args.out!, json, 'the answers');
  await printOut(`${args.out}\n`);
  return EXIT.ok;
}

/**
 * `init [file] [--force]`: write a starter answers file (default answers.json) and, beside it,
 * answers.schema.json, which the starter's "$schema" points to for editor autocomplete.
 * `init --from last.json [file] [--promote NAME..]`: the next session's file instead (see
 * answers/next-session.ts); the schema is not written then (the file keeps its own "$schema").
 *
 * - An existing answers file is never overwritten without --force (exit 1, the file untouched);
 *   nothing at all is written in that case.
 * - The schema file is written when absent or with --force; an identical one is left as it is; a
 *   different one (an older version, or the learner's own) is kept, with a note on stderr.
 * - Both are written atomically. The paths written are printed on stdout, one a line.
 */
import { link, lstat, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadAnswersFile, starterAnswers, type Answers } from '../../answers/index.js';
import { NextSessionError, nextSession } from '../../answers/next-session.js';
import { writeFileAtomically } from '../../io/write.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { cannotWrite, printOut, writeFailureReason } from '../output.js';
import { schemaText } from './schema.js';

export const SCHEMA_FILE_NAME = 'answers.schema.json';

export interface InitArgs {
  file?: string;
  force?: boolean;
  /** The last session's answers file: write the next session's. */
  from?: string;
  /** With `from`: names in network.toAdd that move onto the map. */
  promote?: string[];
}

/**
 * The session date, YYYY-MM-DD: today in the local time zone, or, when SOURCE_DATE_EPOCH is set
 * (reproducible builds and tests), that instant's UTC date.
 */
export function sessionDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The next session's answers, from the last session's file. */
async function answersFrom(from: string, promote: readonly string[]): Promise<Answers> {
  const loaded = await loadAnswersFile(from);
  if (!loaded.ok) throw new InputError(loaded.problems.map((problem) => formatProblem(problem)));
  try {
    return nextSession(loaded.answers, { date: sessionDate(), promote });
  } catch (error) {
    if (error instanceof NextSessionError) throw new InputError(error.lines.map((line) => `${from}: ${line}`));
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    // Absent, or under a file: writing it then says why in plain words.
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

const refusal = (file: string) =>
  new InputError([`${file}: already exists, so init left it untouched; use --force to overwrite it`]);

/**
 * Creates `target` with `text`, atomically and only if it does not exist yet: the text goes to a
 * temporary file that is then hard-linked to the target (link never replaces an existing file, so
 * a file created meanwhile by someone else is safe too). Where the file system has no hard links,
 * falls back to an atomic rename after the existence check already done by the caller.
 */
async function createExclusively(target: string, text: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temporary = path.join(dir, `.pln-init-${process.pid}-${Date.now()}.tmp`);
  try {
    await writeFileAtomically(temporary, text);
    try {
      await link(temporary, target);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') throw refusal(target);
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
        await writeFileAtomically(target, text);
      } else throw error;
    }
  } finally {
    await rm(temporary, { force: true });
  }
}

export async function runInit(args: InitArgs): Promise<number> {
  const file = args.file ?? 'answers.json';
  const force = args.force ?? false;
  if (file === '') throw new UsageError('init: the file name is empty');
  const schemaFile = path.join(path.dirname(file), SCHEMA_FILE_NAME);
  if (path.resolve(file) === path.resolve(schemaFile)) {
    throw new UsageError(`init: ${SCHEMA_FILE_NAME} is the schema init writes beside the answers; choose another name, e.g. answers.json`);
  }

  if (args.promote?.length && !args.from) throw new UsageError('init: --promote moves people between sessions; use it with --from LAST-SESSION.json');
  if (args.from !== undefined && path.resolve(args.from) === path.resolve(file)) {
    throw new UsageError(`init: --from and the file to write are the same file (${file}); name a new file for the next session, e.g. session-2.json`);
  }

  if (await isDirectory(file)) throw new InputError([`${file}: is a directory; name the answers file to write, e.g. ${path.join(file, 'answers.json')}`]);
  if (!force && (await exists(file))) throw refusal(file);

  const content = args.from !== undefined ? await answersFrom(args.from, args.promote ?? []) : starterAnswers({ schema: `./${SCHEMA_FILE_NAME}`, date: sessionDate() });
  const answers = `${JSON.stringify(content, null, 2)}\n`;
  try {
    if (force) await writeFileAtomically(file, answers);
    else await createExclusively(file, answers);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotWrite(file, 'the answers file', error);
  }
  const written = [file];
  if (args.from !== undefined) {
    await printOut(`${file}\n`);
    return EXIT.ok;
  }

  const schema = schemaText();
  let current: string | undefined;
  try {
    current = await readFile(schemaFile, 'utf8');
  } catch {
    current = undefined; // absent (or unreadable: writing it will say why)
  }
  if (current !== schema) {
    if (current === undefined || force) {
      try {
        await writeFileAtomically(schemaFile, schema);
        written.push(schemaFile);
      } catch (error) {
        // The answers file is written and valid; it only lacks editor autocomplete.
        await printOut(`${written.join('\n')}\n`);
        throw new InputError([`${schemaFile}: cannot write the schema: ${writeFailureReason(error)} (the answers file was written)`]);
      }
    } else {
      process.stderr.write(
        `note: ${schemaFile} exists and differs from this version's schema; kept it (use --force to replace it)\n`,
      );
    }
  }
  await printOut(`${written.join('\n')}\n`);
  return EXIT.ok;
}

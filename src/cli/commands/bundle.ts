import path from 'node:path';
import { formatProblem, loadAnswersFile } from '../../answers/index.js';
import { storeAnswers } from '../../answers/stored.js';
import { answersOf, type BundleOptions, type PacketInput } from '../../bundle/model.js';
import { expandInputs } from '../../bundle/inputs.js';
import { formatRosterProblem, loadRosterFile } from '../../bundle/roster.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { parsePaper, parseSheets, pdfDateFromEnvironment } from '../options.js';
import { defaultOutputPath, deliverStreamedPdf, printOut } from '../output.js';
import { resolveSettings } from '../settings.js';
import { warnMissingCharacters } from '../warnings.js';
import { checkSplitFolder, writeSplit } from '../split.js';
import { splitFileNamer } from '../split-names.js';

export interface BundleArgs {
  inputs?: string[];
  blank?: boolean;
  roster?: string;
  copies?: number;
  duplex?: boolean;
  title?: string;
  subtitle?: string;
  institution?: string;
  pagePrefix?: string;
  startPage?: number;
  frontMatter?: boolean;
  sheet?: string[];
  paper?: string;
  locale?: string;
  templates?: string;
  out?: string;
  quiet?: boolean;
  config?: string;
  /** Reuse packets rendered by earlier runs (default true; --no-cache builds from scratch). */
  cache?: boolean;
  /** Worker threads rendering packets (default: one per core for a large bundle). */
  jobs?: number;
  /** A folder: one PDF per packet, plus index.csv, instead of one bundle PDF. */
  split?: string;
  /** Each packet a fillable form (implies split). */
  fillable?: boolean;
  /** Write into a split folder that is not empty. */
  force?: boolean;
}

/** Most unnamed packets one run makes: far above a workshop, far below a runaway. */
const MAX_COPIES = 1000;
/** Most worker threads: each holds its own renderer (about 100 MB). */
const MAX_JOBS = 16;

export async function runBundle(args: BundleArgs): Promise<number> {
  // The command line first: a wrong flag is exit 2 whatever the files say.
  const copies = args.copies;
  if (copies !== undefined && (!Number.isInteger(copies) || copies < 0 || copies > MAX_COPIES)) {
    throw new UsageError(`--copies must be a whole number from 0 to ${MAX_COPIES}, found ${String(copies)}`);
  }
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1 || args.jobs > MAX_JOBS)) {
    throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, found ${String(args.jobs)}`);
  }
  if (args.startPage !== undefined && (!Number.isInteger(args.startPage) || args.startPage < 1)) {
    throw new UsageError(`--start-page must be a whole number of 1 or more, found ${String(args.startPage)}`);
  }
  if (args.split !== undefined && args.split.trim() === '') throw new UsageError('--split needs a folder name, e.g. --split forms');
  if (args.split !== undefined && args.out !== undefined) throw new UsageError('--split writes a folder of PDFs, --out one bundle PDF: use one of them');
  if (args.fillable && args.out !== undefined) throw new UsageError('--fillable writes one PDF per packet (a form per person) into a folder: use --split FOLDER instead of --out');
  if (args.force && args.split === undefined && !args.fillable) throw new UsageError('--force only applies with --split or --fillable');
  const flagSheets = parseSheets(args.sheet);
  if (args.paper !== undefined) parsePaper(args.paper);
  const inputs = args.inputs ?? [];
  if (inputs.length === 0 && !args.blank && !args.roster && !copies) {
    throw new UsageError('nothing to bundle: name answers files or folders, or use --blank, --roster FILE or --copies N');
  }

  const settings = await resolveSettings(args);
  const defaults = settings.bundle;
  const sheets = flagSheets ?? parseSheets(defaults.sheets);
  // The bundle's own paper default beats the config file's general one; a flag beats both.
  const paper = args.paper !== undefined ? parsePaper(args.paper) : (defaults.paper ?? settings.paper);

  // Every input is read and checked before anything is rendered: one run reports every problem.
  const problems: string[] = [];
  const packets: PacketInput[] = [];
  if (args.blank) packets.push({ kind: 'blank' });
  const expanded = await expandInputs(inputs);
  problems.push(...expanded.problems.map((problem) => `${problem.file}: ${problem.message}`));
  const { missingCharacters } = await import('../../api.js');
  for (const file of expanded.files) {
    const loaded = await loadAnswersFile(file);
    if (!loaded.ok) {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    warnMissingCharacters(file, await missingCharacters(loaded.answers));
    // Kept deflated until drawn: memory then grows by a few kilobytes a learner, not the answers'.
    packets.push({ kind: 'learner', answers: storeAnswers(loaded.answers), source: file });
  }
  if (args.roster) {
    const roster = await loadRosterFile(args.roster);
    if (!roster.ok) problems.push(...roster.problems.map(formatRosterProblem));
    else for (const participant of roster.participants) packets.push({ kind: 'blank', name: participant.name, program: participant.program });
  }
  for (let i = 0; i < (copies ?? 0); i++) packets.push({ kind: 'blank' });
  if (problems.length > 0) throw new InputError(problems);
  const splitDir = args.split ?? (args.fillable ? path.join('out', defaultStem(args)) : undefined);
  if (splitDir !== undefined) await checkSplitFolder(splitDir, args.force ?? false);

  const { writeBundle, eachPacketFile, DEFAULT_PDF_DATE } = await import('../../api.js');
  const { defaultCacheDir } = await import('../../bundle/cache.js');
  const date = pdfDateFromEnvironment(process.env, DEFAULT_PDF_DATE);
  const progress = !args.quiet && process.stderr.isTTY ? await startProgress(packets.length) : undefined;
  const cache = args.cache === false ? undefined : { dir: defaultCacheDir() };
  if (splitDir !== undefined) {
    const nameFile = splitFileNamer(args.fillable ? '-fillable' : '');
    let written: string[];
    try {
      written = await writeSplit(splitDir, (write) =>
        eachPacketFile(packets, { ...settings, paper, sheets, date, fillable: args.fillable ?? false, onProgress: ({ done }) => progress?.update(done), jobs: args.jobs, cache }, (file, index) => {
          const packet = packets[index]!;
          const fallback = packet.kind === 'learner' && packet.source ? path.basename(packet.source, path.extname(packet.source)) : file.title;
          return write({ name: file.title, ...(file.subtitle ? { program: file.subtitle } : {}), file: nameFile({ name: packetName(packet), fallback }), pdf: file.pdf });
        }),
      );
    } finally {
      progress?.stop();
    }
    await printOut(written.map((file) => `${file}\n`).join(''));
    return EXIT.ok;
  }
  const out = args.out ?? defaults.out ?? defaultOutputPath(defaultStem(args));
  let written: string | undefined;
  try {
    const options: BundleOptions = {
      ...settings,
      paper,
      sheets,
      date,
      title: args.title ?? defaults.title,
      subtitle: args.subtitle ?? defaults.subtitle,
      institution: args.institution ?? defaults.institution ?? settings.branding?.institution?.name,
      pagePrefix: args.pagePrefix ?? defaults.pagePrefix,
      startPage: args.startPage ?? defaults.startPage,
      duplex: args.duplex ?? defaults.duplex ?? false,
      frontMatter: args.frontMatter ?? defaults.frontMatter ?? true,
      onProgress: ({ done }) => progress?.update(done),
      jobs: args.jobs,
      cache,
    };
    // Streamed into the output's temporary file: a cohort's bundle is never held whole in memory.
    ({ written } = await deliverStreamedPdf(out, (sink) => writeBundle(packets, sink, options)));
  } finally {
    progress?.stop();
  }
  if (written) await printOut(`${written}\n`);
  return EXIT.ok;
}

/** The person a packet is for: the learner's or participant's name ("" for an unnamed blank set). */
function packetName(packet: PacketInput): string {
  return (packet.kind === 'learner' ? answersOf(packet).learner.name : (packet.name ?? '')).trim();
}

/** out/bundle.pdf, or out/<roster>-pack.pdf for a workshop pack. */
function defaultStem(args: BundleArgs): string {
  if (args.roster && (args.inputs ?? []).length === 0) return `${path.basename(args.roster, path.extname(args.roster))}-pack`;
  return 'bundle';
}

/** A progress bar on standard error (a terminal): packets done, of how many, and the time left. */
async function startProgress(total: number): Promise<{ update(done: number): void; stop(): void }> {
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    format: 'Bundling {bar} {value}/{total} learners | {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
    barsize: 24,
    etaBuffer: 8,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

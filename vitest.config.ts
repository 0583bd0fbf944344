import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The tests run React's production build, as the command line (bin/pln-worksheets.js) and the page
 * (its build defines it) do: the development build's checks and warnings change no byte, and cost
 * rendering time. Set here, after vitest's own default ("test") and before its workers start, which
 * take the variable from this process; JSX compiles for the production runtime too.
 */
process.env.NODE_ENV = 'production';

/**
 * The fast loop (`npm run test:fast`): unit tests and the command line's contract (flags, exit
 * codes, messages), which render little or nothing. Everything else renders and rasterises PDFs
 * (the one-file build's comparisons with the modules, cli-launch, render whole packets and bundles).
 * `npm test` runs both projects.
 */
const FAST = [
  'tests/answers/**/*.test.ts',
  'tests/unicode/text-model.test.ts',
  'tests/shaping.test.ts',
  'tests/bundle-roster.test.ts',
  'tests/precompiled-templates.test.ts',
  'tests/cli-answers.test.ts',
  'tests/cli-blank.test.ts',
  'tests/split-names.test.ts',
  'tests/fonts.test.ts',
  'tests/wrap.test.ts',
  'tests/web/preview-pause.test.ts',
  'tests/postinstall.test.ts',
  'tests/text-patches.test.ts',
];
const ALL = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
/**
 * Files that need a fresh module graph of their own: font-loading checks which fonts a fresh
 * renderer has opened, support.test registers fonts and a hyphenation callback of its own, and
 * render-scripts checks the line breaking registerFonts installs. Each runs in a worker thread of
 * its own (no process.chdir there, which these do not need). Every other file shares its worker
 * process with the files run before it, so React-PDF, the fonts, the worksheet code and the
 * renders of tests/support/rendered.ts load once per worker, not once per file.
 */
const ISOLATED = ['tests/support.test.ts', 'tests/unicode/font-loading.test.ts', 'tests/unicode/render-scripts.test.tsx'];
const EXCLUDE = ['**/node_modules/**', 'dist/**', 'tests/.artifacts/**'];

/**
 * The files that take longest, longest first (alone on the development machine: the web app's
 * page, bundles in worker threads, the global install, the other browser files, the property
 * tests). Two workers each take the next file when free, so a long file started last runs alone at
 * the end while the other worker waits. vitest orders by the durations of the last run on this
 * machine, if any, else by file size: a fresh clone (CI) started bundle-parallel 40th, and a
 * partial run (`-t`) records a long file as short.
 */
const LONGEST_FIRST = [
  'tests/web/app.test.ts',
  'tests/bundle-parallel.test.ts',
  'tests/install.test.ts',
  'tests/web/tools.test.ts',
  'tests/web/subpath.test.ts',
  'tests/fill-nothing-lost.test.ts',
  'tests/cli-launch.test.ts',
  'tests/renderer-patch.test.ts',
  'tests/web/site-build.test.ts',
  'tests/import-property.test.ts',
  'tests/fillable.test.ts',
  'tests/import.test.ts',
];

/** LONGEST_FIRST, then the rest in vitest's own order. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(path.relative(this.ctx.config.root, file.moduleId).split(path.sep).join('/'));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    // Rendering and rasterising PDFs takes seconds, more on a busy 2-core box.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores, so two worker processes, each running one file after another and keeping the
    // modules it loaded (isolate: false on the pool; a project-level isolate alone still starts a
    // process per file). The few ISOLATED files get a fresh worker thread each.
    sequence: { sequencer: LongestFirst },
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    poolOptions: {
      // Each worker collects its garbage on its own thread: with two workers, Chromium and the
      // CLIs the tests start all busy on two cores, V8's parallel collector threads only wait for
      // each other (the suite took some 30 CPU-seconds more with them). A 64 MB young generation:
      // rendering allocates fast and most of it dies young, so fewer scavenges copy fewer survivors
      // (the workers' minor collections took about a third less time).
      forks: { isolate: false, execArgv: ['--single-threaded-gc', '--max-semi-space-size=64'] },
      threads: { isolate: true, maxThreads: 1 },
    },
    projects: [
      { extends: true, test: { name: 'fast', include: FAST, exclude: EXCLUDE } },
      // The web app's tests share one build of the site, made before any file runs.
      { extends: true, test: { name: 'render', include: ALL, exclude: [...EXCLUDE, ...FAST, ...ISOLATED], globalSetup: ['tests/web/support/global-site.ts'] } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDE, pool: 'threads' } },
    ],
  },
});

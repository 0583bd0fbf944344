import { defineConfig } from 'vitest/config';

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
];
const ALL = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
/**
 * Files that need a process of their own. Every other file shares its worker's modules with the
 * files run before it (isolate: false), so React-PDF, the fonts and the worksheet code load once
 * per worker, not once per file. These cannot: font-loading checks which fonts a fresh process has
 * opened, support.test registers fonts and a hyphenation callback of its own, render-scripts
 * checks the line breaking registerFonts installs, and the web app's tests load dist/'s copy of the
 * modules, which would register a second copy of the fonts on the same renderer.
 */
const ISOLATED = ['tests/support.test.ts', 'tests/unicode/font-loading.test.ts', 'tests/unicode/render-scripts.test.tsx', 'tests/web/**/*.test.ts'];
const EXCLUDE = ['**/node_modules/**', 'dist/**', 'tests/.artifacts/**'];

export default defineConfig({
  test: {
    environment: 'node',
    // Rendering and rasterising PDFs takes seconds, more on a busy 2-core box.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Separate processes: react-pdf and MuPDF (WebAssembly) keep per-process
    // state and memory. Two cores, so at most two test files at once.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { extends: true, test: { name: 'fast', include: FAST, exclude: EXCLUDE, isolate: false } },
      { extends: true, test: { name: 'render', include: ALL, exclude: [...EXCLUDE, ...FAST, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDE } },
    ],
  },
});

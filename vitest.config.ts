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
];
const ALL = ['tests/**/*.test.ts', 'tests/**/*.test.tsx'];
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
      { extends: true, test: { name: 'fast', include: FAST, exclude: EXCLUDE } },
      { extends: true, test: { name: 'render', include: ALL, exclude: [...EXCLUDE, ...FAST] } },
    ],
  },
});

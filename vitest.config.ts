import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'dist/**', 'tests/.artifacts/**'],
    environment: 'node',
    // Rendering and rasterising PDFs takes seconds, more on a busy 2-core box.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Separate processes: react-pdf and MuPDF (WebAssembly) keep per-process
    // state and memory. Two cores, so at most two test files at once.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});

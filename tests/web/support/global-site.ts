/**
 * Builds the web app once for the whole run (vitest's globalSetup, in its main process) and gives
 * the browser tests its folder: they only read it. Building it inside each test file cost each a
 * few seconds, and allocating the site's megabytes of font strings in a worker whose heap earlier
 * files had grown made that worker's garbage collector run for tens of seconds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../../src/scripts/build-site.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site, built from this checkout with the built-in templates. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await mkdtemp(path.join(os.tmpdir(), 'pln-site-shared-'));
  await buildSite({ outDir: site });
  project.provide('siteDir', site);
  return () => rm(site, { recursive: true, force: true });
}

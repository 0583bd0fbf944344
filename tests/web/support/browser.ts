/**
 * A real Chromium for the web app's tests, from Debian's `chromium` package (.ci/run installs it)
 * or CHROMIUM_PATH; never downloaded. Without one the tests are skipped locally, and fail in CI.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

export const LAUNCH_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser profile (its own user-data-dir), with downloads allowed. */
export async function launch(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium: install Debian\'s chromium package or set CHROMIUM_PATH');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'pln-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_FLAGS,
    acceptDownloads: true,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

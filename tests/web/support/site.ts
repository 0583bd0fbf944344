/**
 * What the web app's browser tests share: the site (built once per run, global-site.ts) opened in a
 * fresh Chromium with every request recorded, axe-core run in the page, and a downloaded PDF
 * compared object by object with the command line's.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launch, type Browser } from './browser.js';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface SiteSession {
  /** A temporary folder for the test's own files. */
  work: string;
  /** The built site, shared by the run's test files: read, never written. */
  site: string;
  browser: Browser;
  page: Page;
  /** Every URL the browser asked for. */
  requests: string[];
}

/** The site this run built (global-site.ts). */
export const builtSite = (): string => inject('siteDir');

/** A new temporary folder (named from `prefix`) and a page (not yet navigated) in a fresh browser. */
export async function openSite(prefix: string): Promise<SiteSession> {
  const work = await mkdtemp(path.join(os.tmpdir(), prefix));
  const site = builtSite();
  const browser = await launch();
  const requests: string[] = [];
  browser.context.on('request', (request) => requests.push(request.url()));
  const page = await browser.context.newPage();
  return { work, site, browser, page, requests };
}

/**
 * The requests that left the site: anything but its own files, data: and blob: URLs, and the
 * browser's built-in PDF viewer (which shows the preview) loading its own chrome:// resources.
 */
export function requestsElsewhere(session: Pick<SiteSession, 'site' | 'requests'>): string[] {
  const own = pathToFileURL(session.site).href;
  return session.requests.filter((url) => !url.startsWith(own) && !/^(data|blob|chrome|chrome-extension):/.test(url));
}

/** axe-core's violations in the page as it stands, none expected; `state` names it in a failure. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    type Axe = { run(context: Document, options: { resultTypes: string[] }): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    // Every rule runs; only the passes' and the inapplicable rules' node lists are left short
    // (axe-core's option for large pages), which the violations do not depend on.
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe violations (${state})`).toEqual([]);
}

/**
 * Every object of a PDF, by number, streams inflated (as qpdf --qdf shows them), then the trailer's
 * /ID. The browser build's deflate packs the same streams into other bytes, so two PDFs are compared
 * this way: the same objects are the same pages, fonts, links and form fields.
 */
export async function decodedObjects(pdf: Uint8Array): Promise<string[]> {
  const { context } = await PDFDocument.load(pdf, { updateMetadata: false });
  const objects = context.enumerateIndirectObjects().map(([ref, object]) => {
    if (!(object instanceof PDFRawStream)) return `${ref} ${object}`;
    // The compressed length is the deflater's; the inflated bytes are the content.
    const dict = object.dict.clone();
    dict.delete(PDFName.of('Length'));
    return `${ref} ${dict} stream ${Buffer.from(decodePDFRawStream(object).decode()).toString('base64')}`;
  });
  return [...objects, `ID ${context.trailerInfo.ID}`];
}

/** A PDF the web app made is the command line's, object for object. */
export async function expectSamePdf(ours: Uint8Array, theirs: Uint8Array): Promise<void> {
  expect(await decodedObjects(ours)).toEqual(await decodedObjects(theirs));
}

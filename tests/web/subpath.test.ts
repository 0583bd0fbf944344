/**
 * The site served over http from a sub-path of a static host (as a school would host it), not only
 * opened from file://: the page, its lazily loaded font and names scripts, and the PDF download
 * all resolve under that path, and nothing is asked of any other place.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseText, pdfText } from '../support/pdf.js';
import { CHROMIUM, launch, type Browser } from './support/browser.js';
import { builtSite } from './support/site.js';

const BASE = '/some/path/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

let site: string;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

/** A plain static host: files of `site` under BASE, 404 for anything else. */
function serve(root: string): Promise<Server> {
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const file = url.pathname === BASE ? 'index.html' : url.pathname.startsWith(BASE) ? decodeURIComponent(url.pathname.slice(BASE.length)) : undefined;
    if (!file || file.split('/').includes('..')) return void response.writeHead(404).end();
    readFile(path.join(root, file)).then(
      (body) => response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve(http)));
}

describe.skipIf(!CHROMIUM)('web app served from a sub-path', () => {
  beforeAll(async () => {
    site = builtSite();
    server = await serve(site);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
    browser.context.on('request', (request) => requests.push(request.url()));
    page = await browser.context.newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads, fetches fonts and names under the path, and downloads the PDF', async () => {
    await page.goto(`${origin}${BASE}`);
    await page.waitForSelector('body[data-ready=true]');
    await page.focus('#f-learner-name');
    await page.keyboard.type('Noa Levi');
    await page.focus('#f-goals-woop-wish');
    await page.keyboard.type('שלום \u{1F99C}');
    await page.waitForFunction(() => document.querySelector('[data-error-for="goals.woop.wish"]')?.textContent?.includes('U+1F99C') ?? false, undefined, { timeout: 60_000 });
    await page.focus('#download-pdf');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    const pdf = new Uint8Array(await readFile((await download.path())!));
    expect(normaliseText((await pdfText(pdf)).join(' '))).toContain('Noa Levi');
    const here = requests.filter((url) => url.startsWith(origin)).map((url) => url.slice(origin.length));
    expect(here).toEqual(expect.arrayContaining([BASE, `${BASE}app.js`, `${BASE}app.css`, `${BASE}fonts/noto-sans-hebrew.js`, `${BASE}names.js`]));
    expect(here.filter((url) => !url.startsWith(BASE))).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|chrome|chrome-extension):/.test(url))).toEqual([]);
  }, 300_000);

  it('downloads the fillable PDF under the path, loading pdf-lib and the typing font from it', async () => {
    await page.focus('#download-fillable');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    const form = (await PDFDocument.load(await readFile((await download.path())!))).getForm();
    expect(form.getTextField('learner.name').getText()).toBe('Noa Levi');
    expect(form.getTextField('goals.woop.wish').getText()).toBe('שלום \u{1F99C}');
    const here = requests.filter((url) => url.startsWith(origin)).map((url) => url.slice(origin.length));
    expect(here).toEqual(expect.arrayContaining([`${BASE}pdf-lib.js`, `${BASE}fonts/dejavu-sans.js`]));
    expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob|chrome|chrome-extension):/.test(url))).toEqual([]);
  }, 300_000);

  it('says why when the typing font cannot be loaded, and downloads no fillable PDF', async () => {
    const fresh = await browser.context.newPage();
    await fresh.route('**/fonts/dejavu-sans.js', (route) => route.abort());
    let downloads = 0;
    fresh.on('download', () => downloads++);
    await fresh.goto(`${origin}${BASE}`);
    await fresh.waitForSelector('body[data-ready=true]');
    await fresh.focus('#download-fillable');
    await fresh.keyboard.press('Enter');
    await fresh.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('The PDF could not be made:') ?? false, undefined, { timeout: 60_000 });
    expect(await fresh.textContent('#announcer')).toContain('fonts/dejavu-sans.js could not be loaded');
    expect(downloads).toBe(0);
    await fresh.close();
  }, 120_000);

  it('says why when a font script cannot be loaded, and downloads nothing', async () => {
    const fresh = await browser.context.newPage();
    await fresh.route('**/fonts/noto-sans-hebrew.js', (route) => route.abort());
    let downloads = 0;
    fresh.on('download', () => downloads++);
    await fresh.goto(`${origin}${BASE}`);
    await fresh.waitForSelector('body[data-ready=true]');
    await fresh.focus('#f-goals-woop-wish');
    await fresh.keyboard.type('שלום');
    await fresh.focus('#download-pdf');
    await fresh.keyboard.press('Enter');
    await fresh.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('The PDF could not be made:') ?? false, undefined, { timeout: 60_000 });
    expect(await fresh.textContent('#announcer')).toContain('fonts/noto-sans-hebrew.js could not be loaded');
    expect(downloads).toBe(0);
    await fresh.close();
  }, 120_000);
});

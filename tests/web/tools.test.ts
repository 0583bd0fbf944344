/**
 * The web app's tools beside the form, in a real Chromium opened from file://: the completeness
 * report as `validate --report` words it, following the typing; coach mode, where a roster (a file
 * or pasted text) gives the same named blank packets as `pln-worksheets bundle --roster` and a bad
 * roster shows bundle's own located errors. axe-core in each state; no request leaves the site.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { pageSizes, pdfText } from '../support/pdf.js';
import { CHROMIUM } from './support/browser.js';
import { expectNoAxeViolations, expectSamePdf, openSite, requestsElsewhere, type SiteSession } from './support/site.js';

/** Quoted commas in a name and a program, a doubled quote, a blank row, CRLF line ends. */
const ROSTER = 'Name,Program\r\n"Lima, Ana","Internal Medicine, PGY-1"\r\n\r\n"Chen ""Bo""",Surgery\r\nZoë Adeyemi,\r\n';
/** Three located problems: an unquoted comma, a program without a name, a name too long. */
const BAD_ROSTER = `name,program\nLima, Ana,IM\n,Surgery\n${'x'.repeat(200)},IM\nOk Person,IM\n`;

let work: string;
let site: string;
let page: Page;
let session: SiteSession;
/** The pack the roster file made (duplex), which the pasted roster must give byte for byte. */
let packFromFile: Uint8Array | undefined;

const axeViolations = (state: string) => expectNoAxeViolations(page, state);

async function makePack(): Promise<{ name: string; bytes: Uint8Array }> {
  await page.focus('#make-pack');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.keyboard.press('Enter')]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile((await download.path())!)) };
}


describe.skipIf(!CHROMIUM)('web app tools in Chromium', () => {
  beforeAll(async () => {
    session = await openSite('pln-coach-');
    ({ work, site, page } = session);
    await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
    await page.waitForSelector('body[data-ready=true]');
  }, 300_000);

  afterAll(async () => {
    await session?.browser.close();
    if (session) expect(requestsElsewhere(session)).toEqual([]);
  });

  it('shows the completeness report in validate --report\'s words, following the typing, politely', async () => {
    await page.focus('#f-learner-name');
    await page.keyboard.type('Dr. Amara Okafor');
    await page.waitForFunction(() => /answers given/.test(document.getElementById('report-summary')?.textContent ?? ''));
    const reportFor = async (): Promise<string[]> => {
      await page.focus('#download-json');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      await writeFile(path.join(work, 'answers.json'), await readFile((await download.path())!));
      const cli = await runCli(['validate', 'answers.json', '--report'], { cwd: work });
      expect(cli.code).toBe(0);
      return cli.stdout.toString('utf8').trimEnd().split('\n').slice(1).map((line) => line.trim());
    };
    const shown = async (): Promise<string[]> => [
      (await page.textContent('#report-summary'))!,
      ...(await page.$$eval('#report-lines li', (items) => items.map((item) => item.textContent!))),
    ];
    expect(await shown()).toEqual(await reportFor());
    expect(await page.getAttribute('#report-summary', 'aria-live')).toBe('polite');
    const before = (await page.textContent('#report-summary'))!;

    // Typing a field's words, slowly enough for a preview between keystrokes, changes the status
    // line once (its total), not at every preview.
    await page.evaluate(() => {
      const w = window as unknown as { summaryChanges: number };
      w.summaryChanges = 0;
      new MutationObserver(() => (w.summaryChanges += 1)).observe(document.getElementById('report-summary')!, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('#f-goals-woop-wish');
    await page.keyboard.type('Yes', { delay: 600 });
    await page.waitForFunction((b) => document.getElementById('report-summary')?.textContent !== b, before);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { summaryChanges: number }).summaryChanges)).toBe(1);
    expect(await shown()).toEqual(await reportFor());
    expect((await shown()).join('\n')).toContain('WOOP');
    await axeViolations('the completeness report');
  });

  it('a roster file with quoted commas gives the packets of `bundle --roster --duplex`', async () => {
    const rosterFile = path.join(work, 'roster.csv');
    await writeFile(rosterFile, ROSTER);
    await page.setInputFiles('#roster-file', rosterFile);
    await page.waitForFunction(() => document.getElementById('roster-chosen')?.textContent?.includes('roster.csv'));
    await page.focus('#roster-duplex');
    await page.keyboard.press('Space');
    const ours = await makePack();
    packFromFile = ours.bytes;
    expect(ours.name).toBe('roster-pack.pdf');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('3 packets'));
    const cliPdf = path.join(work, 'cli-pack.pdf');
    const cli = await runCli(['bundle', '--roster', 'roster.csv', '--duplex', '--no-cache', '--out', cliPdf], { cwd: work });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const theirs = new Uint8Array(await readFile(cliPdf));
    const text = await pdfText(ours.bytes);
    expect(text).toEqual(await pdfText(theirs));
    for (const name of ['Lima, Ana', 'Internal Medicine, PGY-1', 'Chen "Bo"', 'Zoë Adeyemi']) expect(text.join('\n')).toContain(name);
    expect(await pageSizes(ours.bytes)).toEqual(await pageSizes(theirs));
    await expectSamePdf(ours.bytes, theirs);
    await axeViolations('a roster made into packets');
  });

  it('the same roster pasted gives the same PDF, byte for byte', async () => {
    await page.fill('#roster-text', ROSTER);
    expect(await page.textContent('#roster-chosen')).toBe('');
    const pasted = await makePack();
    expect(packFromFile).toBeDefined();
    expect(Buffer.from(pasted.bytes).equals(Buffer.from(packFromFile!))).toBe(true);
  });

  it('a bad roster shows bundle\'s errors, located, and downloads nothing', async () => {
    const rosterFile = path.join(work, 'bad.csv');
    await writeFile(rosterFile, BAD_ROSTER);
    const cli = await runCli(['bundle', '--roster', 'bad.csv', '--no-cache', '--out', path.join(work, 'bad.pdf')], { cwd: work });
    expect(cli.code).toBe(1);
    const cliLines = cli.stderr.split('\n').filter((line) => line.startsWith('bad.csv:'));
    expect(cliLines).toHaveLength(3);

    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await page.setInputFiles('#roster-file', rosterFile);
    await page.waitForFunction(() => document.getElementById('roster-chosen')?.textContent?.includes('bad.csv'));
    await page.focus('#make-pack');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('3 problems'));
    const shown = await page.$$eval('#roster-problems li', (items) => items.map((item) => item.textContent));
    expect(shown).toEqual(cliLines);
    expect(await page.getAttribute('#roster-file', 'aria-invalid')).toBe('true');
    await axeViolations('roster problems shown');

    // Pasted, the roster is named as pasted, at the same lines.
    await page.fill('#roster-text', BAD_ROSTER);
    await page.focus('#make-pack');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('roster-problems')?.textContent?.includes('pasted roster:2:'));
    const pasted = await page.$$eval('#roster-problems li', (items) => items.map((item) => item.textContent));
    expect(pasted).toEqual(cliLines.map((line) => line.replace(/^bad\.csv:/, 'pasted roster:')));
    await page.waitForTimeout(500);
    expect(downloads).toBe(0);
  });
});

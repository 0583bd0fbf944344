/**
 * The web app in a real Chromium, opened from file:// as a learner opens out/site/index.html:
 * keyboard-only typing through the header and goal sheet, the downloaded PDF against the command
 * line's `fill` of the downloaded answers, import errors at their fields, reload and clear, fonts
 * fetched only when needed, axe-core in every state, and no request to any other origin.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../dist/api.js';
import { buildSite } from '../../dist/scripts/build-site.js';
import { runCli } from '../support/cli.js';
import { normaliseText, pdfText, rasterise } from '../support/pdf.js';
import { CHROMIUM, launch, type Browser } from './support/browser.js';
import { expectScreenshotMatches } from './support/screenshots.js';

const require = createRequire(import.meta.url);
const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

if (!CHROMIUM && process.env.CI === 'true') throw new Error('CI=true but no Chromium: .ci/run installs Debian\'s chromium package');

/** What a resident types, field by field (element ids are the answers paths). */
const LEARNER: Record<string, string> = {
  'f-learner-name': 'Dr. Amara Okafor',
  'f-learner-program': 'Internal Medicine, PGY-2',
  'f-coach-name': 'Dr. Lena Ruiz',
  'f-session-date': '2026-03-14',
  'f-session-number': '2',
  'f-goals-priorities-0': 'Point-of-care ultrasound skills',
  'f-goals-priorities-1': 'Becoming a better teacher for students',
  'f-goals-priorities-2': 'Finding a research mentor',
  'f-goals-focus': 'Point-of-care ultrasound skills',
  'f-goals-woop-timeframe': 'the next three months',
  'f-goals-woop-wish': 'Perform and document twenty supervised cardiac ultrasounds.',
  'f-goals-woop-outcome': 'I would assess unstable patients faster on night shifts and feel confident teaching interns.',
  'f-goals-woop-feeling': 'Calm and capable at the bedside.',
  'f-goals-woop-obstacle': 'I put off asking for supervision because I do not want to slow the team down.',
  'f-goals-woop-plan-if': 'If I hesitate to ask for supervision on a busy shift',
  'f-goals-woop-plan-then': 'then I will message the ultrasound fellow before rounds to book a slot.',
  'f-goals-smart-draft': 'Get better at ultrasound.',
  'f-goals-smart-specific': 'Twenty supervised cardiac ultrasound studies.',
  'f-goals-smart-measurable': 'Logged in the department ultrasound portfolio.',
  'f-goals-smart-assignable': 'Me, with the ultrasound fellow signing off.',
  'f-goals-smart-relevant': 'Night-shift assessment of unstable patients.',
  'f-goals-smart-timeBased': 'By 30 June 2026.',
  'f-goals-smart-statement': 'By 30 June 2026 I will complete and log twenty supervised cardiac ultrasounds, signed off by the fellow.',
  'f-goals-coachSupport': 'Check my log at each session and introduce me to the fellowship director.',
  'f-goals-nextCheckIn': 'in four weeks',
};

const EXPECTED_ANSWERS = {
  version: 1,
  learner: { name: LEARNER['f-learner-name'], program: LEARNER['f-learner-program'] },
  coach: { name: LEARNER['f-coach-name'] },
  session: { date: '2026-03-14', number: 2 },
  goals: {
    // The third priority was moved up one row with Alt+ArrowUp.
    priorities: [LEARNER['f-goals-priorities-0'], LEARNER['f-goals-priorities-2'], LEARNER['f-goals-priorities-1']],
    focus: LEARNER['f-goals-focus'],
    woop: {
      timeframe: LEARNER['f-goals-woop-timeframe'],
      wish: LEARNER['f-goals-woop-wish'],
      outcome: LEARNER['f-goals-woop-outcome'],
      feeling: LEARNER['f-goals-woop-feeling'],
      obstacle: LEARNER['f-goals-woop-obstacle'],
      plan: { if: LEARNER['f-goals-woop-plan-if'], then: LEARNER['f-goals-woop-plan-then'] },
    },
    smart: {
      draft: LEARNER['f-goals-smart-draft'],
      specific: LEARNER['f-goals-smart-specific'],
      measurable: LEARNER['f-goals-smart-measurable'],
      assignable: LEARNER['f-goals-smart-assignable'],
      relevant: LEARNER['f-goals-smart-relevant'],
      timeBased: LEARNER['f-goals-smart-timeBased'],
      statement: LEARNER['f-goals-smart-statement'],
    },
    coachSupport: LEARNER['f-goals-coachSupport'],
    nextCheckIn: LEARNER['f-goals-nextCheckIn'],
  },
};

let work: string;
let site: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];

async function axeViolations(state: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected scripts.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe violations (${state})`).toEqual([]);
}

async function previews(): Promise<number> {
  return Number((await page.getAttribute('body', 'data-previews')) ?? 0);
}

/** Waits for a preview made after `after` previews, and for no newer one to be due. */
async function previewSettled(after: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset.previews ?? 0) > n, after, { timeout: 120_000 });
  await page.waitForTimeout(800);
  await page.waitForFunction(() => document.getElementById('preview-status')?.textContent !== 'Updating the preview…', undefined, { timeout: 120_000 });
}

async function waitForText(selector: string, text: string): Promise<void> {
  await page.waitForFunction(([s, t]) => document.querySelector(s!)?.textContent?.includes(t!) ?? false, [selector, text]);
}

async function open(): Promise<void> {
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
  await page.waitForSelector('body[data-ready=true]');
}

async function downloadBytes(buttonId: string): Promise<Buffer> {
  await page.focus(`#${buttonId}`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
  return readFile((await download.path())!);
}

describe.skipIf(!CHROMIUM)('web app (out/site) in Chromium', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'pln-site-'));
    site = path.join(work, 'site');
    await buildSite({ outDir: site });
    browser = await launch();
    browser.context.on('request', (request) => requests.push(request.url()));
    page = await browser.context.newPage();
    await open();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    // Every request stayed in the page: its own files, data: and blob: URLs (and the browser's
    // built-in PDF viewer, which shows the preview, loading its own chrome:// resources).
    const elsewhere = requests.filter((url) => !url.startsWith(pathToFileURL(site).href) && !/^(data|blob|chrome|chrome-extension):/.test(url));
    expect(elsewhere).toEqual([]);
  });

  it('opens with no fonts beyond Latin, labelled, private, and passes axe', async () => {
    expect(await page.locator('#f-learner-name').count()).toBe(1);
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("default-src 'none'");
    expect(requests.filter((url) => url.includes('/fonts/'))).toEqual([]);
    // Each control is labelled with the sheet's printed prompt.
    expect(await page.locator('label[for="f-goals-woop-wish"]').textContent()).toBe('Wish');
    expect(await page.getAttribute('#f-goals-woop-wish', 'aria-describedby')).toContain('f-goals-woop-wish-hint');
    await axeViolations('first visit');
  });

  it('takes a learner typing with the keyboard alone; the PDF holds every answer and matches `fill` of the exported JSON', async () => {
    const typed = new Set<string>();
    let rowsToAdd = 2;
    const before = await previews();
    await page.keyboard.press('Tab');
    for (let step = 0; step < 200; step++) {
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id === 'download-pdf') break;
      if (LEARNER[id] !== undefined && !typed.has(id)) {
        await page.keyboard.type(LEARNER[id]!);
        typed.add(id);
        if (id === 'f-goals-priorities-2') {
          await page.keyboard.press('Alt+ArrowUp');
          await page.waitForFunction(() => document.activeElement?.id === 'f-goals-priorities-1');
          await page.keyboard.press('Tab'); // past the moved row's buttons, on with the list
          continue;
        }
      } else if (id === 'f-goals-priorities-add' && rowsToAdd > 0) {
        rowsToAdd--;
        await page.keyboard.press('Enter');
        await page.waitForFunction((n) => document.activeElement?.id === `f-goals-priorities-${n}`, 2 - rowsToAdd);
        continue;
      }
      await page.keyboard.press('Tab');
    }
    expect([...typed].sort()).toEqual(Object.keys(LEARNER).sort());
    await previewSettled(before);
    expect(await page.textContent('#preview-status')).toBe('Preview updated.');
    await axeViolations('filled goal sheet');

    const json = await downloadBytes('download-json');
    expect(JSON.parse(json.toString('utf8'))).toEqual(EXPECTED_ANSWERS);
    const pdf = new Uint8Array(await downloadBytes('download-pdf'));

    const text = normaliseText((await pdfText(pdf)).join(' ')).replace(/\s+/g, ' ');
    // The date prints as the sheets' language writes dates, as `fill` prints it.
    const printed = { ...LEARNER, 'f-session-date': formatDate(LEARNER['f-session-date']!, 'en') };
    expect(printed['f-session-date']).toBe('Mar 14, 2026');
    for (const answer of Object.values(printed)) expect(text).toContain(answer.replace(/\s+/g, ' '));

    const jsonFile = path.join(work, 'answers.json');
    const cliPdf = path.join(work, 'cli.pdf');
    await writeFile(jsonFile, json);
    const cli = await runCli(['fill', jsonFile, '--out', cliPdf], { cwd: work });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const [ours, theirs] = await Promise.all([rasterise(pdf), rasterise(new Uint8Array(await readFile(cliPdf)))]);
    expect(ours.length).toBe(theirs.length);
    ours.forEach((png, i) => {
      const a = PNG.sync.read(png);
      const b = PNG.sync.read(theirs[i]!);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      const diff = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
      expect(diff, `page ${i + 1}: pixels that differ from fill's`).toBeLessThanOrEqual(a.width * a.height * 0.0001);
    });
  });

  it('keeps the answers on reload, and the clear button removes them', async () => {
    await open();
    expect(await page.inputValue('#f-learner-name')).toBe(LEARNER['f-learner-name']);
    expect(await page.inputValue('#f-goals-priorities-1')).toBe(LEARNER['f-goals-priorities-2']);
    await page.focus('#clear');
    await page.keyboard.press('Enter');
    await waitForText('#announcer', 'Your answers were cleared from this device.');
    expect(await page.inputValue('#f-learner-name')).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('pln-worksheets:draft'))).toBeNull();
    await axeViolations('cleared');
    await open();
    expect(await page.inputValue('#f-learner-name')).toBe('');
    expect(await page.inputValue('#f-goals-woop-wish')).toBe('');
  });

  it('shows each of three mistakes of an imported answers file at its field, in validate\'s words', async () => {
    const file = path.join(work, 'mistakes.json');
    await writeFile(
      file,
      JSON.stringify({ learner: { name: 'Sam Lee' }, session: { date: '2026-02-30', number: 0 }, goals: { woop: { wish: 42 } } }, null, 2),
    );
    const validate = await runCli(['validate', file], { cwd: work });
    expect(validate.code).toBe(1);
    const lines = validate.stderr.split('\n').filter((line) => line.includes('mistakes.json:'));
    expect(lines).toHaveLength(3);
    await page.setInputFiles('#import-json', file);
    await waitForText('#announcer', '3 problems');
    for (const [field, path_] of [
      ['f-session-date', 'session.date'],
      ['f-session-number', 'session.number'],
      ['f-goals-woop-wish', 'goals.woop.wish'],
    ] as const) {
      const slot = page.locator(`[data-error-for="${path_}"]`);
      expect(await slot.isVisible()).toBe(true);
      const line = lines.find((l) => l.includes(`: ${path_}: `))!;
      const message = line.slice(line.indexOf(`: ${path_}: `) + 2);
      expect(await slot.textContent()).toContain(message);
      expect(await page.getAttribute(`#${field}`, 'aria-invalid')).toBe('true');
    }
    // Nothing was taken from the bad file.
    expect(await page.inputValue('#f-learner-name')).toBe('');
    await axeViolations('import errors');
  });

  it('fetches the Chinese, Arabic and Hebrew fonts only when an answer needs them', async () => {
    const fonts = () => requests.filter((url) => url.includes('/fonts/')).map((url) => path.basename(url));
    expect(fonts()).toEqual([]);
    const steps: [string, string, string][] = [
      ['f-goals-woop-wish', '学习超声', 'noto-sans-sc.js'],
      ['f-goals-woop-outcome', 'أن أتعلم', 'ibm-plex-sans-arabic.js'],
      ['f-goals-woop-feeling', 'שלום', 'noto-sans-hebrew.js'],
    ];
    const expected: string[] = [];
    for (const [field, text, script] of steps) {
      const before = await previews();
      await page.focus(`#${field}`);
      await page.keyboard.type(text);
      await previewSettled(before);
      expected.push(script);
      expect(fonts()).toEqual(expected);
    }
  });

  it('looks right at 1280×800 and on a phone (390×844)', async () => {
    const before = await previews();
    await page.focus('#clear');
    await page.keyboard.press('Enter');
    await previewSettled(before);
    await page.focus('#f-learner-name');
    await page.keyboard.type('Dr. Amara Okafor');
    // The PDF viewer inside the preview draws on its own schedule: masked in the baselines.
    const mask = [page.locator('#preview-frame')];
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectScreenshotMatches(await page.screenshot({ mask }), 'form-1280x800');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectScreenshotMatches(await page.screenshot({ mask }), 'form-390x844');
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-phone-full.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-desktop.png') });
    await axeViolations('phone');
  });
});

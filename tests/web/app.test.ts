/**
 * The web app in a real Chromium, opened from file:// as a learner opens out/site/index.html:
 * keyboard-only typing through the header and goal sheet, the downloaded PDF against the command
 * line's `fill` of the downloaded answers, import errors at their fields, reload and clear, fonts
 * fetched only when needed, axe-core in every state, and no request to any other origin.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PDFCheckBox, PDFDocument, PDFDropdown, PDFTextField } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/api.js';
import { SHEETS, sheetFields } from '../../src/worksheets/index.js';
import { runCli } from '../support/cli.js';
import { normaliseText, pageSizes, pdfText } from '../support/pdf.js';
import { CHROMIUM } from './support/browser.js';
import { decodedObjects, expectNoAxeViolations, expectSamePdf, openSite, requestsElsewhere, type SiteSession } from './support/site.js';
import { expectScreenshotMatches } from './support/screenshots.js';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));

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
  // Network map: the connection lists (rows added per list), the tables, the writing.
  'f-network-contacts-0-name': 'Dr. Lena Ruiz',
  'f-network-contacts-0-role': 'Coach',
  'f-network-contacts-0-notes': 'Monthly check-ins',
  'f-network-contacts-1-name': 'Tomás Vega',
  'f-network-contacts-1-role': 'Co-resident',
  'f-network-contacts-2-name': 'Dr. Wei Chen',
  'f-network-contacts-2-role': 'Ultrasound fellow',
  'f-network-contacts-3-name': 'Internal medicine interest group',
  'f-network-contacts-4-name': 'Dr. Ruth Adeyemi',
  'f-network-contacts-4-role': 'Program director',
  'f-network-gaps': 'Few contacts in research and outside my hospital.',
  'f-network-toAdd-0-name': 'Dr. Sam Patel',
  'f-network-toAdd-0-role': 'Cardiologist',
  'f-network-toAdd-0-why': 'Echo research',
  'f-network-toAdd-0-how': 'Ask Dr. Chen',
  'f-network-toAdd-0-by': 'April',
  'f-network-toAdd-1-name': 'Jo Kim',
  'f-network-toAdd-1-why': 'Teaching awards',
  'f-network-toAdd-1-how': 'Cold email',
  'f-network-toAdd-1-by': 'May',
  'f-network-actions-0-action': 'Ask for an intro',
  'f-network-actions-0-skill': 'A short pitch',
  'f-network-actions-0-support': 'My coach',
  'f-network-actions-0-by': 'March',
  'f-network-actions-1-action': 'Follow up',
  'f-network-actions-1-by': 'June',
  'f-network-maintain': 'A thank-you note after each shift with the fellow.',
  // Social media reflection.
  'f-social-interests-0': 'Point-of-care ultrasound',
  'f-social-interests-1': 'Medical education',
  'f-social-otherPurpose': 'Find a research collaborator',
  'f-social-audience': 'Residents and students who are learning ultrasound.',
  'f-social-knownFor-0': 'curious',
  'f-social-knownFor-1': 'careful',
  'f-social-knownFor-2': 'generous teacher',
  'f-social-platforms-0-name': 'LinkedIn',
  'f-social-platforms-0-handle': 'amara-okafor',
  'f-social-platforms-0-why': 'Programs and mentors',
  'f-social-platforms-1-name': 'X',
  'f-social-platforms-1-handle': '@amara_pocus',
  'f-social-platforms-1-why': 'The #MedEd community',
  'f-social-bio': 'IM resident (PGY-2). Learning and teaching bedside ultrasound. Views my own.',
  'f-social-hashtags-0': '#MedEd',
  'f-social-hashtags-1': '#POCUS',
  'f-social-follow-0': '@ACEP_POCUS',
  'f-social-follow-1': '@WeiChenEcho',
  'f-social-follow-2': '@ACP_IMlearning',
  'f-social-follow-3': '@SAEMedEd',
  'f-social-follow-4': '@FOAMedDigest',
  'f-social-share': 'Teaching cases without patient details, in a friendly tone.',
  'f-social-timeBudget': '20 minutes, three times a week',
  'f-social-guardrail-if': 'If I am tempted to post about a hard shift',
  'f-social-guardrail-then': 'then I will write it in my journal instead.',
  'f-social-discussion': 'We agreed on LinkedIn first and X later.',
  'f-social-reviewDate': 'in six weeks',
};

/** Choices made from the keyboard: a select's option by typing its first letters, a box by Space. */
const CHOOSE: Record<string, string> = {
  'f-network-contacts-0-area': 'Pro',
  'f-network-contacts-1-area': 'Inf',
  'f-network-contacts-2-area': 'Exp',
  'f-network-contacts-3-area': 'Aca',
  'f-network-contacts-4-area': 'Aca',
  'f-network-toAdd-0-area': 'Exp',
  'f-network-toAdd-1-area': 'Aca',
};
const TICK = new Set([
  'f-social-purposes-learn',
  'f-social-purposes-network',
  'f-social-purposes-share-work',
  'f-social-boundaries-patient-privacy',
  'f-social-boundaries-permanence',
  'f-social-boundaries-institution-policy',
  'f-social-boundaries-self-audit',
]);
/** Rows added with the Add button, by button. */
const ADD: Record<string, number> = {
  'f-goals-priorities-add': 2,
  'f-network-contacts-strong-add': 2,
  'f-network-contacts-weak-add': 2,
  'f-network-contacts-mentor-add': 1,
  'f-network-toAdd-add': 1,
  'f-network-actions-add': 1,
  'f-social-interests-add': 1,
  'f-social-knownFor-add': 2,
  'f-social-platforms-add': 1,
  'f-social-hashtags-add': 1,
  'f-social-follow-add': 4,
};

const L = (id: string) => LEARNER[id]!;

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
  network: {
    contacts: [
      { name: L('f-network-contacts-0-name'), role: L('f-network-contacts-0-role'), notes: L('f-network-contacts-0-notes'), tie: 'strong', area: 'professional-identity' },
      { name: L('f-network-contacts-1-name'), role: L('f-network-contacts-1-role'), tie: 'strong', area: 'informal' },
      { name: L('f-network-contacts-2-name'), role: L('f-network-contacts-2-role'), tie: 'weak', area: 'expertise' },
      { name: L('f-network-contacts-3-name'), tie: 'weak', area: 'academic' },
      { name: L('f-network-contacts-4-name'), role: L('f-network-contacts-4-role'), tie: 'mentor', area: 'academic' },
    ],
    gaps: L('f-network-gaps'),
    toAdd: [
      { name: L('f-network-toAdd-0-name'), role: L('f-network-toAdd-0-role'), area: 'expertise', why: L('f-network-toAdd-0-why'), how: L('f-network-toAdd-0-how'), by: L('f-network-toAdd-0-by') },
      { name: L('f-network-toAdd-1-name'), area: 'academic', why: L('f-network-toAdd-1-why'), how: L('f-network-toAdd-1-how'), by: L('f-network-toAdd-1-by') },
    ],
    actions: [
      { action: L('f-network-actions-0-action'), skill: L('f-network-actions-0-skill'), support: L('f-network-actions-0-support'), by: L('f-network-actions-0-by') },
      { action: L('f-network-actions-1-action'), by: L('f-network-actions-1-by') },
    ],
    maintain: L('f-network-maintain'),
  },
  social: {
    interests: [L('f-social-interests-0'), L('f-social-interests-1')],
    purposes: ['learn', 'network', 'share-work'],
    otherPurpose: L('f-social-otherPurpose'),
    audience: L('f-social-audience'),
    knownFor: [L('f-social-knownFor-0'), L('f-social-knownFor-1'), L('f-social-knownFor-2')],
    platforms: [0, 1].map((i) => ({ name: L(`f-social-platforms-${i}-name`), handle: L(`f-social-platforms-${i}-handle`), why: L(`f-social-platforms-${i}-why`) })),
    bio: L('f-social-bio'),
    hashtags: [L('f-social-hashtags-0'), L('f-social-hashtags-1')],
    follow: [0, 1, 2, 3, 4].map((i) => L(`f-social-follow-${i}`)),
    share: L('f-social-share'),
    boundaries: ['patient-privacy', 'permanence', 'institution-policy', 'self-audit'],
    timeBudget: L('f-social-timeBudget'),
    guardrail: { if: L('f-social-guardrail-if'), then: L('f-social-guardrail-then') },
    discussion: L('f-social-discussion'),
    reviewDate: L('f-social-reviewDate'),
  },
};

/** Every answers path the worksheet model prints (the map prints the connection lists' contacts). */
const MODEL_PATHS = Object.values(SHEETS)
  .flatMap(sheetFields)
  .filter((field) => field.kind !== 'quadrantMap')
  .flatMap((field) => (field.kind === 'checklist' && field.other ? [field.path, field.other.path] : [field.path]));

let work: string;
let site: string;
let page: Page;

let session: SiteSession;

const axeViolations = (state: string) => expectNoAxeViolations(page, state);

/** The scripts only the fillable PDF needs (pdf-lib and the typing font), as far as they were fetched. */
const lazyLoaded = () => session.requests.filter((url) => /\/(pdf-lib|fonts\/dejavu-sans)\.js$/.test(url)).map((url) => path.basename(url));

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

async function announced(text: string): Promise<void> {
  await waitForText('#announcer', text);
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

/** `pln-worksheets fill` of downloaded answers, with `flags`: what it said, and the PDF it wrote. */
async function fillOf(json: Buffer, flags: string[]): Promise<{ stderr: string; pdf: Uint8Array }> {
  const jsonFile = path.join(work, 'answers.json');
  const cliPdf = path.join(work, 'cli.pdf');
  await writeFile(jsonFile, json);
  const cli = await runCli(['fill', jsonFile, '--out', cliPdf, ...flags], { cwd: work });
  expect(cli.code, cli.stderr).toBe(0);
  return { stderr: cli.stderr, pdf: new Uint8Array(await readFile(cliPdf)) };
}

/** The downloaded PDF against `pln-worksheets fill` of the downloaded answers. */
async function expectSameAsFill(json: Buffer, pdf: Uint8Array, flags: string[]): Promise<void> {
  const fill = await fillOf(json, flags);
  expect(fill.stderr).toBe('');
  await expectSamePdf(pdf, fill.pdf);
}

/** A PDF's form fields in order: name, kind and value (text, ticked, or the chosen option). */
async function formFields(pdf: Uint8Array): Promise<[string, string, unknown][]> {
  const form = (await PDFDocument.load(pdf)).getForm();
  return form.getFields().map((field) => {
    const value =
      field instanceof PDFTextField ? field.getText() : field instanceof PDFCheckBox ? field.isChecked() : field instanceof PDFDropdown ? field.getSelected() : undefined;
    return [field.getName(), field.constructor.name, value];
  });
}

/**
 * Types an answer into the focused box: its first two letters key by key (each a keydown, input
 * and keyup the form must take without losing the focus or moving the caret), the rest as one
 * input, as a paste, an input method or dictation enters text. Each key is a round trip to the
 * browser, and on a busy machine the keyboard test's time is mostly those round trips.
 */
async function typeAnswer(text: string): Promise<void> {
  const chars = [...text];
  await page.keyboard.type(chars.slice(0, 2).join(''));
  if (chars.length > 2) await page.keyboard.insertText(chars.slice(2).join(''));
}

/** Picks a select's option from the keyboard: focus, then type the first letters of its words. */
async function choose(id: string, letters: string): Promise<void> {
  await page.focus(`#${id}`);
  await page.keyboard.type(letters);
}

describe.skipIf(!CHROMIUM)('web app (out/site) in Chromium', () => {
  beforeAll(async () => {
    session = await openSite('pln-site-');
    ({ work, site, page } = session);
    await open();
  }, 300_000);

  afterAll(async () => {
    await session?.browser.close();
    // Every request stayed in the page.
    if (session) expect(requestsElsewhere(session)).toEqual([]);
  });

  it('opens with no fonts beyond Latin, labelled, private, and passes axe', async () => {
    expect(await page.locator('#f-learner-name').count()).toBe(1);
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toContain("default-src 'none'");
    expect(session.requests.filter((url) => url.includes('/fonts/'))).toEqual([]);
    // Each control is labelled with the sheet's printed prompt.
    expect(await page.locator('label[for="f-goals-woop-wish"]').textContent()).toBe('Wish');
    expect(await page.getAttribute('#f-goals-woop-wish', 'aria-describedby')).toContain('f-goals-woop-wish-hint');
    await axeViolations('first visit');
  });

  it('has a control for every field of the worksheet model', async () => {
    const missing = await page.evaluate((paths) => paths.filter((p) => !document.querySelector(`[data-path="${p}"], [data-path^="${p}["], [data-path^="${p}."]`)), MODEL_PATHS);
    expect(MODEL_PATHS).toContain('social.bio');
    expect(missing).toEqual([]);
  });

  it('takes a learner typing with the keyboard alone through all three sheets; the PDF holds every answer and matches `fill` of the exported JSON', async () => {
    const typed = new Set<string>();
    const chosen = new Set<string>();
    const adds = { ...ADD };
    const before = await previews();
    await page.focus('#f-learner-name');
    for (let step = 0; step < 600; step++) {
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (id === 'download-pdf') break;
      // The downloads come right after the form, before the PDF viewer's own controls.
      expect(id, 'the focus reached the preview before the download buttons').not.toBe('preview-frame');
      if (LEARNER[id] !== undefined && !typed.has(id)) {
        await typeAnswer(LEARNER[id]!);
        typed.add(id);
        if (id === 'f-goals-priorities-2') {
          await page.keyboard.press('Alt+ArrowUp');
          await page.waitForFunction(() => document.activeElement?.id === 'f-goals-priorities-1');
          await page.keyboard.press('Tab'); // past the moved row's buttons, on with the list
          continue;
        }
      } else if (CHOOSE[id] !== undefined && !chosen.has(id)) {
        await page.keyboard.type(CHOOSE[id]!);
        chosen.add(id);
      } else if (TICK.has(id) && !chosen.has(id)) {
        await page.keyboard.press('Space');
        chosen.add(id);
      } else if ((adds[id] ?? 0) > 0) {
        adds[id]!--;
        await page.keyboard.press('Enter');
        // The new row's first box takes the focus once the form is rebuilt.
        await page.waitForFunction((button) => document.activeElement?.id !== button && document.activeElement?.tagName === 'INPUT', id);
        continue;
      }
      await page.keyboard.press('Tab');
    }
    expect(adds).toEqual(Object.fromEntries(Object.keys(ADD).map((k) => [k, 0])));
    expect([...chosen].sort()).toEqual([...Object.keys(CHOOSE), ...TICK].sort());
    // The bio's count, as the sheet counts it, shown under the box and tied to it.
    expect(await page.textContent('#f-social-bio-count')).toBe(`${[...L('f-social-bio')].length} of 160 characters`);
    expect(await page.getAttribute('#f-social-bio', 'aria-describedby')).toContain('f-social-bio-count');
    expect([...typed].sort()).toEqual(Object.keys(LEARNER).sort());
    await previewSettled(before);
    expect(await page.textContent('#preview-status')).toBe('Preview updated.');
    // The viewer opens without its page thumbnails, the sheet fitted to the frame's width.
    expect(await page.getAttribute('#preview-frame', 'src')).toMatch(/^blob:.*#navpanes=0&view=FitH$/);
    await axeViolations('all three sheets filled');

    const json = await downloadBytes('download-json');
    expect(JSON.parse(json.toString('utf8'))).toEqual(EXPECTED_ANSWERS);
    const pdf = new Uint8Array(await downloadBytes('download-pdf'));

    // Without white space: a bio prints one character per box, and answers wrap where `fill` wraps them.
    const text = normaliseText((await pdfText(pdf)).join(' ')).replace(/\s+/g, '');
    // The date prints as the sheets' language writes dates, as `fill` prints it.
    const printed = { ...LEARNER, 'f-session-date': formatDate(LEARNER['f-session-date']!, 'en') };
    expect(printed['f-session-date']).toBe('Mar 14, 2026');
    for (const answer of Object.values(printed)) expect(text).toContain(normaliseText(answer).replace(/\s+/g, ''));

    await expectSameAsFill(json, pdf, []);
  }, 600_000);

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
    // An edit just before the import: its preview finishes after the import failed, and must not
    // take the file's problems away.
    const before = await previews();
    await page.fill('#f-goals-woop-outcome', 'Confident scans');
    await page.setInputFiles('#import-json', file);
    await waitForText('#announcer', '3 problems');
    await previewSettled(before);
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
    const fonts = () => session.requests.filter((url) => url.includes('/fonts/')).map((url) => path.basename(url));
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
      await typeAnswer(text);
      await previewSettled(before);
      expected.push(script);
      expect(fonts()).toEqual(expected);
    }
  });

  it('in Spanish on A4: the choices are remembered after a reload; the PDF and the fillable PDF are `fill [--fillable] --locale es --paper a4` of the answers, pdf-lib and the typing font loaded only for the fillable one', async () => {
    await page.focus('#clear');
    await page.keyboard.press('Enter');
    await waitForText('#announcer', 'Your answers were cleared from this device.');
    // A setting rebuilds the page when it changes: one key each (options are in order English, Español; Letter, A4).
    await page.focus('#setting-locale');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.documentElement.lang === 'es' && document.activeElement?.id === 'setting-locale');
    await page.focus('#setting-paper');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('pln-worksheets:settings') ?? '{}').paper === 'a4');
    await open();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.inputValue('#setting-locale')).toBe('es');
    expect(await page.inputValue('#setting-paper')).toBe('a4');
    expect(await page.locator('label[for="f-learner-name"]').textContent()).toBe('Nombre');
    expect(await page.locator('#sheet-social-title').textContent()).toBe('Reflexión sobre redes sociales');
    const typed: [string, string][] = [
      ['f-learner-name', 'Dra. Lucía Fernández'],
      ['f-goals-woop-wish', 'Hacer veinte ecografías supervisadas.'],
      ['f-social-bio', 'Residente de medicina interna. Ecografía a pie de cama y docencia.'],
    ];
    for (const [id, text] of typed) {
      await page.focus(`#${id}`);
      await typeAnswer(text);
    }
    await page.focus('#f-network-contacts-weak-add');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-network-contacts-0-name');
    await typeAnswer('Dr. Íñigo Sáenz');
    await choose('f-network-contacts-0-area', 'Com');
    expect(await page.inputValue('#f-network-contacts-0-area')).toBe('informal');
    expect(await page.textContent('#f-social-bio-count')).toBe(`${[...typed[2]![1]].length} de 160 caracteres`);
    await axeViolations('Spanish');
    const json = await downloadBytes('download-json');
    const pdf = new Uint8Array(await downloadBytes('download-pdf'));
    for (const size of await pageSizes(pdf)) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
    const text = normaliseText((await pdfText(pdf)).join(' ')).replace(/\s+/g, '');
    for (const answer of [...typed.map(([, t]) => t), 'Dr. Íñigo Sáenz']) expect(text).toContain(normaliseText(answer).replace(/\s+/g, ''));
    await expectSameAsFill(json, pdf, ['--locale', 'es', '--paper', 'a4']);

    // The fillable PDF: the first one of the visit, so pdf-lib and the typing font load only now.
    expect(lazyLoaded()).toEqual([]);
    expect(await page.locator('#download-fillable').textContent()).toBe('Descargar un PDF rellenable, para completarlo en un lector de PDF');
    const fillable = new Uint8Array(await downloadBytes('download-fillable'));
    expect(lazyLoaded().sort()).toEqual(['dejavu-sans.js', 'pdf-lib.js']);
    const theirs = (await fillOf(json, ['--fillable', '--locale', 'es', '--paper', 'a4'])).pdf;
    for (const size of await pageSizes(fillable)) expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
    const fields = await formFields(fillable);
    expect(fields.find(([name]) => name === 'network.contacts[0].name')).toEqual(['network.contacts[0].name', 'PDFTextField', 'Dr. Íñigo Sáenz']);
    expect(fields).toEqual(await formFields(theirs));
    await expectSamePdf(fillable, theirs);
    // Back to English on Letter, chosen from the keyboard, for the screenshots.
    await page.focus('#setting-paper');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('pln-worksheets:settings') ?? '{}').paper === 'letter');
    await page.focus('#setting-locale');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }, 300_000);

  it('downloads the blank set: the same pages and text as `pln-worksheets blank`', async () => {
    // Not the same bytes: the browser build's deflate compresses the same objects differently (qpdf --qdf shows them equal).
    const ours = new Uint8Array(await downloadBytes('download-blank'));
    const cliPdf = path.join(work, 'blank.pdf');
    const cli = await runCli(['blank', '--out', cliPdf], { cwd: work });
    expect(cli.code).toBe(0);
    const theirs = new Uint8Array(await readFile(cliPdf));
    expect(await pdfText(ours)).toEqual(await pdfText(theirs));
    expect(await pageSizes(ours)).toEqual(await pageSizes(theirs));
    await expectSamePdf(ours, theirs);
  });

  it('flags a character no bundled font has at its field, in the words `fill` warns with', async () => {
    const before = await previews();
    await page.focus('#f-network-contacts-0-name');
    await page.keyboard.press('End');
    await page.keyboard.type(' \u{1F99C}');
    await waitForText('[data-error-for="network.contacts[0].name"]', 'U+1F99C PARROT');
    const shown = await page.textContent('[data-error-for="network.contacts[0].name"]');
    expect(await page.getAttribute('#f-network-contacts-0-name', 'aria-invalid')).toBe('true');
    // The other fields carry no such flag.
    expect(await page.locator('[data-error-for]:not([hidden])').count()).toBe(1);
    const jsonFile = path.join(work, 'parrot.json');
    await writeFile(jsonFile, await downloadBytes('download-json'));
    const cli = await runCli(['fill', jsonFile, '--out', path.join(work, 'parrot.pdf')], { cwd: work });
    expect(cli.code).toBe(0);
    const warning = cli.stderr.split('\n').find((line) => line.includes('U+1F99C'))!;
    expect(shown).toContain(warning.slice(warning.indexOf('U+1F99C')));
    await previewSettled(before);
    await axeViolations('a character without a glyph');
  });

  it('moves a connection to another list by its tie choice, reorders and removes rows, all from the keyboard', async () => {
    await page.focus('#clear');
    await page.keyboard.press('Enter');
    await waitForText('#announcer', 'Your answers were cleared from this device.');
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    // The preview is not put in anew when rows change (its viewer would load the PDF again and lose its place).
    await page.evaluate(() => document.getElementById('preview-frame')!.setAttribute('data-kept', 'yes'));
    const listOf = (id: string) => page.evaluate((i) => document.getElementById(i)?.closest('fieldset')?.querySelector('legend')?.textContent, id);
    for (const name of ['Ana Ruiz', 'Bo Chen']) {
      await page.focus('#f-network-contacts-strong-add');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.activeElement?.id === `f-network-contacts-${n}-name`, name === 'Ana Ruiz' ? 0 : 1);
      await typeAnswer(name);
    }
    // Alt+ArrowUp on the second row puts Bo first; the focus stays with Bo.
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(() => document.activeElement?.id === 'f-network-contacts-0-name');
    expect(await page.inputValue('#f-network-contacts-0-name')).toBe('Bo Chen');
    await announced('Row moved.');
    // The tie choice moves Ana (now row 2) to the weak connections, and the focus goes with her.
    await page.focus('#f-network-contacts-1-tie');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.id === 'f-network-contacts-1-tie' && (document.activeElement as HTMLSelectElement).value === 'weak');
    expect(await listOf('f-network-contacts-1-tie')).toBe('Weak connections');
    expect(await listOf('f-network-contacts-0-name')).toBe('Strong connections');
    const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('pln-worksheets:draft') ?? '{}').network.contacts as { name: string; tie: string }[]);
    expect((await saved()).map((c) => [c.name, c.tie])).toEqual([['Bo Chen', 'strong'], ['Ana Ruiz', 'weak']]);
    // Remove Bo: the strong list is empty, the focus lands on its Add button.
    await page.focus('[aria-label="Remove: Strong connections: Row 1"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'f-network-contacts-strong-add');
    expect(await focused()).toBe('f-network-contacts-strong-add');
    expect((await saved()).map((c) => c.name)).toEqual(['Ana Ruiz']);
    expect(await page.getAttribute('#preview-frame', 'data-kept')).toBe('yes');
    await axeViolations('connections moved');
  });

  it('downloads the fillable PDF of the answers: the same objects and form fields as `fill --fillable`', async () => {
    const answersFile = path.join(work, 'fillable-answers.json');
    await writeFile(answersFile, `${JSON.stringify(EXPECTED_ANSWERS, null, 2)}\n`);
    await page.setInputFiles('#import-json', answersFile);
    await announced('Answers opened.');
    const json = await downloadBytes('download-json');
    const ours = new Uint8Array(await downloadBytes('download-fillable'));
    await announced('The fillable PDF was made.');
    await writeFile(path.join(work, 'fillable-web.pdf'), ours);

    await writeFile(answersFile, json);
    const cliPdf = path.join(work, 'fillable-cli.pdf');
    const cli = await runCli(['fill', answersFile, '--fillable', '--out', cliPdf], { cwd: work });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const theirs = new Uint8Array(await readFile(cliPdf));
    expect(await formFields(ours)).toEqual(await formFields(theirs));
    expect((await formFields(ours)).find(([name]) => name === 'goals.woop.wish')).toEqual(['goals.woop.wish', 'PDFTextField', EXPECTED_ANSWERS.goals.woop.wish]);
    // Not the same bytes (React-PDF's page streams are deflated by pako in the page and by zlib in
    // Node), but the same objects, numbered alike, every stream the same once inflated.
    expect(ours).not.toEqual(theirs);
    const objects = await decodedObjects(ours);
    expect(objects.length).toBeGreaterThan(500);
    expect(objects).toEqual(await decodedObjects(theirs));
    await axeViolations('fillable PDF downloaded');
  }, 300_000);

  it('imports a fillable PDF filled in a reader: the form then holds its answers, as `import` reads them', async () => {
    const doc = await PDFDocument.load(await readFile(path.join(work, 'fillable-web.pdf')));
    const form = doc.getForm();
    form.getTextField('learner.name').setText('Dr. Amara Okafor-Reyes');
    form.getTextField('goals.woop.wish').setText('Perform and log thirty supervised cardiac ultrasounds.');
    form.getTextField('goals.woop.plan.then').setText('');
    form.getTextField('social.follow[5]').setText('@POCUS_Journal');
    form.getCheckBox('social.purposes.learn').uncheck();
    const filled = path.join(work, 'filled-in-reader.pdf');
    await writeFile(filled, await doc.save());
    const cli = await runCli(['import', filled], { cwd: work });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const expected = JSON.parse(cli.stdout.toString('utf8'));
    expect(expected.goals.woop.plan).toEqual({ if: EXPECTED_ANSWERS.goals.woop.plan.if });

    await page.setInputFiles('#import-pdf', filled);
    await announced('Answers opened.');
    expect(await page.inputValue('#f-learner-name')).toBe('Dr. Amara Okafor-Reyes');
    expect(await page.inputValue('#f-goals-woop-wish')).toBe('Perform and log thirty supervised cardiac ultrasounds.');
    expect(await page.inputValue('#f-goals-woop-plan-then')).toBe('');
    expect(await page.inputValue('#f-social-follow-5')).toBe('@POCUS_Journal');
    expect(await page.isChecked('#f-social-purposes-learn')).toBe(false);
    expect(await page.isChecked('#f-social-purposes-network')).toBe(true);
    expect(JSON.parse((await downloadBytes('download-json')).toString('utf8'))).toEqual(expected);
    await axeViolations('fillable PDF imported');
  }, 300_000);

  it('shows a problem of an imported fillable PDF at its field, in the words of `import`', async () => {
    const doc = await PDFDocument.load(await readFile(path.join(work, 'fillable-web.pdf')));
    doc.getForm().getTextField('session.date').setText('2026-02-30');
    const file = path.join(work, 'bad-date.pdf');
    await writeFile(file, await doc.save());
    const cli = await runCli(['import', 'bad-date.pdf'], { cwd: work });
    expect(cli.code).toBe(1);
    const lines = cli.stderr.split('\n').filter((line) => line.includes('bad-date.pdf:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('session.date: ');
    const before = await page.inputValue('#f-learner-name');
    await page.setInputFiles('#import-pdf', file);
    await announced('The file was not opened: 1 problem, shown at the fields.');
    const slot = page.locator('[data-error-for="session.date"]');
    expect(await slot.isVisible()).toBe(true);
    expect(await slot.textContent()).toBe(lines[0]);
    expect(await page.getAttribute('#f-session-date', 'aria-invalid')).toBe('true');
    // Nothing was taken from the PDF with the problem.
    expect(await page.inputValue('#f-learner-name')).toBe(before);
    // Every control, the new ones too, has a name a screen reader reads.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
        .filter((control) => !(control.getAttribute('aria-label') || (control as HTMLInputElement).labels?.length || (control.tagName === 'BUTTON' && control.textContent?.trim())))
        .map((control) => control.id || control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.locator('label[for="import-pdf"]').textContent()).toBe('Open a fillable PDF filled in a reader');
    await axeViolations('fillable PDF with a problem');
  }, 300_000);

  it('downloads a fillable PDF with Chinese, Arabic and Hebrew answers as `fill --fillable` makes it', async () => {
    const answersFile = path.join(work, 'fillable-scripts.json');
    const answers = { version: 1, learner: { name: 'Noa Levi 李明' }, goals: { woop: { wish: '学习超声 and שלום', outcome: 'أن أتعلم الموجات' } } };
    await writeFile(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
    await page.setInputFiles('#import-json', answersFile);
    await announced('Answers opened.');
    const ours = new Uint8Array(await downloadBytes('download-fillable'));
    const cliPdf = path.join(work, 'fillable-scripts-cli.pdf');
    const cli = await runCli(['fill', answersFile, '--fillable', '--out', cliPdf], { cwd: work });
    expect(cli.code).toBe(0);
    const theirs = new Uint8Array(await readFile(cliPdf));
    expect((await formFields(ours)).find(([name]) => name === 'goals.woop.outcome')).toEqual(['goals.woop.outcome', 'PDFTextField', answers.goals.woop.outcome]);
    // The fields' appearances embed subsets of the script fonts, made by fontkit's browser build here.
    await expectSamePdf(ours, theirs);
  }, 300_000);

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

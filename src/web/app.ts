/**
 * The web app: the worksheets as a form, a live preview of the sheet being written, downloads.
 * Everything happens in the page; the answers are kept in this browser's localStorage only.
 */
import { LOCALES } from 'pln-site:copy';
import { parseAnswersBytes } from '../answers/decode.js';
import { parseAnswers } from '../answers/load.js';
import type { Answers } from '../answers/schema.js';
import { completenessReport } from '../answers/report.js';
import { reportText } from '../answers/report-text.js';
import type { Problem } from '../answers/problem.js';
import { loadCopy } from '../copy/load.js';
import { createRenderContext } from '../pdf/components/context.js';
import { SHEETS, SHEET_IDS, type SheetId } from '../worksheets/index.js';
import { answersToDraft, draftToAnswers, setAt, type Draft } from './draft.js';
import { el, fieldId } from './dom.js';
import { headerForm, sheetForm, type FormContext } from './form.js';
import { fieldsWithMissingGlyphs, missingGlyphWarnings } from './glyphs.js';
import { packFileName, rosterPack } from './coach.js';
import { answersFromPdf } from './import-pdf.js';
import { previewPause } from './preview-pause.js';
import { blankPdf, filledPdf, fillablePdf, latestOnly } from './render.js';
import { loadNames } from './seams/unicode-name.js';
import { clearDraft, loadDraft, loadSettings, saveDraft, saveSettings, type Settings } from './storage.js';
import { uiText, type UiText } from './ui-text.js';

let draft: Draft = loadDraft();
let settings: Settings = loadSettings(LOCALES);
let currentSheet: SheetId = 'goals';
let previewUrl: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** How long the last preview took to render, which sets the pause before the next (previewPause). */
let lastRenderMs: number | undefined;
/** Coach mode's roster: a file's own bytes (its encoding is checked as the CLI checks it), or typed text. */
let rosterFile: { name: string; bytes: Uint8Array } | undefined;
let rosterTyped = '';
let duplex = false;

const root = document.getElementById('app')!;

/** A repeated message waiting to be put back (announce), replaced by any newer one. */
let repeatTimer: ReturnType<typeof setTimeout> | undefined;

function announce(message: string): void {
  clearTimeout(repeatTimer);
  const region = document.getElementById('announcer');
  if (!region) return;
  if (region.textContent !== message) {
    region.textContent = message;
    return;
  }
  // The same words again ("Row added." twice): a screen reader announces a change, so empty first.
  region.textContent = '';
  repeatTimer = setTimeout(() => (region.textContent = message), 100);
}

/** A problem as the page shows it: the answers path of its field, and its message. */
interface Shown {
  path: string;
  text: string;
}

/** A problem in validate's words: `path: message`, with its line and column in a file. */
function inValidateWords(problem: Pick<Problem, 'path' | 'message' | 'line' | 'column'>, withPlace: boolean): Shown {
  const where = withPlace && problem.line > 0 ? ` (line ${problem.line}, column ${problem.column})` : '';
  return { path: problem.path, text: `${problem.path ? `${problem.path}: ` : ''}${problem.message}${where}` };
}

/**
 * Edits, downloads and imports each check answers, and their checks can finish out of order (a
 * preview waits for its delay and for fonts). Each takes a ticket when it starts; the problems of
 * the newest one stay shown, so a preview asked for before a failed import cannot wipe its problems.
 */
let ticketsIssued = 0;
let ticketShown = 0;
const problemsTicket = (): number => ++ticketsIssued;

/** Problems shown at their fields: the nearest field of the problem's path; the rest above the form. */
function showProblems(problems: readonly Shown[], ticket: number): void {
  if (ticket < ticketShown) return;
  ticketShown = ticket;
  for (const slot of document.querySelectorAll<HTMLElement>('[data-error-for]')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const control of document.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  const general = document.getElementById('problems')!;
  general.replaceChildren();
  for (const problem of problems) {
    let path = problem.path;
    let slot: HTMLElement | null = null;
    while (path && !(slot = document.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`))) {
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (!/[.[]/.test(path) && !document.querySelector(`[data-error-for="${CSS.escape(path)}"]`)) break;
    }
    if (slot) {
      slot.hidden = false;
      slot.append(el('span', {}, problem.text));
      document.getElementById(fieldId(problem.path))?.setAttribute('aria-invalid', 'true');
    } else {
      general.append(el('li', {}, problem.text));
    }
  }
}

function validate(answers: ReturnType<typeof draftToAnswers>): Problem[] {
  const result = parseAnswers(JSON.stringify(answers, null, 2), 'answers.json');
  return result.ok ? [] : result.problems;
}

/**
 * `validate --report` of the answers, in its words (it prints the English copy), under its
 * heading; the polite status line says only the total, and only when it changes.
 */
async function showReport(answers: ReturnType<typeof draftToAnswers>): Promise<void> {
  const lines = reportText(completenessReport(answers as Parameters<typeof completenessReport>[0]), await loadCopy('en')).trimEnd().split('\n');
  const [summary, ...details] = lines;
  const status = document.getElementById('report-summary');
  if (!status) return;
  const total = summary!.trim();
  if (status.textContent !== total) status.textContent = total;
  document.getElementById('report-lines')!.replaceChildren(
    ...details.map((line) => el('li', { class: `depth-${(/^ */.exec(line)![0].length - 2) / 2}` }, line.trim())),
  );
}

/**
 * The preview frame's address for a PDF's object URL, with PDF open parameters: without the
 * viewer's page thumbnails (`navpanes=0`) and fitted to the frame's width (`view=FitH`, kept when
 * the window is resized), the sheet shows about twice the size it has beside the thumbnails.
 */
const previewSrc = (url: string): string => `${url}#navpanes=0&view=FitH`;

const preview = latestOnly(async ({ sheet, ticket }: { sheet: SheetId; ticket: number }) => {
  const ui = uiText(settings.locale);
  const status = document.getElementById('preview-status')!;
  const answers = draftToAnswers(draft);
  const problems = validate(answers);
  // The report is of valid answers only, as validate's; while a problem stands, the last one stays.
  if (problems.length === 0) await showReport(answers);
  showProblems([...problems, ...(await glyphWarnings(answers))].map((problem) => inValidateWords(problem, false)), ticket);
  if (problems.length > 0) {
    status.textContent = ui.problems(problems.length);
    return;
  }
  status.textContent = ui.previewBusy;
  try {
    const started = performance.now();
    const pdf = await filledPdf({ answers, locale: settings.locale, paper: settings.paper, sheets: [sheet] });
    lastRenderMs = performance.now() - started;
    const url = URL.createObjectURL(new Blob([pdf as BlobPart], { type: 'application/pdf' }));
    document.getElementById('preview-frame')!.setAttribute('src', previewSrc(url));
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = url;
    status.textContent = ui.previewReady;
    document.body.dataset.previews = String(Number(document.body.dataset.previews ?? 0) + 1);
  } catch (error) {
    status.textContent = `${ui.renderFailed} ${(error as Error).message}`;
  }
});

/** `fill`'s warning for each character no bundled font has, at its field (names load only then). */
async function glyphWarnings(answers: unknown): Promise<{ path: string; message: string; line: number; column: number }[]> {
  const fields = fieldsWithMissingGlyphs(answers);
  if (fields.length === 0) return [];
  await loadNames();
  return (await missingGlyphWarnings(fields)).map((warning) => ({ ...warning, line: 0, column: 0 }));
}

function schedulePreview(): void {
  clearTimeout(timer);
  const ticket = problemsTicket();
  timer = setTimeout(() => preview({ sheet: currentSheet, ticket }), previewPause(lastRenderMs));
}

function download(bytes: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = el('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The filled PDF, or with `fillable` the form prefilled with the answers, if the answers are valid. */
async function downloadPdf(fillable = false): Promise<void> {
  const ui = uiText(settings.locale);
  const ticket = problemsTicket();
  const answers = draftToAnswers(draft);
  const problems = validate(answers);
  showProblems([...problems, ...(await glyphWarnings(answers))].map((problem) => inValidateWords(problem, false)), ticket);
  if (problems.length > 0) {
    announce(ui.problems(problems.length));
    return;
  }
  try {
    if (fillable) announce(ui.fillableBusy);
    const request = { answers, locale: settings.locale, paper: settings.paper };
    const pdf = await (fillable ? fillablePdf(request) : filledPdf(request));
    download(pdf as BlobPart, 'application/pdf', `worksheets-${settings.paper}${fillable ? '-fillable' : ''}.pdf`);
    if (fillable) announce(ui.fillableReady);
  } catch (error) {
    // Nothing is downloaded; the learner is told why, where a screen reader hears it.
    announce(`${ui.renderFailed} ${(error as Error).message}`);
  }
}

async function importJson(file: File): Promise<void> {
  const ui = uiText(settings.locale);
  const ticket = problemsTicket();
  const result = parseAnswersBytes(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!result.ok) {
    showProblems(result.problems.map((problem) => inValidateWords(problem, true)), ticket);
    announce(ui.importProblems(result.problems.length));
    return;
  }
  await openAnswers(result.answers);
}

/** Imported answers become the form's: saved, the form rebuilt, then announced and previewed. */
async function openAnswers(answers: Answers): Promise<void> {
  draft = answersToDraft(answers);
  saveDraft(draft);
  await render(undefined, 'form');
  announce(uiText(settings.locale).imported);
  schedulePreview();
}

/** A fillable PDF filled in a reader: its answers fill the form, or its problems show at their fields. */
async function importPdf(file: File): Promise<void> {
  const ui = uiText(settings.locale);
  const ticket = problemsTicket();
  let result: Awaited<ReturnType<typeof answersFromPdf>>;
  try {
    result = await answersFromPdf(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    announce(`${ui.importFailed} ${(error as Error).message}`);
    return;
  }
  if (!result.ok) {
    // import's own lines (file, page, field, message), each at its field.
    showProblems(result.problems.map(({ field, line }) => ({ path: field ?? '', text: line })), ticket);
    announce(ui.importProblems(result.problems.length));
    return;
  }
  await openAnswers(result.answers);
}

async function makePack(): Promise<void> {
  const ui = uiText(settings.locale);
  const list = document.getElementById('roster-problems')!;
  list.replaceChildren();
  const source = rosterFile ?? (rosterTyped.trim() ? { name: ui.rosterPasted, bytes: new TextEncoder().encode(rosterTyped) } : undefined);
  if (!source) {
    list.append(el('li', {}, ui.rosterEmpty));
    announce(ui.rosterEmpty);
    return;
  }
  announce(ui.packBusy);
  try {
    const pack = await rosterPack({ bytes: source.bytes, file: source.name, locale: settings.locale, paper: settings.paper, duplex });
    if (!pack.ok) {
      list.append(...pack.problems.map((problem) => el('li', {}, problem)));
      document.getElementById(rosterFile ? 'roster-file' : 'roster-text')?.setAttribute('aria-invalid', 'true');
      announce(ui.rosterProblems(pack.problems.length));
      return;
    }
    document.getElementById('roster-text')?.removeAttribute('aria-invalid');
    document.getElementById('roster-file')?.removeAttribute('aria-invalid');
    download(pack.pdf as BlobPart, 'application/pdf', packFileName(rosterFile ? rosterFile.name : 'roster.csv'));
    announce(ui.packReady(pack.participants));
  } catch (error) {
    announce(`${ui.renderFailed} ${(error as Error).message}`);
  }
}

/** Coach mode: a roster (file or pasted), the duplex box, the button, the roster's problems. */
function coachSection(ui: ReturnType<typeof uiText>): HTMLElement {
  const chosen = el('p', { id: 'roster-chosen', class: 'hint' }, rosterFile ? ui.rosterChosen(rosterFile.name) : '');
  return el(
    'section',
    { class: 'coach', 'aria-labelledby': 'coach-title' },
    el('h2', { id: 'coach-title' }, ui.coachTitle),
    el('p', { id: 'coach-intro', class: 'hint' }, ui.coachIntro),
    el(
      'div',
      { class: 'actions' },
      el('input', {
        type: 'file',
        id: 'roster-file',
        accept: 'text/csv,.csv,text/plain,.txt',
        'aria-describedby': 'coach-intro roster-problems',
        onchange: async (event: Event) => {
          const file = (event.target as HTMLInputElement).files?.[0];
          rosterFile = file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined;
          chosen.textContent = rosterFile ? ui.rosterChosen(rosterFile.name) : '';
        },
      }),
      el('label', { for: 'roster-file', class: 'file' }, ui.rosterFile),
    ),
    chosen,
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'roster-text' }, ui.rosterText),
      el('textarea', {
        id: 'roster-text',
        rows: 4,
        spellcheck: 'false',
        autocomplete: 'off',
        'aria-describedby': 'coach-intro roster-problems',
        value: rosterTyped,
        oninput: (event: Event) => {
          rosterTyped = (event.target as HTMLTextAreaElement).value;
          rosterFile = undefined;
          chosen.textContent = '';
        },
      }),
    ),
    el(
      'div',
      { class: 'check' },
      el('input', { type: 'checkbox', id: 'roster-duplex', checked: duplex, onchange: (event: Event) => (duplex = (event.target as HTMLInputElement).checked) }),
      el('label', { for: 'roster-duplex' }, ui.duplex),
    ),
    el('button', { type: 'button', id: 'make-pack', onclick: () => void makePack() }, ui.makePack),
    el('ul', { id: 'roster-problems', class: 'error' }),
  );
}

function setting<K extends keyof Settings>(key: K, value: Settings[K]): void {
  settings = { ...settings, [key]: value };
  saveSettings(settings);
  render(`setting-${key}`);
  schedulePreview();
}

/**
 * Builds the page for the current draft and settings, and focuses `focusId` if given. A change of
 * language or paper rebuilds the whole page; a change of the form's own shape (a row added, moved
 * or removed, answers opened or cleared) rebuilds the form alone, so the preview keeps its place in
 * the browser's PDF viewer (an iframe put in anew loads its PDF again) and the live regions keep
 * what they announce.
 */
async function render(focusId?: string, scope: 'page' | 'form' = 'page'): Promise<void> {
  const ui = uiText(settings.locale);
  const copy = await loadCopy(settings.locale);
  const t = createRenderContext({ copy, paper: settings.paper }).t;
  const form = formParts(ui, t);
  const formHost = document.getElementById('form-host');
  if (scope === 'form' && formHost) {
    formHost.replaceChildren(...form);
  } else {
    document.documentElement.lang = settings.locale;
    document.title = t('common.product');
    root.replaceChildren(...pageParts(ui, t, form));
  }
  if (focusId) document.getElementById(focusId)?.focus();
}

/** The form, with the list of its problems above it, for the current draft. */
function formParts(ui: UiText, t: FormContext['t']): HTMLElement[] {
  const ctx: FormContext = {
    t,
    locale: settings.locale,
    ui,
    draft: () => draft,
    update(path, value) {
      draft = setAt(draft, path, value);
      saveDraft(draft);
      schedulePreview();
    },
    restructure(path, value, focus, announcement) {
      draft = setAt(draft, path, value);
      saveDraft(draft);
      void render(focus, 'form').then(() => announce(announcement));
      schedulePreview();
    },
  };
  const sheets = SHEET_IDS.map((id) => SHEETS[id]);
  const form = el('form', { class: 'form', 'aria-label': ui.sheets, onsubmit: (e: Event) => e.preventDefault() }, headerForm(ctx), ...sheets.map((sheet) => sheetForm(ctx, sheet)));
  form.addEventListener('focusin', (event) => {
    const sheet = (event.target as HTMLElement).closest<HTMLElement>('[data-sheet]')?.dataset.sheet as SheetId | undefined;
    if (sheet && sheet !== currentSheet) {
      currentSheet = sheet;
      schedulePreview();
    }
  });
  return [el('ul', { id: 'problems', class: 'error' }), form];
}

/** The whole page around the form: settings, privacy, preview and downloads, report, coach mode. */
function pageParts(ui: UiText, t: FormContext['t'], form: HTMLElement[]): HTMLElement[] {
  const fileInput = el('input', {
    type: 'file',
    id: 'import-json',
    accept: 'application/json,.json',
    onchange: (event: Event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) void importJson(file);
    },
  });
  return [
    el(
      'header',
      { class: 'top' },
      el('h1', {}, t('common.product')),
      el(
        'div',
        { class: 'settings' },
        el('label', { for: 'setting-locale' }, ui.language),
        el(
          'select',
          { id: 'setting-locale', onchange: (e: Event) => setting('locale', (e.target as HTMLSelectElement).value) },
          ...LOCALES.map((locale) => el('option', { value: locale, selected: locale === settings.locale, lang: locale }, locale === 'es' ? 'Español' : locale === 'en' ? 'English' : locale)),
        ),
        el('label', { for: 'setting-paper' }, ui.paper),
        el(
          'select',
          { id: 'setting-paper', onchange: (e: Event) => setting('paper', (e.target as HTMLSelectElement).value as Settings['paper']) },
          el('option', { value: 'letter', selected: settings.paper === 'letter' }, ui.letter),
          el('option', { value: 'a4', selected: settings.paper === 'a4' }, ui.a4),
        ),
      ),
    ),
    el(
      'section',
      { class: 'privacy', 'aria-labelledby': 'privacy-title' },
      el('h2', { id: 'privacy-title' }, ui.privacyTitle),
      el('p', {}, ui.privacy),
      el(
        'button',
        {
          type: 'button',
          id: 'clear',
          onclick: () => {
            clearDraft();
            draft = {};
            void render('clear', 'form').then(() => announce(ui.clearConfirm));
            schedulePreview();
          },
        },
        ui.clear,
      ),
    ),
    el(
      'main',
      { class: 'layout' },
      el('div', { id: 'form-host' }, ...form),
      el(
        'aside',
        { class: 'preview', 'aria-labelledby': 'preview-title' },
        el('h2', { id: 'preview-title' }, ui.preview),
        el('p', { id: 'preview-status', role: 'status' }),
        // The actions come before the preview: a keyboard user reaches the downloads right after
        // the form, not after every control of the browser's PDF viewer.
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', id: 'download-pdf', onclick: () => void downloadPdf() }, ui.downloadPdf),
          el('button', { type: 'button', id: 'download-fillable', onclick: () => void downloadPdf(true) }, ui.downloadFillable),
          el('button', { type: 'button', id: 'download-blank', onclick: () => void blankPdf({ locale: settings.locale, paper: settings.paper }).then((pdf) => download(pdf as BlobPart, 'application/pdf', `blank-${settings.paper}.pdf`)) }, ui.downloadBlank),
          el('button', { type: 'button', id: 'download-json', onclick: () => download(`${JSON.stringify(draftToAnswers(draft), null, 2)}\n`, 'application/json', 'answers.json') }, ui.downloadJson),
          el('label', { for: 'import-json', class: 'file' }, ui.importJson),
          fileInput,
          el('input', {
            type: 'file',
            id: 'import-pdf',
            accept: 'application/pdf,.pdf',
            onchange: (event: Event) => {
              const file = (event.target as HTMLInputElement).files?.[0];
              if (file) void importPdf(file);
            },
          }),
          el('label', { for: 'import-pdf', class: 'file' }, ui.importPdf),
        ),
        el('iframe', { id: 'preview-frame', title: ui.preview, src: previewUrl && previewSrc(previewUrl) }),
      ),
    ),
    el(
      'section',
      { class: 'report', 'aria-labelledby': 'report-title' },
      el('h2', { id: 'report-title' }, ui.reportTitle),
      el('p', { class: 'hint' }, ui.reportHint),
      el('p', { id: 'report-summary', class: 'summary', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', lang: 'en' }),
      el('ul', { id: 'report-lines', lang: 'en' }),
    ),
    coachSection(ui),
    el('div', { id: 'announcer', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' }),
  ];
}

void render().then(() => {
  document.body.dataset.ready = 'true';
  schedulePreview();
});

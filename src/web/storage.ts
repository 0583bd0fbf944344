/** What the page keeps on the device (localStorage): the draft and the choices. Nothing else. */
import type { Draft } from './draft.js';

const DRAFT_KEY = 'pln-worksheets:draft';
const SETTINGS_KEY = 'pln-worksheets:settings';

export interface Settings {
  locale: string;
  paper: 'letter' | 'a4';
}

function read(key: string): unknown {
  try {
    const text = localStorage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function loadDraft(): Draft {
  const draft = read(DRAFT_KEY);
  return draft && typeof draft === 'object' && !Array.isArray(draft) ? (draft as Draft) : {};
}

export function saveDraft(draft: Draft): void {
  localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(): void {
  localStorage.removeItem(DRAFT_KEY);
}

export function loadSettings(locales: readonly string[]): Settings {
  const saved = (read(SETTINGS_KEY) ?? {}) as Partial<Settings>;
  return {
    locale: saved.locale && locales.includes(saved.locale) ? saved.locale : 'en',
    paper: saved.paper === 'a4' ? 'a4' : 'letter',
  };
}

export function saveSettings(settings: Settings): void {
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
}

/**
 * What the pre-registration keeps on the device (localStorage: a family filling it has no
 * account, hence no Dexie database of its own): the draft being typed, so nothing is lost to a
 * reload, a closed tab or a network failure; the last disciplines list of each site, so the form
 * opens offline; and the last application sent, for its confirmation page (this tab only). Pages
 * use these functions, never the storage itself.
 */

const DRAFT_KEY = 'portee.preregistration.draft';
const CATALOGUE_KEY = 'portee.preregistration.disciplines';
const SENT_KEY = 'portee.preregistration.sent';

/** A form's values as typed: text, ticks, and rows of text (the children). */
export type DraftValue = string | boolean | ReadonlyArray<Readonly<Record<string, string>>>;
export type Draft = Record<string, DraftValue>;

const isRow = (row: unknown): row is Record<string, string> =>
  !!row && typeof row === 'object' && !Array.isArray(row) && Object.values(row).every((v) => typeof v === 'string');

const isDraftValue = (value: unknown): value is DraftValue =>
  typeof value === 'string' || typeof value === 'boolean' || (Array.isArray(value) && value.every(isRow));

function read(storage: Storage, key: string): unknown {
  try {
    const raw = storage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown) {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused (private mode): the form still works, only the safety net is gone.
  }
}

/** The draft kept on this device, or null; values of an unexpected shape are left out. */
export function loadDraft(): Draft | null {
  const stored = read(localStorage, DRAFT_KEY) as { values?: unknown } | null;
  const values = stored?.values;
  if (!values || typeof values !== 'object' || Array.isArray(values)) return null;
  const draft = Object.fromEntries(Object.entries(values).filter(([, v]) => isDraftValue(v))) as Draft;
  return Object.keys(draft).length ? draft : null;
}

/** Keeps the values typed so far (called as the person types). */
export function saveDraft(values: Draft) {
  write(localStorage, DRAFT_KEY, { savedAt: new Date().toISOString(), values });
}

/** Forgets the draft: after the application is sent, or when the person starts again. */
export function clearDraft() {
  localStorage.removeItem(DRAFT_KEY);
}

/** The disciplines a site offered the last time the form was loaded online, or null. */
export function cachedDisciplines(siteId: string): string[] | null {
  const all = read(localStorage, CATALOGUE_KEY) as Record<string, unknown> | null;
  const list = all?.[siteId];
  return Array.isArray(list) && list.every((d) => typeof d === 'string') ? list : null;
}

export function rememberDisciplines(siteId: string, disciplines: string[]) {
  const all = (read(localStorage, CATALOGUE_KEY) as Record<string, unknown> | null) ?? {};
  write(localStorage, CATALOGUE_KEY, { ...all, [siteId]: disciplines });
}

/** The last application sent from this tab, as its confirmation page shows it. */
export interface SentApplication {
  reference: string;
  email: string;
}

export function rememberSent(sent: SentApplication) {
  write(sessionStorage, SENT_KEY, sent);
}

export function lastSent(): SentApplication | null {
  const sent = read(sessionStorage, SENT_KEY) as Partial<SentApplication> | null;
  return sent && typeof sent.reference === 'string' && typeof sent.email === 'string' ? { reference: sent.reference, email: sent.email } : null;
}

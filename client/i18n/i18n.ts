import { Store } from '../state/store.ts';
import { fr, type MessageKey } from './messages-fr.ts';

export type Locale = 'fr' | 'en';
const STORAGE_KEY = 'portee.locale';
/** English is loaded only when chosen: French users never download it. */
let english: Partial<Record<MessageKey, string>> | null = null;

/** French whatever the browser says; English only when chosen (docs/contract.md). */
export const localeStore = new Store<{ locale: Locale }>({
  locale: (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en') ? 'en' : 'fr',
});

export function setLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  localeStore.set({ locale });
  // Every element renders its text once; a reload redraws them all in the new language (offline too).
  location.reload();
}

/** Loads the chosen language's messages before the app renders (French is built in). */
export async function loadLocale() {
  if (localeStore.value.locale === 'en' && !english) english = (await import('./messages-en.ts')).en;
}

/** A message in the current language; `{name}` placeholders are filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  // A key of a screen whose messages are not loaded yet shows as itself rather than breaking the page.
  return fill((localeStore.value.locale === 'en' && english?.[key]) || fr[key] || key, params);
}

/** A message in French whatever the chosen language: for the conservatory's official documents (PDFs). */
export function tFr(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(fr[key] || key, params);
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/**
 * The Intl locale of the app's language: the French of France, the English of Britain (dates as
 * 5 December 2026, not December 5). client/public/intl-warm.js, which cannot import this, picks the same.
 */
export function intlLocale(locale: Locale = localeStore.value.locale): string {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}

// Building an Intl.DateTimeFormat costs far more than using one (a home of a few hundred dates
// spent most of its render building them on a slow phone): each is built once per language and
// options, and kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(opts);
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale(locale), opts)));
  return format;
}

/** Intl formatters in the current language (dates and money are never formatted by hand). */
export function formatDate(iso: string, opts: Intl.DateTimeFormatOptions = { dateStyle: 'long' }, locale: Locale = localeStore.value.locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(iso + 'T12:00:00') : new Date(iso);
  return dateFormat(locale, opts).format(date);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A number in the current language (a percentage, a file size), its formatter kept as the dates' are. */
export function formatNumber(value: number, opts: Intl.NumberFormatOptions): string {
  const locale = localeStore.value.locale;
  const key = locale + JSON.stringify(opts);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(locale), opts)));
  return format.format(value);
}

export function formatDateTime(iso: string): string {
  return formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
}

/** Day name for 1 = Monday … 7 = Sunday (2024-01-01 was a Monday). */
export function formatWeekday(weekday: number): string {
  const date = new Date(Date.UTC(2024, 0, weekday, 12));
  return dateFormat(localeStore.value.locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

interface DurationFormatter {
  format(duration: object): string;
}
const durationFormats = new Map<Locale, DurationFormatter>();

/** A duration in minutes, e.g. "45 min" or "1 h 30 min", through Intl.DurationFormat where it exists. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => DurationFormatter }).DurationFormat;
  if (DurationFormat) {
    const locale = localeStore.value.locale;
    // Kept per language, like the date formatters (a course list formats one per course).
    let format = durationFormats.get(locale);
    if (!format) durationFormats.set(locale, (format = new DurationFormat(intlLocale(locale), { style: 'short' })));
    return format.format({ hours, minutes: rest });
  }
  return hours ? `${hours} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

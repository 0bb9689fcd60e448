import type { z } from 'zod';
import type { IssueCode } from './validation-texts.ts';

/**
 * From a failed parse to `{ field: message }` and `{ field: code }`, and a code's parameters as a
 * language shows them. Kept apart from the texts (shared/validation-texts.ts): the forms of the
 * first screen use these, and the texts come with the schemas that made the messages.
 */

/** The languages a message is written in (client/i18n/i18n.ts's `Locale`). */
type MessageLocale = 'fr' | 'en';

/**
 * Parameters that are numbers of bytes, and how people read them: a limit in megabytes ("10 Mo",
 * "0,5 Mo"), a file's size in kilobytes under a megabyte ("40 ko", then "2,5 Mo"). They travel as
 * numbers, never pre-formatted, and each language formats them (formatBytes): the French text is
 * the one the server always wrote, and an English reader sees "10 MB", not "10 Mo".
 */
const BYTE_PARAMS = new Map<string, 'limit' | 'size'>([
  ['maxBytes', 'limit'],
  ['quotaBytes', 'limit'],
  ['fileBytes', 'size'],
  ['usedBytes', 'size'],
]);

const MB = 1024 * 1024;
const BYTE_UNITS = { fr: { kilo: 'ko', mega: 'Mo', point: ',' }, en: { kilo: 'KB', mega: 'MB', point: '.' } } as const;

/** "10 Mo", "2,5 Mo", or for a file's size "40 ko" ("10 MB", "2.5 MB", "40 KB" in English). */
export function formatBytes(bytes: number, kind: 'limit' | 'size', locale: MessageLocale = 'fr'): string {
  const units = BYTE_UNITS[locale];
  if (kind === 'size' && bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} ${units.kilo}`;
  return `${String(Math.round((bytes / MB) * 10) / 10).replace('.', units.point)} ${units.mega}`;
}

/** A parameter's value as a message in this language shows it: byte counts formatted, the others as they are. */
export function paramText(name: string, value: string | number | undefined, locale: MessageLocale): string {
  const bytes = BYTE_PARAMS.get(name);
  return bytes && typeof value === 'number' ? formatBytes(value, bytes, locale) : String(value ?? '');
}

const byText = new Map<string, IssueCode>();

/** Remembers the code behind a French message (shared/validation-messages.ts, `vmsg`). */
export function rememberCode(text: string, issue: IssueCode) {
  if (!byText.has(text)) byText.set(text, issue);
}

/** The code behind a French message made by `vmsg`, if it was. */
export function issueCode(message: string): IssueCode | undefined {
  return byText.get(message);
}

/** Turns zod issues into `{ field: message }`, first message per field (what the forms show). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** `{ field: code }` for the first issue of each field whose message has a code (see fieldErrors). */
export function fieldCodes(error: z.ZodError): Record<string, IssueCode> {
  const codes: Record<string, IssueCode> = {};
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (seen.has(key)) continue;
    seen.add(key);
    const code = issueCode(issue.message);
    if (code) codes[key] = code;
  }
  return codes;
}

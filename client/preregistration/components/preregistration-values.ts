import type { FieldValue } from '../../forms/form-controller.ts';
import type { PreregistrationPayload } from '../data/preregistration-commands.ts';

/**
 * The pre-registration form's values as the page holds them: one key per error path of the shared
 * schema (`responsible.email`, `children` with one row per child), so that a message at
 * `children.1.birthDate`, from the browser's check or the server's, lands on its input, whose id
 * is that path. A child's two discipline selects are `children.N.disciplines.0` and `.1`.
 */

export type FormValues = Record<string, FieldValue>;
export type ChildRow = Readonly<Record<string, string>>;

/** The responsible adult's fields, in the family form's order (shared/fields/identity-fields.ts). */
export const RESPONSIBLE_FIELDS = ['civility', 'lastName', 'firstName', 'address', 'postalCode', 'city', 'mobile', 'smsOptIn', 'email'] as const;

/** The form's fields in the page's order: the error summary lists them so. */
export const FORM_FIELDS = ['siteId', ...RESPONSIBLE_FIELDS.map((f) => `responsible.${f}`), 'children', 'comment', 'consent'];

/** Error paths of a child's inputs (the summary links to them). */
const CHILD_PATH = /^children\.\d+\.(firstName|lastName|birthDate|disciplines\.[01]|level|availability)$/;
export const isChildPath = (path: string) => CHILD_PATH.test(path);

/** A child's empty row; `key` keeps each child's inputs with it when another one is removed. */
export function emptyChild(): ChildRow {
  return { key: crypto.randomUUID(), firstName: '', lastName: '', birthDate: '', discipline1: '', discipline2: '', level: '', availability: '' };
}

export function initialValues(): FormValues {
  return {
    siteId: '',
    ...Object.fromEntries(RESPONSIBLE_FIELDS.map((f) => [`responsible.${f}`, f === 'smsOptIn' ? false : ''])),
    children: [emptyChild()],
    comment: '',
    consent: false,
    website: '',
  };
}

export const childRows = (values: FormValues): ChildRow[] => (Array.isArray(values.children) ? [...(values.children as ChildRow[])] : []);

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');

/** The application as the shared schema reads it; the second discipline only when one is chosen. */
export function toPayload(values: FormValues, formToken: string): PreregistrationPayload {
  const responsible = Object.fromEntries(RESPONSIBLE_FIELDS.map((f) => [f, f === 'smsOptIn' ? values[`responsible.${f}`] === true : text(values[`responsible.${f}`])]));
  return {
    siteId: text(values.siteId),
    responsible: responsible as PreregistrationPayload['responsible'],
    children: childRows(values).map((c) => ({
      firstName: c.firstName ?? '',
      lastName: c.lastName ?? '',
      birthDate: c.birthDate ?? '',
      disciplines: [c.discipline1 ?? '', ...(c.discipline2 ? [c.discipline2] : [])],
      level: (c.level ?? '') as PreregistrationPayload['children'][number]['level'],
      availability: c.availability ?? '',
    })),
    comment: text(values.comment),
    consent: (values.consent === true) as true,
    formToken,
    website: text(values.website),
  };
}

/** An error about a child's disciplines as a whole goes to its first discipline's select. */
export function placeErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [/^children\.\d+\.disciplines$/.test(path) ? `${path}.0` : path, message]));
}

/** Errors after child `removed` is taken out: its own are dropped, the next children's move up one place. */
export function withoutChildErrors(fields: Record<string, string>, removed: number): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const m = /^children\.(\d+)\.(.+)$/.exec(path);
    if (!m) kept[path] = message;
    else if (+m[1] > removed) kept[`children.${+m[1] - 1}.${m[2]}`] = message;
    else if (+m[1] < removed) kept[path] = message;
  }
  return kept;
}

/** What the draft keeps: everything typed but the honeypot. */
export function draftOf(values: FormValues): FormValues {
  const { website: _website, ...kept } = values;
  return kept;
}

/** A draft read back: only the form's own keys, children rows completed with their missing fields. */
export function fromDraft(draft: Record<string, FieldValue>): Partial<FormValues> {
  const known = new Set([...FORM_FIELDS]);
  const values: FormValues = {};
  for (const [key, value] of Object.entries(draft)) {
    if (!known.has(key)) continue;
    if (key === 'children') {
      if (!Array.isArray(value) || !value.length) continue;
      values.children = (value as ChildRow[]).map((row) => ({ ...emptyChild(), ...row }));
    } else if (typeof value === (key === 'consent' || key === 'responsible.smsOptIn' ? 'boolean' : 'string')) {
      values[key] = value;
    }
  }
  return values;
}

/**
 * A form's fields, described once next to its schema: the name (the schema's key, the error
 * paths', the input's id), the label's message key (labels themselves stay in client/i18n, in
 * each language), and what the browser needs to help typing (type, autocomplete, inputmode).
 * The client's form controller (client/forms/form-controller.ts) renders fields from these.
 */
export interface FieldDescription {
  name: string;
  /** A key of client/i18n's catalogue. */
  labelKey: string;
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'select' | 'checkbox' | 'radio' | 'textarea';
  autocomplete?: string;
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email';
  required?: boolean;
  /** A key of client/i18n's catalogue: the hint shown under the label (part of the input's description). */
  hintKey?: string;
}

/** A form's catalogue: `{ name: description }`, the names filled in from the keys, in order. */
export function defineFields<F extends string>(fields: Record<F, Omit<FieldDescription, 'name'>>): { [K in F]: FieldDescription & { name: K } } {
  return Object.fromEntries(Object.entries(fields).map(([name, d]) => [name, { name, ...(d as object) }])) as { [K in F]: FieldDescription & { name: K } };
}

import { paramText, rememberCode } from './issue-codes.ts';
import { FIELD_NAMES_FR, VALIDATION_FR, type IssueCode, type ValidationCode, type ValidationParams } from './validation-texts.ts';

/**
 * Validation messages with a stable code and parameters. The schemas keep French messages (the
 * server answers and mails in French), and each one is made by `vmsg(code, params)`, which
 * remembers the code behind the text: zod 4 finalizes a built-in check's issue to `{ code, path,
 * message }` (parameters survive only on custom issues), so the message is the one carrier every
 * issue has. `fieldCodes()` gives back `{ field: { code, params } }` for a failed parse; the server
 * sends it beside the French `fields` (`ApiErrorBody.error.fieldCodes`) and the browser shows the
 * message in the person's language (client/i18n/validation-messages.ts).
 */

export { FIELD_NAMES_FR, VALIDATION_FR } from './validation-texts.ts';
export type { FieldName, IssueCode, ValidationCode, ValidationParams } from './validation-texts.ts';
export { fieldCodes, fieldErrors, formatBytes, issueCode } from './issue-codes.ts';

/** The French text of a code and its parameters (nothing remembered: see vmsg). */
export function frenchMessage({ code, params = {} }: IssueCode): string {
  return VALIDATION_FR[code].replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'field' && params.field ? FIELD_NAMES_FR[params.field] : paramText(name, params[name], 'fr'),
  );
}

/**
 * The French message of a code (what the schemas pass as `error`), remembered with its code. Only
 * for messages made a bounded number of times (schemas, settings): one filled with what a request
 * carries (an image's size, a family's bytes) is made by `frenchMessage` and its code sent beside
 * it, or every new value would stay in this memory for good.
 */
export function vmsg(code: ValidationCode, params: ValidationParams = {}): string {
  const text = frenchMessage({ code, params });
  rememberCode(text, Object.keys(params).length ? { code, params } : { code });
  return text;
}

import type { IssueCode } from './validation-messages.ts';

/**
 * The one error shape every endpoint answers with (and the inner shape of a rejected sync
 * mutation): the client shows `message` in its error summary and `fields` next to each field.
 */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    /**
     * For validation errors: the code and parameters of each field's message (the same field
     * names as `fields`), so the browser can show it in the person's language; `fields` stays French.
     */
    fieldCodes?: Record<string, IssueCode>;
    /** For throttled sign-ins: minutes until the next try is accepted. */
    retryAfterMinutes?: number;
  };
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiErrorBody).error?.message === 'string'
  );
}

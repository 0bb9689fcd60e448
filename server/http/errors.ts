import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { fieldErrors } from '../../shared/auth-schemas.ts';
import type { ApiErrorBody } from '../../shared/api-error.ts';
import { fieldCodes } from '../../shared/validation-messages.ts';
import { logEvent } from '../log.ts';

/** An error the client may show: status, code, French message and optional per-field messages. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly extra?: Partial<ApiErrorBody['error']>,
  ) {
    super(status, { message });
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}), ...this.extra } };
  }
}

/** A failed parse as the uniform 422: French messages per field, and their codes for the browser's language. */
export function validationError(error: ZodError): ApiError {
  return new ApiError(422, 'validation', VALIDATION_MESSAGE, fieldErrors(error), { fieldCodes: fieldCodes(error) });
}
export const VALIDATION_MESSAGE = 'Certains champs sont à corriger.';

export const notFound = (what = 'Ressource') => new ApiError(404, 'not_found', `${what} introuvable.`);
export const forbidden = () => new ApiError(403, 'forbidden', "Vous n'avez pas accès à cette page.");
export const unauthorized = () => new ApiError(401, 'unauthorized', 'Votre session a expiré : reconnectez-vous.');

/** onError: known errors become the uniform body; anything else is logged and answered as a bare 500. */
export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(err.body(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json({ error: { code: 'http_' + status, message: err.message || 'Requête refusée.' } } satisfies ApiErrorBody, status);
  }
  logEvent('error', 'unhandled error', { method: c.req.method, path: c.req.path, error: err });
  return c.json({ error: { code: 'internal', message: 'Une erreur est survenue. Réessayez plus tard.' } } satisfies ApiErrorBody, 500);
}

import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * Passwords and preferences, online only (nothing is queued). Each answers the server's body,
 * typed by its route, or throws OfflineError / HttpError (./errors.ts) for the form to map.
 * Signing in and out is the session's (client/app/session.ts).
 */

const password = apiClient.password;

/** "Mot de passe perdu": the server mails a link if the account exists (same answer either way). */
export function requestPasswordLink(input: InferRequestType<typeof password.lost.$post>['json']) {
  return answer(password.lost.$post({ json: input }));
}

/** A new password chosen through a mailed link (the token is the link's). */
export function resetPassword(input: InferRequestType<typeof password.reset.$post>['json']) {
  return answer(password.reset.$post({ json: input }));
}

/** The signed-in person changes their password. */
export function changePassword(input: InferRequestType<typeof password.change.$post>['json']) {
  return answer(password.change.$post({ json: input }));
}

/** Stores the account's preferences (the server answers 204: nothing to read). */
export async function savePreferences(prefs: InferRequestType<typeof apiClient.session.preferences.$put>['json']): Promise<void> {
  await apiClient.session.preferences.$put({ json: prefs });
}

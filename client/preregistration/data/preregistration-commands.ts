import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The public pre-registration, online only (an application is sent once, when the network is
 * there; what is typed meanwhile waits in the draft: ./preregistration-draft.ts). Each answers the
 * server's body, typed by its route, or throws OfflineError / HttpError (client/data/command-errors.ts).
 */

const preregistration = apiClient.preregistration;

/** What the form needs from the server: a token marking when it was opened (minimum fill time) and the site's disciplines. */
export function fetchPreregistrationForm(siteId: string, signal?: AbortSignal) {
  return answer(preregistration.form.$get({ query: { siteId } }, { init: { signal } }));
}

/** The application as the server takes it (shared/preregistration-schemas.ts). */
export type PreregistrationPayload = InferRequestType<typeof preregistration.$post>['json'];

/** Sends the application: its reference (a confirmation e-mail with it is sent by the server). */
export function sendPreregistration(input: PreregistrationPayload) {
  return answer(preregistration.$post({ json: input }));
}

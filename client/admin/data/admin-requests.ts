import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's review of the families' change requests, online only (it decides on live
 * data): each answers the server's body, typed by its route, or throws OfflineError / HttpError
 * (./errors.ts) for the page's form to map.
 */

const requests = apiClient.admin.requests;

/** The site's pending change requests, oldest first. */
export function fetchChangeRequests() {
  return answer(requests.$get());
}

/** One pending change request as the review page shows it. */
export type RequestView = Awaited<ReturnType<typeof fetchChangeRequests>>['requests'][number];

/** Approves the request's `fields` (all its pending fields when none are named). */
export function approveChangeRequest(id: string, fields?: string[]) {
  return answer(requests[':id'].approve.$post({ param: { id }, json: { fields } }));
}

/** Refuses the request's fields named in `refusal` (all its pending fields when none), with its reason. */
export function refuseChangeRequest(id: string, refusal: InferRequestType<(typeof requests)[':id']['refuse']['$post']>['json']) {
  return answer(requests[':id'].refuse.$post({ param: { id }, json: refusal }));
}

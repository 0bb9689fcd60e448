import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's supporting documents, online only (it decides on live data): the kinds its
 * site asks for, the documents waiting for review and the kinds still missing. Each answers the
 * server's body, typed by its route, or throws OfflineError / HttpError (./errors.ts).
 */

const kinds = apiClient.admin['document-kinds'];
const documents = apiClient.admin.documents;

/** The kinds of documents the site asks for, active or not. */
export function fetchDocumentKinds() {
  return answer(kinds.$get());
}

/** Adds a kind of document to the site's list. */
export function createDocumentKind(input: InferRequestType<typeof kinds.$post>['json']) {
  return answer(kinds.$post({ json: input }));
}

/** Changes a kind: asked each year or not, on the families' list or taken off it. */
export function updateDocumentKind(id: string, patch: InferRequestType<(typeof kinds)[':id']['$put']>['json']) {
  return answer(kinds[':id'].$put({ param: { id: encodeURIComponent(id) }, json: patch }));
}

/** The documents waiting for review on the site, oldest first. */
export function fetchReviewQueue() {
  return answer(documents.$get());
}

/** One document waiting for review. */
export type ReviewQueueItem = Awaited<ReturnType<typeof fetchReviewQueue>>['documents'][number];

/** Per family, the kinds still missing for the current school year. */
export function fetchMissingDocuments() {
  return answer(documents.missing.$get({ query: {} }));
}

/** The kinds still missing, and the school year they are missing for. */
export type MissingDocuments = Awaited<ReturnType<typeof fetchMissingDocuments>>;

/** Accepts a document (the family is told by e-mail). */
export function acceptDocument(id: string) {
  // The body `{}` the page always sent (the route reads none).
  return answer(documents[':id'].accept.$post({ param: { id: encodeURIComponent(id) } }, { headers: { 'content-type': 'application/json' }, init: { body: '{}' } }));
}

/** Refuses a document with its reason (the family is told by e-mail). */
export function refuseDocument(id: string, input: InferRequestType<(typeof documents)[':id']['refuse']['$post']>['json']) {
  return answer(documents[':id'].refuse.$post({ param: { id: encodeURIComponent(id) }, json: input }));
}

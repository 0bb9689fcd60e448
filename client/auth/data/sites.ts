import { answer, apiClient } from '../../api/http.ts';

/** The sites a person can sign in to (public, before any session); `signal` aborts the request. */
export function fetchSites(signal?: AbortSignal) {
  return answer(apiClient.sites.$get(undefined, { init: { signal } }));
}

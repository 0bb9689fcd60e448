import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's desk reads, online only (it decides on live data): each answers the server's
 * body, typed by its route, or throws OfflineError / HttpError (./errors.ts).
 */

/** The figures of the secretariat's site (its landing page). */
export function fetchAdminSummary() {
  return answer(apiClient.admin.summary.$get());
}

/** What the admin landing page shows. */
export type AdminSummary = Awaited<ReturnType<typeof fetchAdminSummary>>;

/** Families of the site matching `q` (names, identifiant, e-mail; accents and case ignored). */
export function searchFamilies(q: string) {
  return answer(apiClient.admin.families.$get({ query: { q } }));
}

/** The site's teachers' and secretariat accounts, with their lock state. */
export function fetchStaffAccounts() {
  return answer(apiClient.admin['staff-accounts'].$get());
}

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

const families = apiClient.admin.families;

/** A family of the site opened by the secretariat: its record, its students, pending requests and accounts. */
export function fetchFamilyRecord(familyId: string) {
  return answer(families[':id'].$get({ param: { id: encodeURIComponent(familyId) } }));
}

/** What the admin family page shows. */
export type FamilyRecord = Awaited<ReturnType<typeof fetchFamilyRecord>>;

/** Edits a family's record directly (no request; the server audits it): answers the fields changed. */
export function editFamily(familyId: string, values: Record<string, unknown>) {
  return answer(families[':id'].$put({ param: { id: encodeURIComponent(familyId) }, json: values }));
}

/** Edits a student's record directly (no request; the server audits it): answers the fields changed. */
export function editStudent(studentId: string, values: Record<string, unknown>) {
  return answer(apiClient.admin.students[':id'].$put({ param: { id: encodeURIComponent(studentId) }, json: values }));
}

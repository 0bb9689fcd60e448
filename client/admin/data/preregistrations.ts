import type { PREREGISTRATION_STATUSES } from '../../../shared/preregistration-schemas.ts';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's review of the pre-registrations, online only (it decides on live data): each
 * answers the server's body, typed by its route, or throws OfflineError / HttpError
 * (client/data/command-errors.ts) for the page to map.
 */

const applications = apiClient.admin.preregistrations;

export type PreregistrationStatus = (typeof PREREGISTRATION_STATUSES)[number];

/** The site's pre-registrations, oldest first; only those of `status` when given. */
export function fetchPreregistrations(status?: PreregistrationStatus) {
  return answer(applications.$get({ query: status ? { status } : {} }));
}

/** One line of the list. */
export type PreregistrationLine = Awaited<ReturnType<typeof fetchPreregistrations>>['applications'][number];

/** One application as sent, with the site's families that may be the same family. */
export function fetchPreregistration(id: string) {
  return answer(applications[':id'].$get({ param: { id } }));
}

export type PreregistrationDetail = Awaited<ReturnType<typeof fetchPreregistration>>;

/**
 * Accepts in one step: a new family, its students and account (the server e-mails the password
 * link), or the children added to `attachToFamilyId`, an existing family of the site.
 */
export function acceptPreregistration(id: string, attachToFamilyId?: string) {
  return answer(applications[':id'].accept.$post({ param: { id }, json: attachToFamilyId ? { attachToFamilyId } : {} }));
}

/** Refuses with a reason the family reads in the e-mail. */
export function refusePreregistration(id: string, reason: string) {
  return answer(applications[':id'].refuse.$post({ param: { id }, json: { reason } }));
}

/** Marks it as being dealt with. */
export function markPreregistrationInProgress(id: string) {
  return answer(applications[':id']['in-progress'].$post({ param: { id } }));
}

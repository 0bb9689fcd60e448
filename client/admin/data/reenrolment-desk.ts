import type { CampaignInput } from '../../../shared/reenrolment-schemas.ts';
import type { ConsentKindCreateInput, ConsentKindWordingInput } from '../../../shared/consent-schemas.ts';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's re-enrolment desk, online only (it decides on live data): each answers the
 * server's body, typed by its route, or throws OfflineError / HttpError for the page to map.
 */
const desk = apiClient.admin.reenrolment;
const kinds = apiClient.admin['consent-kinds'];

/** The site's campaigns (latest year first), its consent kinds, and today in Paris. */
export function fetchReenrolmentDesk() {
  return answer(desk.$get());
}
export type ReenrolmentDesk = Awaited<ReturnType<typeof fetchReenrolmentDesk>>;

export function createCampaign(input: CampaignInput) {
  return answer(desk.campaigns.$post({ json: input }));
}

/** Families done / in progress / not started, with their counts. */
export function fetchCampaignProgress(campaignId: string) {
  return answer(desk.campaigns[':id'].progress.$get({ param: { id: campaignId } }));
}
export type CampaignProgress = Awaited<ReturnType<typeof fetchCampaignProgress>>;

/** One family's answers: students, confirmation, consents with version and who/when. */
export function fetchFamilyAnswers(campaignId: string, familyId: string) {
  return answer(desk.campaigns[':id'].families[':familyId'].$get({ param: { id: campaignId, familyId } }));
}
export type FamilyAnswers = Awaited<ReturnType<typeof fetchFamilyAnswers>>;

/** The CSV's address (a download link: the browser saves the file). */
export const campaignCsvUrl = (campaignId: string) => `/api/admin/reenrolment/campaigns/${encodeURIComponent(campaignId)}/export.csv`;

/** Reminds the families not done; `requestId` is the click's (the same id twice sends once). */
export function sendReminders(campaignId: string, requestId: string) {
  return answer(desk.campaigns[':id'].reminders.$post({ param: { id: campaignId }, json: { requestId } }));
}

export function createConsentKind(input: ConsentKindCreateInput) {
  return answer(kinds.$post({ json: input }));
}

export function rewordConsentKind(id: string, input: ConsentKindWordingInput) {
  return answer(kinds[':id'].wording.$put({ param: { id }, json: input }));
}

export function setConsentKindActive(id: string, active: boolean) {
  return answer(kinds[':id'].active.$put({ param: { id }, json: { active } }));
}

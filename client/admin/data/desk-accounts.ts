import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The desk creates families, teachers and accounts, and holds the site's accounts (issue 14):
 * online only, nothing is queued (a family or an account made twice would be worse than a
 * refusal). Each answers the server's body, typed by its route, or throws OfflineError /
 * HttpError (client/data/command-errors.ts).
 */

const admin = apiClient.admin;
const account = admin.accounts[':id'];
const param = (id: string) => ({ id: encodeURIComponent(id) });

/** The family form's fields and `withAccount`. */
export type NewFamilyRequest = InferRequestType<typeof admin.families.$post>['json'];
/** Civility, names, e-mail and disciplines. */
export type NewTeacherRequest = InferRequestType<typeof admin.teachers.$post>['json'];

/** Creates a family of the site, with its account when asked: `{ familyId, account: { id, username } | null }`. */
export function createFamily(input: NewFamilyRequest) {
  return answer(admin.families.$post({ json: input }));
}

/** Creates a teacher of the site and their account: `{ teacherId, accountId, username }`. */
export function createTeacher(input: NewTeacherRequest) {
  return answer(admin.teachers.$post({ json: input }));
}

/** An account as the desk's actions see it (whether it is disabled, its e-mail). */
export function fetchDeskAccount(accountId: string) {
  return answer(account.$get({ param: param(accountId) }));
}

export type DeskAccount = Awaited<ReturnType<typeof fetchDeskAccount>>;

/** Disables (its sessions end at once) or enables the account: `{ disabled, message }`. */
export function setAccountDisabled(accountId: string, disabled: boolean) {
  return answer(disabled ? account.disable.$post({ param: param(accountId) }) : account.enable.$post({ param: param(accountId) }));
}

/** Changes the account's e-mail: `{ email, message }` (its owner is told at both addresses). */
export function changeAccountEmail(accountId: string, email: string) {
  return answer(account.email.$patch({ param: param(accountId), json: { email } }));
}

/** What the welcome letter says: site, identifiant, the portal's address, to whom. */
export function fetchWelcomeLetter(accountId: string) {
  return answer(account.welcome.$get({ param: param(accountId) }));
}

export type WelcomeLetter = Awaited<ReturnType<typeof fetchWelcomeLetter>>;

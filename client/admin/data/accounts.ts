import { answer, apiClient, HttpError, OfflineError } from '../../api/http.ts';

/**
 * What a desk action on a sign-in account came to: the server's message to announce; 'offline'
 * when it could not be reached; or the server's refusal.
 */
export type AccountActionResult = { done: string } | 'offline' | { refused: string };

export type AccountAction = 'unlock' | 'reset-link';

/**
 * "Débloquer" (every lock of the account) or "Envoyer un lien pour choisir un mot de passe" (a
 * family's account only), from the secretariat's screens: online only, nothing is queued.
 * `staff` names the site's teachers' and office accounts rather than a family's.
 */
export async function actOnAccount(accountId: string, action: AccountAction, opts: { staff?: boolean } = {}): Promise<AccountActionResult> {
  try {
    const { message } = await answer(accountRequest(accountId, action, opts.staff ?? false));
    return { done: message };
  } catch (error) {
    if (error instanceof OfflineError) return 'offline';
    if (error instanceof HttpError) return { refused: error.body.error.message };
    throw error;
  }
}

/** The request of an action; a staff account has no reset link (the server has no such route). */
function accountRequest(accountId: string, action: AccountAction, staff: boolean) {
  const param = { id: encodeURIComponent(accountId) };
  if (staff) {
    if (action !== 'unlock') throw new Error(`no ${action} for a staff account`);
    return apiClient.admin['staff-accounts'][':id'].unlock.$post({ param });
  }
  const account = apiClient.admin.accounts[':id'];
  return action === 'unlock' ? account.unlock.$post({ param }) : account['reset-link'].$post({ param });
}

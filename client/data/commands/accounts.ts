import { api, HttpError, OfflineError } from '../../api/http.ts';

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
  const base = opts.staff ? '/api/admin/staff-accounts' : '/api/admin/accounts';
  try {
    const { message } = await api<{ message: string }>(`${base}/${encodeURIComponent(accountId)}/${action}`, { method: 'POST' });
    return { done: message };
  } catch (error) {
    if (error instanceof OfflineError) return 'offline';
    if (error instanceof HttpError) return { refused: error.body.error.message };
    throw error;
  }
}

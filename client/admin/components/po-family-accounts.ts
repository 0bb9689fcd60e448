import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { actOnAccount } from '../data/accounts.ts';
import './po-account-actions.ts';
import { t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

export interface FamilyAccountView {
  id: string;
  username: string;
  email: string;
  lockedMinutes: number;
  /** Disabled by the desk (when the list says; otherwise learnt from "Gérer le compte"). */
  disabled?: boolean;
}

/**
 * "Comptes de connexion" on the secretariat's family page: each account's identifiant, e-mail and
 * state ("Bloqué" after failed sign-ins, in words), with "Débloquer" and "Envoyer un lien pour
 * choisir un mot de passe" (the same single-use link as a lost password; the desk never sees a
 * password). Results are announced in the element's own status line. With `staff`, the site's
 * teachers and secretariat accounts (/admin/comptes): "Débloquer" only. Under each account,
 * "Gérer le compte" (po-account-actions): disable or enable it, change its e-mail, its welcome letter.
 *
 * @fires po-accounts-changed - after an account was unlocked or its e-mail changed (the page reloads the record)
 */
@customElement('po-family-accounts')
export class PoFamilyAccounts extends LitElement {
  static override styles = [pageStyles, reflowTableStyles];

  /** The sign-in accounts listed: identifiant, e-mail and lock state. */
  @property({ attribute: false }) accounts: FamilyAccountView[] = [];
  /** The site's staff accounts rather than a family's. */
  @property({ type: Boolean }) staff = false;
  @state() private announcement = '';
  @state() private failure = '';
  @state() private busy = '';
  /** Disabled or not, as "Gérer le compte" found or made it (po-account-state), by account id. */
  @state() private disabledById = new Map<string, boolean>();

  override render() {
    const col = { username: t('admin.accounts.col.username'), email: t('admin.accounts.col.email'), state: t('admin.accounts.col.state'), actions: t('admin.accounts.col.actions') };
    return html`
      <h2 id="accounts-title">${t(this.staff ? 'admin.staffAccounts.listTitle' : 'admin.accounts.title')}</h2>
      ${this.accounts.length
        ? html`<div class="table-wrap">
            <table aria-labelledby="accounts-title">
              <thead>
                <tr>
                  <th scope="col">${col.username}</th>
                  <th scope="col">${col.email}</th>
                  <th scope="col">${col.state}</th>
                  <th scope="col">${col.actions}</th>
                </tr>
              </thead>
              <tbody>
                ${this.accounts.map(
                  (a) => html`<tr>
                    <th scope="row">${a.username}</th>
                    <td data-label=${col.email}>${a.email}</td>
                    <td data-label=${col.state}>${this.stateOf(a)}</td>
                    <td data-label=${col.actions}>
                      <div class="actions">
                        ${a.lockedMinutes
                          ? html`<button type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.act(a, 'unlock')}>
                              ${t('admin.accounts.unlock')}<span class="visually-hidden"> ${a.username}</span>
                            </button>`
                          : nothing}
                        ${this.staff
                          ? nothing
                          : html`<button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.act(a, 'reset-link')}>
                              ${t('admin.accounts.resetLink')}<span class="visually-hidden"> ${t('admin.accounts.toAccount', { username: a.username })}</span>
                            </button>`}
                      </div>
                      <po-account-actions .account=${a} @po-account-state=${this._onAccountState}></po-account-actions>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t(this.staff ? 'admin.staffAccounts.none' : 'admin.accounts.none')}</p>`}
      <p role="status" tabindex="-1" id="accounts-status">${this.announcement}</p>
      ${this.failure ? html`<p class="notice error" role="alert">${this.failure}</p>` : nothing}
    `;
  }

  private stateOf(a: FamilyAccountView) {
    if (this.disabledById.get(a.id) ?? a.disabled) return t('accountActions.disabledShort');
    return a.lockedMinutes ? t('admin.accounts.locked', { minutes: a.lockedMinutes }) : t('admin.accounts.active');
  }

  private _onAccountState(event: CustomEvent<{ id: string; disabled: boolean }>) {
    this.disabledById = new Map(this.disabledById).set(event.detail.id, event.detail.disabled);
  }

  private async act(account: FamilyAccountView, action: 'unlock' | 'reset-link') {
    if (this.busy) return;
    this.busy = account.id;
    this.failure = '';
    this.announcement = '';
    try {
      const result = await actOnAccount(account.id, action, { staff: this.staff });
      if (result === 'offline') {
        this.failure = t('common.offlineAction');
        return;
      }
      if ('refused' in result) {
        this.failure = result.refused;
        return;
      }
      await this.updateComplete;
      this.announcement = result.done;
      if (action === 'unlock') {
        // "Débloquer" disappears with the lock: the focus goes to what was done rather than to the page.
        (this.shadowRoot!.getElementById('accounts-status') as HTMLElement).focus();
        this.dispatchEvent(new CustomEvent('po-accounts-changed', { bubbles: true, composed: true }));
      }
    } finally {
      this.busy = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-accounts': PoFamilyAccounts;
  }
  interface GlobalEventHandlersEventMap {
    'po-accounts-changed': CustomEvent<void>;
  }
}

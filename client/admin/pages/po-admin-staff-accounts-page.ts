import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { offlineNotice } from '../../components/offline-notice.ts';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-family-accounts.ts';
import type { FamilyAccountView } from '../components/po-family-accounts.ts';
import { fetchStaffAccounts } from '../data/admin-commands.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * `/admin/comptes`: the site's teachers and secretariat accounts, with their lock state in words
 * and "Débloquer" (the same element as a family's accounts). Online only, like every secretariat
 * screen: offline, the page says so and offers to retry.
 */
@customElement('po-admin-staff-accounts-page')
export class PoAdminStaffAccountsPage extends PageElement {
  static override styles = [pageStyles];

  @state() private accounts: FamilyAccountView[] | null = null;
  @state() private offline = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('admin.staffAccounts.title');
  }

  private async load() {
    try {
      this.accounts = await fetchStaffAccounts();
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <h1>${t('admin.staffAccounts.title')}</h1>
      <p><a href="/admin">${t('admin.familiesPage.back')}</a></p>
      <p>${t('admin.staffAccounts.intro')}</p>
      <div role="status">${this.offline ? offlineNotice(t('admin.offline'), () => void this.load()) : nothing}</div>
      ${this.accounts
        ? html`<po-family-accounts staff .accounts=${this.accounts} @po-accounts-changed=${() => void this.load()}></po-family-accounts>`
        : this.offline
          ? nothing
          : html`<p>${t('common.loading')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-staff-accounts-page': PoAdminStaffAccountsPage;
  }
}

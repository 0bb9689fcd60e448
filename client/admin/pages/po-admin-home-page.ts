import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import { fetchAdminSummary, type AdminSummary } from '../data/admin-commands.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

/**
 * `/admin`: the secretariat's landing page, the figures of its site. The secretariat works
 * online (it decides on live data); offline, the page says so and offers to retry.
 */
@customElement('po-admin-home-page')
export class PoAdminHomePage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      dl.figures {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
        gap: 1rem;
      }
      dl.figures div {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        background: var(--po-color-surface);
      }
      dl.figures dd {
        margin: 0;
        font-size: 1.75em;
        font-weight: 700;
      }
      @media (forced-colors: active) {
        dl.figures div {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private summary: AdminSummary | null = null;
  @state() private offline = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('admin.title');
  }

  private async load() {
    try {
      this.summary = await fetchAdminSummary();
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    const s = this.summary;
    return html`
      <h1>${t('admin.title')}</h1>
      <p><a href="/admin/familles">${t('admin.familiesPage.link')}</a></p>
      <p><a href="/admin/facturation">${t('adminBilling.link')}</a></p>
      <p><a href="/admin/documents">${t('adminDocuments.link')}</a></p>
      <p><a href="/admin/preinscriptions">${t('adminPrereg.link')}</a></p>
      <p><a href="/admin/reinscriptions">${t('deskReenrolment.homeLink')}</a></p>
      <p><a href="/admin/comptes">${t('admin.staffAccounts.link')}</a></p>
      <p><a href="/admin/messages">${t('desk.messages.link')}</a></p>
      <p><a href="/admin/enseignants">${t('adminTeachers.link')}</a></p>
      <p><a href="/admin/cours">${t('adminCourses.link')}</a></p>
      <div role="status">${this.offline ? offlineNotice(t('admin.offline'), () => void this.load()) : nothing}</div>
      ${s
        ? html`<p>${t('admin.summary', { site: s.siteName, year: s.schoolYear })}</p>
            <p><a href="/admin/demandes">${t('admin.requests.link')}</a></p>
            <dl class="figures">
              <div><dt>${t('admin.families')}</dt><dd>${s.families}</dd></div>
              <div><dt>${t('admin.students')}</dt><dd>${s.students}</dd></div>
              <div><dt>${t('admin.courses')}</dt><dd>${s.courses}</dd></div>
              <div><dt>${t('admin.pendingChanges')}</dt><dd>${s.pendingChangeRequests}</dd></div>
              <div><dt>${t('admin.pendingDocuments')}</dt><dd>${s.pendingDocuments}</dd></div>
              <div><dt>${t('admin.mails')}</dt><dd>${s.mailsSent}</dd></div>
            </dl>`
        : this.offline
          ? nothing
          : html`<p>${t('common.loading')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-home-page': PoAdminHomePage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { PREREGISTRATION_STATUSES } from '../../../shared/preregistration-schemas.ts';
import { fetchPreregistrations, type PreregistrationLine, type PreregistrationStatus } from '../data/preregistrations.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { statusLabel } from '../../preregistration/components/preregistration-status.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

const isStatus = (value: string | null): value is PreregistrationStatus => PREREGISTRATION_STATUSES.includes(value as PreregistrationStatus);

/**
 * `/admin/preinscriptions[?statut=new|in_progress|accepted|refused]`: the site's pre-registrations,
 * oldest first (the order they are dealt with), each with its status in words and a link to its
 * page; a status filter (a small form: choosing an option changes nothing until "Afficher"). The
 * secretariat works online: offline, the page says so and offers to retry.
 */
@customElement('po-admin-preregistrations-page')
export class PoAdminPreregistrationsPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      form.filter {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.75em;
        margin-block-end: var(--po-paragraph-spacing);
      }
      form.filter .field {
        min-inline-size: min(100%, 14rem);
      }
      @media (forced-colors: active) {
        th, td {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private applications: PreregistrationLine[] | null = null;
  @state() private offline = false;
  /** The status shown (empty: all), from the address. */
  @state() private status: PreregistrationStatus | '' = '';
  /** Said once a filtered list is there. */
  @state() private announcement = '';

  protected pageTitle() {
    return t('adminPrereg.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    const statut = new URLSearchParams(location.search).get('statut');
    this.status = isStatus(statut) ? statut : '';
    void this.load();
  }

  private async load(announce = false) {
    try {
      this.applications = (await fetchPreregistrations(this.status || undefined)).applications;
      this.offline = false;
      if (announce) this.announcement = t('adminPrereg.count', { count: this.applications.length });
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <h1>${t('adminPrereg.title')}</h1>
      <p><a href="/admin">${t('adminPrereg.backToAdmin')}</a></p>
      <form class="filter" @submit=${this._onFilter}>
        <div class="field">
          <label for="status">${t('adminPrereg.filter')}</label>
          <select id="status" name="statut">
            <option value="" .selected=${this.status === ''}>${t('adminPrereg.filterAll')}</option>
            ${PREREGISTRATION_STATUSES.map((s) => html`<option value=${s} .selected=${this.status === s}>${statusLabel(s)}</option>`)}
          </select>
        </div>
        <button type="submit" class="secondary">${t('adminPrereg.filterApply')}</button>
      </form>
      <div role="status">
        ${this.offline ? offlineNotice(t('adminPrereg.offline'), () => void this.load()) : nothing}
        ${this.announcement ? html`<p class="visually-hidden">${this.announcement}</p>` : nothing}
      </div>
      ${this.renderList()}
    `;
  }

  private renderList() {
    const list = this.applications;
    if (list === null) return this.offline ? nothing : html`<p>${t('common.loading')}</p>`;
    if (!list.length) return html`<p>${this.status ? t('adminPrereg.noneWithStatus', { status: statusLabel(this.status) }) : t('adminPrereg.none')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption>${t('adminPrereg.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('adminPrereg.col.reference')}</th>
            <th scope="col">${t('adminPrereg.col.received')}</th>
            <th scope="col">${t('adminPrereg.col.responsible')}</th>
            <th scope="col">${t('adminPrereg.col.children')}</th>
            <th scope="col">${t('adminPrereg.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (a) => html`<tr>
              <th scope="row"><a href="/admin/preinscriptions/${encodeURIComponent(a.id)}">${a.reference}</a></th>
              <td data-label=${t('adminPrereg.col.received')}>${formatDateTime(a.createdAt)}</td>
              <td data-label=${t('adminPrereg.col.responsible')}>${a.responsibleName}<br />${a.email}</td>
              <td data-label=${t('adminPrereg.col.children')}>${a.children}</td>
              <td data-label=${t('adminPrereg.col.status')}>${statusLabel(a.status)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private readonly _onFilter = (e: SubmitEvent) => {
    e.preventDefault();
    const value = ((e.target as HTMLFormElement).elements.namedItem('statut') as HTMLSelectElement).value;
    this.status = isStatus(value) ? value : '';
    // The address says what is shown (a reload or a shared link keeps the filter), without a navigation.
    const url = new URL(location.href);
    if (this.status) url.searchParams.set('statut', this.status);
    else url.searchParams.delete('statut');
    history.replaceState(history.state, '', url);
    this.announcement = '';
    void this.load(true);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-preregistrations-page': PoAdminPreregistrationsPage;
  }
}

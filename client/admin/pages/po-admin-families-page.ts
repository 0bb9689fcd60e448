import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { FAMILY_SEARCH_MAX, type FamilySearchAnswer } from '../../../shared/family-search.ts';
import { navigate } from '../../app/navigate.ts';
import { PageElement } from '../../components/page-element.ts';
import { searchFamilies } from '../data/admin-commands.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

/**
 * `/admin/familles?q=…`: the secretariat finds a family of its site by the responsible's name, a
 * student's name, an identifiant or the e-mail (accents and case ignored) and opens its record.
 * The words searched are in the URL, so a result list can be bookmarked and Back returns to it.
 * The secretariat works online: offline, the page says so and offers to retry.
 */
@customElement('po-admin-families-page')
export class PoAdminFamiliesPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @state() private query = '';
  @state() private answer: FamilySearchAnswer | null = null;
  @state() private offline = false;
  /**
   * The search's error (on its field) and the status line (how many found). Not its submit: a new
   * search may start while one runs (the newest answer wins, see searchNumber).
   */
  private readonly form = new FormController(this, { name: 'family-search', fields: ['q'], initial: { q: '' } });

  override connectedCallback() {
    super.connectedCallback();
    this.query = new URLSearchParams(location.search).get('q') ?? '';
    void this.load();
  }

  protected pageTitle() {
    return t('admin.familiesPage.title');
  }

  /** Numbers the searches: an answer to an older one, arriving late, never replaces a newer one's. */
  private searchNumber = 0;

  private async load() {
    this.form.clearErrors();
    const number = ++this.searchNumber;
    try {
      const found = await searchFamilies(this.query.trim());
      if (number !== this.searchNumber) return;
      this.answer = found;
      this.offline = false;
      this.announce(found);
    } catch (error) {
      if (number !== this.searchNumber) return;
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 422) {
        this.form.showErrors({ q: serverProblem(error.body).fields.q ?? error.body.error.message });
      } else if (error instanceof HttpError) {
        this.form.announce(error.body.error.message);
      } else throw error;
    }
  }

  private announce(answer: FamilySearchAnswer) {
    // Said again after another search that finds the same count.
    this.form.announce(
      answer.total > answer.families.length
        ? t('admin.familiesPage.foundMore', { count: answer.total, shown: answer.families.length })
        : t('admin.familiesPage.found', { count: answer.total }),
      { again: true },
    );
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    const input = this.shadowRoot!.getElementById('q') as HTMLInputElement;
    this.query = input.value;
    const url = new URL(location.href);
    if (this.query.trim()) url.searchParams.set('q', this.query.trim());
    else url.searchParams.delete('q');
    navigate(url.pathname + url.search, { replace: true });
    void this.load();
  }

  override render() {
    const a = this.answer;
    const error = this.form.error('q');
    return html`
      <h1>${t('admin.familiesPage.title')}</h1>
      <p><a href="/admin">${t('admin.familiesPage.back')}</a></p>
      <p><a href="/admin/familles/nouvelle">${t('deskAccounts.newFamilyLink')}</a></p>
      ${this.form.renderSummary()}
      <form role="search" novalidate @submit=${this._onSubmit}>
        <div class="field">
          <label for="q">${t('admin.familiesPage.search')}</label>
          <p class="hint" id="q-hint">${t('admin.familiesPage.searchHint')}</p>
          ${error ? html`<p class="field-error" id="q-error">${error}</p>` : nothing}
          <input
            id="q"
            name="q"
            type="search"
            autocomplete="off"
            maxlength=${FAMILY_SEARCH_MAX}
            .value=${this.query}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'q-hint q-error' : 'q-hint'}
          />
        </div>
        <div class="actions"><button type="submit">${t('admin.familiesPage.submit')}</button></div>
      </form>
      <div role="status">
        ${this.offline
          ? offlineNotice(t('admin.requests.offline'), () => void this.load())
          : nothing}
        <p class="announcement">${this.form.announcement}</p>
      </div>
      ${a === null ? (this.offline ? nothing : html`<p>${t('common.loading')}</p>`) : this.renderResults(a)}
    `;
  }

  private renderResults(a: FamilySearchAnswer) {
    if (!a.families.length) return html`<p>${t('admin.familiesPage.none')}</p>`;
    const col = {
      family: t('admin.familiesPage.col.family'),
      students: t('admin.familiesPage.col.students'),
      usernames: t('admin.familiesPage.col.usernames'),
      city: t('admin.familiesPage.col.city'),
      pending: t('admin.familiesPage.col.pending'),
    };
    return html`<div class="table-wrap">
      <table>
        <caption>${a.total > a.families.length ? t('admin.familiesPage.foundMore', { count: a.total, shown: a.families.length }) : t('admin.familiesPage.found', { count: a.total })}</caption>
        <thead>
          <tr>
            <th scope="col">${col.family}</th>
            <th scope="col">${col.students}</th>
            <th scope="col">${col.usernames}</th>
            <th scope="col">${col.city}</th>
            <th scope="col">${col.pending}</th>
          </tr>
        </thead>
        <tbody>
          ${a.families.map(
            (f) => html`<tr>
              <th scope="row"><a href="/admin/familles/${f.id}">${[f.civility, f.lastName, f.firstName].filter(Boolean).join(' ')}</a></th>
              <td data-label=${col.students}>${f.students.join(', ') || t('admin.familiesPage.noStudents')}</td>
              <td data-label=${col.usernames}>${f.usernames.join(', ') || t('admin.familiesPage.noAccount')}</td>
              <td data-label=${col.city}>${f.city}</td>
              <td data-label=${col.pending}>${f.pendingRequests}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-families-page': PoAdminFamiliesPage;
  }
}

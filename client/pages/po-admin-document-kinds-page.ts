import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DocumentKindAdminView } from '../../shared/document-kinds.ts';
import { api, HttpError, OfflineError } from '../api/http.ts';
import { errorSummary, focusErrorSummary, type SummaryItem } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { t } from '../i18n/i18n.ts';
import { reflowTableStyles } from '../styles/reflow-table-styles.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { offlineNotice } from '../components/offline-notice.ts';

type Owner = 'family' | 'student';

/**
 * `/admin/documents/types`: the kinds of supporting documents the site asks for. The secretariat
 * adds one (for the family or for each student, asked each school year or not), asks for it each
 * year or no longer, and takes it off the families' list or puts it back; documents already sent
 * keep their kind. Families get the change with their next sync. Online only, like every
 * secretariat screen: offline, the page says so and keeps what was typed.
 */
@customElement('po-admin-document-kinds-page')
export class PoAdminDocumentKindsPage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  @state() private kinds: DocumentKindAdminView[] | null = null;
  @state() private offline = false;
  @state() private label = '';
  @state() private owner: Owner | '' = '';
  @state() private requiredEachYear = false;
  @state() private errors: SummaryItem[] = [];
  @state() private announcement = '';
  @state() private busy = false;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('adminKinds.title');
  }

  private async load() {
    try {
      this.kinds = (await api<{ kinds: DocumentKindAdminView[] }>('/api/admin/document-kinds')).kinds;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  private announce(message: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  /**
   * Sends a change: field errors go to the form's summary; being offline, or any other refusal
   * (a kind another tab removed, a server error), to the status line.
   */
  private async send(request: () => Promise<unknown>, done: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    try {
      await request();
    } catch (error) {
      if (error instanceof OfflineError) {
        this.offline = true;
        this.announce(t('common.offlineAction'));
      } else if (error instanceof HttpError && error.body.error.fields && Object.keys(error.body.error.fields).length) {
        this.errors = Object.entries(error.body.error.fields).map(([field, message]) => ({ field: field === 'owner' ? 'owner-family' : field, message }));
        void focusErrorSummary(this);
      } else if (error instanceof HttpError) {
        this.announce(error.body.error.message);
      } else throw error;
      return false;
    } finally {
      this.busy = false;
    }
    this.errors = [];
    this.offline = false;
    this.announce(done);
    await this.load();
    return true;
  }

  private async _onAdd(event: Event) {
    event.preventDefault();
    const errors: SummaryItem[] = [];
    if (!this.label.trim()) errors.push({ field: 'label', message: t('adminKinds.labelRequired') });
    if (!this.owner) errors.push({ field: 'owner-family', message: t('adminKinds.ownerRequired') });
    if (errors.length) {
      this.errors = errors;
      void focusErrorSummary(this);
      return;
    }
    const label = this.label.trim();
    const added = await this.send(
      () => api('/api/admin/document-kinds', { body: { label, owner: this.owner, requiredEachYear: this.requiredEachYear } }),
      t('adminKinds.added', { label }),
    );
    if (added) {
      this.label = '';
      this.owner = '';
      this.requiredEachYear = false;
    }
  }

  private change(kind: DocumentKindAdminView, patch: { active?: boolean; requiredEachYear?: boolean }, done: string) {
    void this.send(() => api(`/api/admin/document-kinds/${encodeURIComponent(kind.id)}`, { method: 'PUT', body: patch }), done);
  }

  override render() {
    const fieldError = (name: string) => this.errors.find((e) => e.field === name)?.message;
    const labelError = fieldError('label');
    const ownerError = fieldError('owner-family');
    return html`
      <h1>${t('adminKinds.title')}</h1>
      <p><a href="/admin/documents">${t('adminKinds.back')}</a></p>
      <p>${t('adminKinds.intro')}</p>
      <div role="status">
        ${this.offline && !this.kinds
          ? offlineNotice(t('adminDocuments.offline'), () => void this.load())
          : nothing}
        <p class="announcement">${this.announcement}</p>
      </div>
      ${errorSummary(this.errors, this.shadowRoot, this.errors.length ? t('adminKinds.notSaved') : undefined)}
      ${this.kinds === null ? (this.offline ? nothing : html`<p>${t('common.loading')}</p>`) : this.renderTable(this.kinds)}
      <h2 id="add-title">${t('adminKinds.addTitle')}</h2>
      <form novalidate aria-labelledby="add-title" @submit=${this._onAdd}>
        <div class="field">
          <label for="label">${t('adminKinds.label')}</label>
          ${labelError ? html`<p class="field-error" id="label-error">${labelError}</p>` : nothing}
          <input id="label" name="label" type="text" maxlength="100" required aria-required="true"
            aria-invalid=${labelError ? 'true' : 'false'} aria-describedby=${labelError ? 'label-error' : nothing}
            .value=${this.label} @input=${(e: Event) => (this.label = (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="field" aria-describedby=${ownerError ? 'owner-error' : nothing}>
          <legend>${t('adminKinds.owner')}</legend>
          ${ownerError ? html`<p class="field-error" id="owner-error">${ownerError}</p>` : nothing}
          ${(['family', 'student'] as const).map(
            (o) => html`<div class="check-row">
              <input type="radio" id="owner-${o}" name="owner" value=${o} .checked=${this.owner === o}
                aria-invalid=${ownerError ? 'true' : 'false'} @change=${() => (this.owner = o)} />
              <label for="owner-${o}">${t(o === 'family' ? 'adminKinds.owner.family' : 'adminKinds.owner.student')}</label>
            </div>`,
          )}
        </fieldset>
        <div class="field check-row">
          <input type="checkbox" id="requiredEachYear" .checked=${this.requiredEachYear}
            @change=${(e: Event) => (this.requiredEachYear = (e.target as HTMLInputElement).checked)} />
          <label for="requiredEachYear">${t('adminKinds.requiredEachYear')}</label>
        </div>
        <div class="actions"><button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('adminKinds.add')}</button></div>
      </form>
    `;
  }

  private renderTable(kinds: DocumentKindAdminView[]) {
    if (!kinds.length) return html`<p>${t('adminKinds.none')}</p>`;
    const col = {
      owner: t('adminKinds.col.owner'),
      yearly: t('adminKinds.col.yearly'),
      state: t('adminKinds.col.state'),
      documents: t('adminKinds.col.documents'),
      actions: t('adminKinds.col.actions'),
    };
    return html`<div class="table-wrap">
      <table>
        <caption>${t('adminKinds.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('adminKinds.col.label')}</th>
            <th scope="col">${col.owner}</th>
            <th scope="col">${col.yearly}</th>
            <th scope="col">${col.state}</th>
            <th scope="col">${col.documents}</th>
            <th scope="col">${col.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            kinds,
            // Keyed: a kind moved by the new order keeps its row, and the focus stays on its button.
            (k) => k.id,
            (k) => html`<tr>
              <th scope="row">${k.label}</th>
              <td data-label=${col.owner}>${t(k.owner === 'family' ? 'adminKinds.owner.family' : 'adminKinds.owner.student')}</td>
              <td data-label=${col.yearly}>${k.requiredEachYear ? t('records.yes') : t('records.no')}</td>
              <td data-label=${col.state}>${k.active ? t('adminKinds.active') : t('adminKinds.inactive')}</td>
              <td data-label=${col.documents}>${k.documents}</td>
              <td data-label=${col.actions}>
                <div class="actions">
                  <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'}
                    @click=${() => this.change(k, { requiredEachYear: !k.requiredEachYear }, t(k.requiredEachYear ? 'adminKinds.notYearlyDone' : 'adminKinds.yearlyDone', { label: k.label }))}>
                    ${t(k.requiredEachYear ? 'adminKinds.makeNotYearly' : 'adminKinds.makeYearly')}<span class="visually-hidden"> : ${k.label}</span>
                  </button>
                  <button type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'}
                    @click=${() => this.change(k, { active: !k.active }, t(k.active ? 'adminKinds.deactivated' : 'adminKinds.activated', { label: k.label }))}>
                    ${t(k.active ? 'adminKinds.deactivate' : 'adminKinds.activate')}<span class="visually-hidden"> : ${k.label}</span>
                  </button>
                </div>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-document-kinds-page': PoAdminDocumentKindsPage;
  }
}

import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DocumentKindAdminView } from '../../../shared/document-kinds.ts';
import { createDocumentKind, fetchDocumentKinds, updateDocumentKind } from '../data/admin-documents.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

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
  /** The "add" form; its announcement is the page's status line (the table's buttons use it too). */
  private readonly form = new FormController(this, {
    name: 'document-kinds',
    fields: ['label', 'owner'],
    // The radio group's error links to its first radio.
    fieldIds: { owner: 'owner-family' },
    initial: { label: '', owner: '' as Owner | '', requiredEachYear: false as boolean },
  });

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('adminKinds.title');
  }

  private async load() {
    try {
      this.kinds = (await fetchDocumentKinds()).kinds;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  /**
   * Sends a change: field errors go to the form's summary; being offline, or any other refusal
   * (a kind another tab removed, a server error), to the status line.
   */
  private async send(request: () => Promise<unknown>, done: string): Promise<boolean> {
    const sent = await this.form.submit(request, {
      problem: (error) => {
        if (error instanceof OfflineError) {
          this.offline = true;
          this.form.announce(t('common.offlineAction'), { again: true });
          return null;
        }
        if (error instanceof HttpError && Object.keys(error.body.error.fields ?? {}).length) {
          return { fields: serverProblem(error.body).fields, message: t('adminKinds.notSaved') };
        }
        if (error instanceof HttpError) {
          this.form.announce(error.body.error.message, { again: true });
          return null;
        }
        throw error;
      },
    });
    if (!sent.ok) return false;
    this.offline = false;
    this.form.announce(done, { again: true });
    await this.load();
    return true;
  }

  private async _onAdd(event: Event) {
    event.preventDefault();
    const { owner, requiredEachYear } = this.form.values;
    const label = this.form.values.label.trim();
    const errors: Record<string, string> = {};
    if (!label) errors.label = t('adminKinds.labelRequired');
    if (!owner) errors.owner = t('adminKinds.ownerRequired');
    if (!label || !owner) return this.form.showErrors(errors, t('adminKinds.notSaved'));
    const added = await this.send(
      () => createDocumentKind({ label, owner, requiredEachYear }),
      t('adminKinds.added', { label }),
    );
    if (added) this.form.reset();
  }

  private change(kind: DocumentKindAdminView, patch: { active?: boolean; requiredEachYear?: boolean }, done: string) {
    void this.send(() => updateDocumentKind(kind.id, patch), done);
  }

  override render() {
    const form = this.form;
    const labelError = form.error('label');
    const ownerError = form.error('owner');
    return html`
      <h1>${t('adminKinds.title')}</h1>
      <p><a href="/admin/documents">${t('adminKinds.back')}</a></p>
      <p>${t('adminKinds.intro')}</p>
      <div role="status">
        ${this.offline && !this.kinds
          ? offlineNotice(t('adminDocuments.offline'), () => void this.load())
          : nothing}
        <p class="announcement">${form.announcement}</p>
      </div>
      ${form.renderSummary()}
      ${this.kinds === null ? (this.offline ? nothing : html`<p>${t('common.loading')}</p>`) : this.renderTable(this.kinds)}
      <h2 id="add-title">${t('adminKinds.addTitle')}</h2>
      <form novalidate aria-labelledby="add-title" @submit=${this._onAdd}>
        <div class="field">
          <label for="label">${t('adminKinds.label')}</label>
          ${labelError ? html`<p class="field-error" id="label-error">${labelError}</p>` : nothing}
          <input id="label" name="label" type="text" maxlength="100" required aria-required="true"
            aria-invalid=${labelError ? 'true' : 'false'} aria-describedby=${labelError ? 'label-error' : nothing}
            .value=${form.values.label} @input=${(e: Event) => form.set('label', (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="field" aria-describedby=${ownerError ? 'owner-error' : nothing}>
          <legend>${t('adminKinds.owner')}</legend>
          ${ownerError ? html`<p class="field-error" id="owner-error">${ownerError}</p>` : nothing}
          ${(['family', 'student'] as const).map(
            (o) => html`<div class="check-row">
              <input type="radio" id="owner-${o}" name="owner" value=${o} .checked=${form.values.owner === o}
                aria-invalid=${ownerError ? 'true' : 'false'} @change=${() => form.set('owner', o)} />
              <label for="owner-${o}">${t(o === 'family' ? 'adminKinds.owner.family' : 'adminKinds.owner.student')}</label>
            </div>`,
          )}
        </fieldset>
        <div class="field check-row">
          <input type="checkbox" id="requiredEachYear" .checked=${form.values.requiredEachYear}
            @change=${(e: Event) => form.set('requiredEachYear', (e.target as HTMLInputElement).checked)} />
          <label for="requiredEachYear">${t('adminKinds.requiredEachYear')}</label>
        </div>
        <div class="actions"><button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('adminKinds.add')}</button></div>
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
                  <button type="button" class="secondary" aria-disabled=${this.form.busy ? 'true' : 'false'}
                    @click=${() => this.change(k, { requiredEachYear: !k.requiredEachYear }, t(k.requiredEachYear ? 'adminKinds.notYearlyDone' : 'adminKinds.yearlyDone', { label: k.label }))}>
                    ${t(k.requiredEachYear ? 'adminKinds.makeNotYearly' : 'adminKinds.makeYearly')}<span class="visually-hidden"> : ${k.label}</span>
                  </button>
                  <button type="button" class="secondary" aria-disabled=${this.form.busy ? 'true' : 'false'}
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

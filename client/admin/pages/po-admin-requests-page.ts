import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { approveChangeRequest, fetchChangeRequests, refuseChangeRequest, type RequestView } from '../data/admin-requests.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { displayValue, fieldLabel } from '../../family/components/identity-form.ts';
import { contactList, contactListStyles } from '../../family/components/emergency-contacts-view.ts';
import type { EmergencyContact } from '../../../shared/emergency-contact.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

/** A field's value in the review: a list of emergency contacts as a readable list (not JSON), the others as text. */
const shownValue = (field: string, value: unknown) => (Array.isArray(value) ? contactList(value as EmergencyContact[]) : displayValue(field, value));

/**
 * `/admin/demandes`: the site's pending change requests, oldest first. For each field the value
 * the family started from, the value on file and the value asked for (a conflict is flagged when
 * the record changed in between); "Approuver" / "Refuser" per field or for the whole request, a
 * reason being required to refuse. The secretariat works online: offline, the page says so.
 */
@customElement('po-admin-requests-page')
export class PoAdminRequestsPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    contactListStyles,
    css`
      section.request {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        margin-block-end: 1.5rem;
      }
      .table-wrap {
        overflow-x: auto;
      }
      td .actions {
        gap: 0.4em;
      }
      textarea {
        min-block-size: 4em;
      }
      .changed {
        font-weight: 700;
      }
      @media (forced-colors: active) {
        section.request, tr {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private requests: RequestView[] | null = null;
  @state() private offline = false;
  /**
   * One form per request: its refusal reason (the field's id `reason-<id>`), errors and
   * announcement. One summary and one announcement on the page at a time, and one decision sent
   * at a time.
   */
  private readonly forms = new Map<string, FormController<{ reason: string }>>();

  private formFor(r: RequestView): FormController<{ reason: string }> {
    let form = this.forms.get(r.id);
    if (!form) {
      form = new FormController(this, { name: `request-${r.id}`, fields: ['reason'], fieldIds: { reason: `reason-${r.id}` }, initial: { reason: '' } });
      this.forms.set(r.id, form);
    }
    return form;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('admin.requests.title');
  }

  private async load() {
    try {
      this.requests = (await fetchChangeRequests()).requests;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    const forms = [...this.forms.values()];
    return html`
      <h1>${t('admin.requests.title')}</h1>
      <div role="status">${this.offline ? offlineNotice(t('admin.requests.offline'), () => void this.load()) : nothing}</div>
      ${forms.map((f) => f.renderSummary())}
      <p role="status" class="announcement">${forms.map((f) => f.announcement).join('')}</p>
      ${this.requests === null
        ? this.offline
          ? nothing
          : html`<p>${t('common.loading')}</p>`
        : this.requests.length
          ? this.requests.map((r) => this.renderRequest(r))
          : html`<p>${t('admin.requests.none')}</p>`}
    `;
  }

  private renderRequest(r: RequestView) {
    const kind = r.targetKind === 'family' ? t('admin.requests.kind.family') : t('admin.requests.kind.student', { family: r.familyName });
    const form = this.formFor(r);
    const reasonId = form.fieldId('reason');
    const reasonError = form.error('reason');
    const described = [`${reasonId}-hint`, reasonError ? `${reasonId}-error` : ''].filter(Boolean).join(' ');
    return html`<section class="request" aria-labelledby="title-${r.id}">
      <h2 id="title-${r.id}">${r.targetName} — ${kind}</h2>
      <p>${t('admin.requests.received', { when: formatDateTime(r.createdAt) })} · <a href="/admin/familles/${r.familyId}">${t('admin.requests.openFamily', { name: r.familyName })}</a></p>
      ${r.conflict ? html`<p class="notice warning">${t('admin.requests.conflict')}</p>` : nothing}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${r.targetName}</caption>
          <thead>
            <tr>
              <th scope="col">${t('admin.requests.col.field')}</th>
              <th scope="col">${t('admin.requests.col.from')}</th>
              <th scope="col">${t('admin.requests.col.onFile')}</th>
              <th scope="col">${t('admin.requests.col.to')}</th>
              <th scope="col">${t('admin.requests.col.decision')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.fields.map(
              (f) => html`<tr>
                <th scope="row">${fieldLabel(f.field)}</th>
                <td data-label=${t('admin.requests.col.from')}>${shownValue(f.field, f.from)}</td>
                <td data-label=${t('admin.requests.col.onFile')} class=${f.changedOnFile ? 'changed' : ''}>
                  ${shownValue(f.field, f.onFile)}${f.changedOnFile ? html` (${t('admin.requests.changedOnFile')})` : nothing}
                </td>
                <td data-label=${t('admin.requests.col.to')}>${shownValue(f.field, f.to)}</td>
                <td data-label=${t('admin.requests.col.decision')}>
                  ${f.status === 'pending'
                    ? html`<div class="actions">
                        <button type="button" @click=${() => void this.decide(r, true, [f.field])}>
                          ${t('admin.requests.approve')}<span class="visually-hidden"> ${fieldLabel(f.field)}</span>
                        </button>
                        <button type="button" class="secondary" @click=${() => void this.decide(r, false, [f.field])}>
                          ${t('admin.requests.refuse')}<span class="visually-hidden"> ${fieldLabel(f.field)}</span>
                        </button>
                      </div>`
                    : html`${t('admin.requests.decided')}${f.reason ? ` — ${f.reason}` : ''}`}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="field">
        <label for=${reasonId}>${t('admin.requests.reason')}</label>
        <p class="hint" id="${reasonId}-hint">${t('admin.requests.reasonHint')}</p>
        ${reasonError ? html`<p class="field-error" id="${reasonId}-error">${reasonError}</p>` : nothing}
        <textarea
          id=${reasonId}
          aria-describedby=${described}
          aria-invalid=${reasonError ? 'true' : 'false'}
          .value=${form.values.reason}
          @input=${(e: InputEvent) => form.set('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="button" @click=${() => void this.decide(r, true)}>${t('admin.requests.approveAll')}</button>
        <button type="button" class="secondary" @click=${() => void this.decide(r, false)}>${t('admin.requests.refuseAll')}</button>
      </div>
    </section>`;
  }

  /** A decision is being checked or sent: a second click, or another request's, waits for it. */
  private deciding = false;

  private async decide(r: RequestView, approve: boolean, fields?: string[]) {
    if (this.deciding || [...this.forms.values()].some((f) => f.busy)) return;
    this.deciding = true;
    try {
      await this.decideNow(r, approve, fields);
    } finally {
      this.deciding = false;
    }
  }

  private async decideNow(r: RequestView, approve: boolean, fields?: string[]) {
    const form = this.formFor(r);
    for (const other of this.forms.values()) if (other !== form) other.announce('');
    // A refusal needs its reason (the shared schema the server checks too). The schemas (and zod)
    // load with the first refusal, not with the list: most visits read or approve.
    const refuseSchema = approve ? null : (await import('../../../shared/identity-schemas.ts')).refuseSchema;
    const refusal = refuseSchema ? form.validate(refuseSchema, { fields, reason: form.values.reason }) : null;
    if (!approve && !refusal) return;
    const sent = await form.submit(() => (refusal ? refuseChangeRequest(r.id, refusal) : approveChangeRequest(r.id, fields)), {
      problem: (error) => {
        // Offline: the page's offline notice says so (and offers to retry).
        if (error instanceof OfflineError) {
          this.offline = true;
          return null;
        }
        return undefined;
      },
    });
    if (!sent.ok) {
      // Refused (e.g. decided meanwhile in another tab): show the request as it is now.
      if (sent.error instanceof HttpError) await this.load();
      return;
    }
    const names = (fields ?? r.fields.filter((f) => f.status === 'pending').map((f) => f.field)).map(fieldLabel).join(', ');
    form.announce(t(approve ? 'admin.requests.approved' : 'admin.requests.refused', { target: r.targetName, fields: names }));
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-requests-page': PoAdminRequestsPage;
  }
}

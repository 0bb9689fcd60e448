import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { refuseDocumentSchema } from '../../../shared/document-rules.ts';
import {
  acceptDocument,
  fetchMissingDocuments,
  fetchReviewQueue,
  refuseDocument,
  type MissingDocuments,
  type ReviewQueueItem,
} from '../data/admin-documents.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatFileSize } from '../../documents/components/po-document-list.ts';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

interface Preview {
  id: string;
  url: string;
  fileName: string;
}

/**
 * `/admin/documents`: the documents waiting for review on the secretariat's site, oldest first.
 * Images are previewed here through a `blob:` URL (fetched with the session, never cached);
 * PDFs open in a new tab. "Accepter", or "Refuser" with a required reason: the family is told
 * by e-mail and sees the status at its next sync. Below, per family, the kinds still missing
 * for the school year. The secretariat works online.
 */
@customElement('po-admin-documents-page')
export class PoAdminDocumentsPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
      td.actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      figure {
        margin: 0 0 1rem;
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        background: var(--po-color-surface);
      }
      figure img {
        display: block;
        max-inline-size: 100%;
        block-size: auto;
        margin-block-end: 0.75rem;
      }
      .refuse {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        margin-block: 1rem;
      }
      textarea {
        min-block-size: 5em;
      }
      ul.missing li {
        margin-block-end: 0.5em;
      }
      @media (forced-colors: active) {
        figure,
        .refuse {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private queue: ReviewQueueItem[] | null = null;
  @state() private missing: MissingDocuments | null = null;
  @state() private offline = false;
  @state() private preview: Preview | null = null;
  @state() private refusing: ReviewQueueItem | null = null;
  /**
   * The refusal's reason, and every decision's busy flag, errors and success line (accepting
   * goes through it too, without a field).
   */
  private readonly form = new FormController(this, { name: 'admin-documents', fields: ['reason'], initial: { reason: '' } });

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    this.closePreview();
    super.disconnectedCallback();
  }

  protected pageTitle() {
    return t('adminDocuments.title');
  }

  private async load() {
    try {
      const [queue, missing] = await Promise.all([
        fetchReviewQueue(),
        fetchMissingDocuments(),
      ]);
      this.queue = queue.documents;
      this.missing = missing;
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <h1>${t('adminDocuments.title')}</h1>
      <p><a href="/admin/documents/types">${t('adminKinds.link')}</a></p>
      <div role="status">
        ${this.offline
          ? offlineNotice(t('adminDocuments.offline'), () => void this.load())
          : nothing}
        ${this.form.succeeded && this.form.announcement ? html`<p class="notice success">${this.form.announcement}</p>` : nothing}
      </div>
      ${this.form.renderSummary()}
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">${t('adminDocuments.queueTitle')}</h2>
        ${this.queue === null ? (this.offline ? nothing : html`<p>${t('common.loading')}</p>`) : this.renderQueue(this.queue)}
        ${this.preview
          ? html`<figure>
              <img src=${this.preview.url} alt=${t('adminDocuments.previewOf', { name: this.preview.fileName })} />
              <figcaption>
                ${t('adminDocuments.previewOf', { name: this.preview.fileName })}
                <button type="button" class="secondary" id="close-preview" @click=${this._onClosePreview}>${t('adminDocuments.closePreview')}</button>
              </figcaption>
            </figure>`
          : nothing}
        ${this.refusing ? this.renderRefuse(this.refusing) : nothing}
      </section>
      ${this.missing
        ? html`<section aria-labelledby="missing-title">
            <h2 id="missing-title">${t('adminDocuments.missingTitle', { year: this.missing.schoolYear })}</h2>
            ${this.missing.families.length
              ? html`<ul class="missing">
                  ${this.missing.families.map(
                    (f) => html`<li>
                      <strong>${f.familyName}</strong> :
                      ${f.missing
                        .map((m) =>
                          m.studentName
                            ? t('adminDocuments.missingStudent', { kind: m.kindLabel, student: m.studentName })
                            : t('adminDocuments.missingFamily', { kind: m.kindLabel }),
                        )
                        .join(' ; ')}
                    </li>`,
                  )}
                </ul>`
              : html`<p>${t('adminDocuments.missingNone')}</p>`}
          </section>`
        : nothing}
    `;
  }

  private renderQueue(queue: ReviewQueueItem[]) {
    if (!queue.length) return html`<p>${t('adminDocuments.empty')}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${t('adminDocuments.queueTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('documents.col.file')}</th>
            <th scope="col">${t('adminDocuments.col.received')}</th>
            <th scope="col">${t('adminDocuments.col.family')}</th>
            <th scope="col">${t('adminDocuments.col.owner')}</th>
            <th scope="col">${t('documents.col.kind')}</th>
            <th scope="col">${t('documents.col.size')}</th>
            <th scope="col">${t('documents.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${queue.map(
            (d) => html`<tr>
              <th scope="row">${d.fileName}</th>
              <td data-label=${t('adminDocuments.col.received')}>${formatDateTime(d.createdAt)}</td>
              <td data-label=${t('adminDocuments.col.family')}>${d.familyName}</td>
              <td data-label=${t('adminDocuments.col.owner')}>${d.studentName ?? t('adminDocuments.familyOwner')}</td>
              <td data-label=${t('documents.col.kind')}>${d.kindLabel}</td>
              <td data-label=${t('documents.col.size')}>${formatFileSize(d.sizeBytes)}</td>
              <td data-label=${t('documents.col.actions')} class="actions">
                ${d.mediaType === 'application/pdf'
                  ? html`<a href="/api/admin/documents/${d.id}/file?apercu=1" target="_blank" rel="external noopener"
                      >${t('adminDocuments.openPdf')}<span class="visually-hidden"> ${d.fileName} ${t('adminDocuments.newTab')}</span></a
                    >`
                  : html`<button type="button" class="secondary" @click=${() => void this._onPreview(d)}>
                      ${t('adminDocuments.preview')}<span class="visually-hidden"> ${d.fileName}</span>
                    </button>`}
                <button type="button" ?disabled=${this.form.busy} @click=${() => void this._onAccept(d)}>
                  ${t('adminDocuments.accept')}<span class="visually-hidden"> ${d.fileName}</span>
                </button>
                <button type="button" class="secondary" ?disabled=${this.form.busy} @click=${() => void this._onStartRefuse(d)}>
                  ${t('adminDocuments.refuse')}<span class="visually-hidden"> ${d.fileName}</span>
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderRefuse(d: ReviewQueueItem) {
    const error = this.form.error('reason');
    return html`<form class="refuse" novalidate aria-labelledby="refuse-title" @submit=${this._onRefuse}>
      <h3 id="refuse-title">${t('adminDocuments.refuseTitle', { name: d.fileName })}</h3>
      <div class="field">
        <label for="reason">${t('adminDocuments.reason')}<span aria-hidden="true"> *</span></label>
        <p class="hint" id="reason-hint">${t('adminDocuments.reasonHint')}</p>
        ${error ? html`<p class="field-error" id="reason-error">${error}</p>` : nothing}
        <textarea
          id="reason"
          name="reason"
          required
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'reason-hint reason-error' : 'reason-hint'}
          .value=${this.form.values.reason}
          @input=${(e: InputEvent) => this.form.set('reason', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>${t('adminDocuments.confirmRefuse')}</button>
        <button type="button" class="secondary" @click=${this._onCancelRefuse}>${t('adminDocuments.cancel')}</button>
      </div>
    </form>`;
  }

  private closePreview() {
    if (this.preview) URL.revokeObjectURL(this.preview.url);
    this.preview = null;
  }

  private async _onPreview(d: ReviewQueueItem) {
    this.closePreview();
    try {
      const res = await fetch(`/api/admin/documents/${d.id}/file`, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const blob = await res.blob();
      this.preview = { id: d.id, url: URL.createObjectURL(blob), fileName: d.fileName };
      await this.updateComplete;
      (this.shadowRoot?.getElementById('close-preview') as HTMLElement | null)?.focus();
    } catch {
      this.offline = !navigator.onLine;
      this.form.showErrors({}, t('common.offlineAction'));
    }
  }

  private _onClosePreview() {
    const id = this.preview?.id;
    this.closePreview();
    if (id) void this.updateComplete.then(() => this.focusHeading());
  }

  private async _onStartRefuse(d: ReviewQueueItem) {
    this.refusing = d;
    this.form.reset();
    this.form.clearErrors();
    await this.updateComplete;
    (this.shadowRoot?.getElementById('reason') as HTMLElement | null)?.focus();
  }

  private _onCancelRefuse() {
    this.refusing = null;
    this.form.clearErrors();
  }

  private async _onAccept(d: ReviewQueueItem) {
    await this.decide(d, null);
  }

  private async _onRefuse(event: Event) {
    event.preventDefault();
    if (!this.refusing) return;
    // The reason is required (the shared schema the server checks too; its message in the person's language).
    const body = this.form.validate(refuseDocumentSchema, { reason: this.form.values.reason });
    if (!body) return;
    await this.decide(this.refusing, body);
  }

  /** Accepts the document, or refuses it with `refusal`'s reason. */
  private async decide(d: ReviewQueueItem, refusal: { reason: string } | null) {
    this.form.announce('');
    const sent = await this.form.submit(() => (refusal ? refuseDocument(d.id, refusal) : acceptDocument(d.id)), {
      problem: (error) => {
        // Refused (e.g. decided meanwhile): the queue as it is now.
        if (error instanceof HttpError) void this.load().catch(() => undefined);
        return undefined;
      },
    });
    if (!sent.ok) return;
    this.refusing = null;
    if (this.preview?.id === d.id) this.closePreview();
    this.form.announce(t(refusal ? 'adminDocuments.refused' : 'adminDocuments.accepted', { name: d.fileName }), { success: true });
    await this.load();
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-documents-page': PoAdminDocumentsPage;
  }
}

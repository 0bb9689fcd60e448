import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PendingUpload } from '../../data/pending-upload.ts';
import type { DocumentKind, DocumentRecord } from '../../data/records.ts';
import { localText } from '../../forms/messages.ts';
import { formatDate, formatNumber, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** "96,5 ko", "2,4 Mo": sizes through Intl, in the reader's language. */
export function formatFileSize(bytes: number): string {
  const mega = bytes >= 1024 * 1024;
  const value = mega ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1);
  return formatNumber(value, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 });
}

const STATUS: Record<string, MessageKey> = {
  received: 'documents.status.received',
  accepted: 'documents.status.accepted',
  rejected: 'documents.status.rejected',
};

/**
 * The documents of a family or of a student: sent ones (with their review status and a
 * download link) and those still on the device ("En attente d'envoi"). Reflows into cards
 * under 40em.
 *
 * @fires po-replace-document - detail `{ id }`: "Remplacer" on a refused document
 * @fires po-discard-upload - detail `{ id }`: "Retirer" on an upload the server refused
 */
@customElement('po-document-list')
export class PoDocumentList extends LitElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .status {
        font-weight: 700;
      }
      .status.rejected,
      .status.failed {
        color: var(--po-color-error);
      }
      .status.accepted {
        color: var(--po-color-success, var(--po-color-text));
      }
      td.actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
      }
      .reason {
        display: block;
        font-weight: 400;
        color: var(--po-color-text);
      }
      @media (max-width: 40em) {
        td.actions {
          display: flex;
        }
      }
      @media (forced-colors: active) {
        .status.rejected,
        .status.failed,
        .status.accepted {
          color: CanvasText;
        }
      }
    `,
  ];

  /** The documents already sent, with their review status. */
  @property({ attribute: false }) documents: DocumentRecord[] = [];
  /** The uploads still on the device ("En attente d'envoi", or refused by the server). */
  @property({ attribute: false }) pending: PendingUpload[] = [];
  /** The document kinds, to name each row's kind. */
  @property({ attribute: false }) kinds: DocumentKind[] = [];
  /** The caption read out with the table. */
  @property() caption = '';

  override render() {
    if (!this.documents.length && !this.pending.length) return html`<p>${t('documents.none')}</p>`;
    const kindLabel = (id: string) => this.kinds.find((k) => k.id === id)?.label ?? t('documents.unknownKind');
    const documents = [...this.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const pending = [...this.pending].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return html`<div class="table-wrap">
      <table>
        <caption>${this.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t('documents.col.kind')}</th>
            <th scope="col">${t('documents.col.file')}</th>
            <th scope="col">${t('documents.col.date')}</th>
            <th scope="col">${t('documents.col.size')}</th>
            <th scope="col">${t('documents.col.status')}</th>
            <th scope="col">${t('documents.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${pending.map(
            (u) => html`<tr>
              <th scope="row">${kindLabel(u.kindId)}</th>
              <td data-label=${t('documents.col.file')}>${u.fileName}</td>
              <td data-label=${t('documents.col.date')}>${formatDate(u.createdAt)}</td>
              <td data-label=${t('documents.col.size')}>${formatFileSize(u.size)}</td>
              <td data-label=${t('documents.col.status')}>
                ${u.error
                  ? html`<span class="status failed">${t('documents.status.failed')}<span class="reason">${localText(u.error, u.errorCode)}</span></span>`
                  : html`<span class="status pending">${t('documents.status.pending')}</span>`}
              </td>
              <td data-label=${t('documents.col.actions')} class="actions">
                ${u.error
                  ? html`<button type="button" class="secondary" @click=${() => this._fire('po-discard-upload', u.id)}>
                      ${t('documents.discard')}<span class="visually-hidden"> ${u.fileName}</span>
                    </button>`
                  : nothing}
              </td>
            </tr>`,
          )}
          ${documents.map(
            (d) => html`<tr>
              <th scope="row">${kindLabel(d.kindId)}</th>
              <td data-label=${t('documents.col.file')}>${d.fileName}</td>
              <td data-label=${t('documents.col.date')}>${formatDate(d.createdAt)}</td>
              <td data-label=${t('documents.col.size')}>${formatFileSize(d.sizeBytes)}</td>
              <td data-label=${t('documents.col.status')}>
                <span class="status ${d.status}">${STATUS[d.status] ? t(STATUS[d.status]) : d.status}${d.status === 'rejected' && d.rejectionReason
                  ? html`<span class="reason">${t('documents.reason', { reason: d.rejectionReason })}</span>`
                  : nothing}</span>
              </td>
              <td data-label=${t('documents.col.actions')} class="actions">
                <a href="/api/documents/${d.id}/file" download rel="external">${t('documents.download')}<span class="visually-hidden"> ${d.fileName}</span></a>
                ${d.status === 'rejected'
                  ? html`<button type="button" class="secondary" @click=${() => this._fire('po-replace-document', d.id)}>
                      ${t('documents.replace')}<span class="visually-hidden"> ${d.fileName}</span>
                    </button>`
                  : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private _fire(name: 'po-replace-document' | 'po-discard-upload', id: string | number) {
    this.dispatchEvent(new CustomEvent(name, { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-document-list': PoDocumentList;
  }
  interface GlobalEventHandlersEventMap {
    'po-replace-document': CustomEvent<{ id: string }>;
    'po-discard-upload': CustomEvent<{ id: number }>;
  }
}

import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  ACCEPT_ATTRIBUTE,
  type AcceptedMediaType,
  DEFAULT_MAX_UPLOAD_BYTES,
  documentIssues,
  fileIssue,
  sanitiseFileName,
  sniffMediaType,
  SNIFF_LENGTH,
} from '../../../shared/document-rules.ts';
import { formatBytes, frenchMessage, type IssueCode } from '../../../shared/validation-messages.ts';
import { queueDocument, whenStored } from '../data/document-commands.ts';
import type { DocumentKind } from '../../data/records.ts';
import { FormController } from '../../forms/form-controller.ts';
import { localText } from '../../forms/messages.ts';
import { localeStore, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

export interface ReplaceTarget {
  id: string;
  kindId: string;
  fileName: string;
}

const MILESTONES = [25, 50, 75, 100];

/**
 * "Envoyer un document": "Type de document", "Fichier", "Envoyer". The file's type is read from
 * its first bytes here, before anything is kept or sent; then the file is queued on the device
 * (it survives a reload and waits for the network) and sent with its progress shown in a
 * `<progress>` and announced at 25, 50, 75 and 100 %.
 *
 * @fires po-cancel-replace - "Annuler le remplacement"
 */
@customElement('po-document-upload-form')
export class PoDocumentUploadForm extends LitElement {
  static override styles = [
    pageStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
      input[type='file'] {
        padding: 0.4em;
      }
      .progress {
        display: grid;
        gap: 0.25em;
      }
      progress {
        inline-size: 100%;
        block-size: 1.25em;
        accent-color: var(--po-color-primary);
      }
      @media (forced-colors: active) {
        progress {
          border: 1px solid CanvasText;
        }
      }
    `,
  ];

  /** The kinds of document that can be sent (the "Type de document" options). */
  @property({ attribute: false }) kinds: DocumentKind[] = [];
  /** The family the document is sent for. */
  @property({ attribute: false }) familyId = '';
  /** The student the document is about, or null for a document of the whole family. */
  @property({ attribute: false }) studentId: string | null = null;
  /** The refused document this upload replaces (its kind is then fixed), or null for a new one. */
  @property({ attribute: false }) replacing: ReplaceTarget | null = null;
  /** The largest file accepted, in bytes (checked here before anything is queued). */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes = DEFAULT_MAX_UPLOAD_BYTES;

  @state() private percent: number | null = null;
  /** The kind chosen (the file stays in its input: its errors by `fieldIds`), errors, busy flag and the status line (progress included). */
  private readonly form = new FormController(this, { name: 'document-upload', fields: ['kindId'], fieldIds: { file: 'file' }, initial: { kindId: '' } });

  private fileName = '';
  private announced = new Set<number>();
  /** Stops listening for the last kept upload's arrival on the server (whenStored). */
  private stopWaiting?: () => void;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('replacing') && this.replacing) this.form.patch({ kindId: this.replacing.kindId });
  }

  /** Moves focus to the form (after "Remplacer" in the list). */
  async focusForm() {
    await this.updateComplete;
    (this.shadowRoot?.getElementById('file') as HTMLElement | null)?.focus();
  }

  override render() {
    const form = this.form;
    const kindError = form.error('kindId');
    const fileError = form.error('file');
    const title = this.replacing ? t('documents.replaceTitle', { name: this.replacing.fileName }) : t('documents.formTitle');
    if (!this.kinds.length) return html`<h2>${t('documents.formTitle')}</h2><p>${t('documents.noKinds')}</p>`;
    return html`
      <h2 id="upload-title">${title}</h2>
      ${form.renderSummary()}
      <form novalidate aria-labelledby="upload-title" @submit=${this._onSubmit}>
        <div class="field">
          <label for="kindId">${t('documents.kind')}</label>
          ${kindError ? html`<p class="field-error" id="kindId-error">${kindError}</p>` : nothing}
          <select
            id="kindId"
            name="kindId"
            required
            aria-invalid=${kindError ? 'true' : 'false'}
            aria-describedby=${ifDefined(kindError ? 'kindId-error' : undefined)}
            ?disabled=${!!this.replacing}
            @change=${(e: Event) => form.set('kindId', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!form.values.kindId}>${t('documents.kindPlaceholder')}</option>
            ${this.kinds.map((k) => html`<option value=${k.id} ?selected=${k.id === form.values.kindId}>${k.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="file">${t('documents.file')}</label>
          <p class="hint" id="file-hint">${t('documents.fileHint', { limit: formatBytes(this.maxBytes, 'limit', localeStore.value.locale) })}</p>
          ${fileError ? html`<p class="field-error" id="file-error">${fileError}</p>` : nothing}
          <!-- No "capture" attribute: with it phones open the camera only; without it they offer camera and files. -->
          <input
            id="file"
            name="file"
            type="file"
            accept=${ACCEPT_ATTRIBUTE}
            required
            aria-invalid=${fileError ? 'true' : 'false'}
            aria-describedby=${fileError ? 'file-hint file-error' : 'file-hint'}
          />
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${form.busy}>${t('documents.send')}</button>
          ${this.replacing
            ? html`<button type="button" class="secondary" @click=${this._onCancelReplace}>${t('documents.cancelReplace')}</button>`
            : nothing}
        </div>
        ${this.percent !== null
          ? html`<div class="progress">
              <label for="upload-progress">${t('documents.progress')}</label>
              <progress id="upload-progress" max="100" .value=${this.percent}>${this.percent} %</progress>
            </div>`
          : nothing}
      </form>
      <p role="status" class="upload-status">${form.announcement}</p>
    `;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const form = this.form;
    if (form.busy) return;
    const input = this.shadowRoot!.getElementById('file') as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    const issues: Record<string, IssueCode> = {};
    const kindId = this.replacing?.kindId ?? form.values.kindId;
    if (!kindId) issues.kindId = documentIssues.kind;
    let mediaType: AcceptedMediaType | null = null;
    if (!file) {
      issues.file = documentIssues.missingFile;
    } else {
      const head = new Uint8Array(await file.slice(0, SNIFF_LENGTH).arrayBuffer());
      const problem = fileIssue(file.size, head, this.maxBytes);
      if (problem) issues.file = problem;
      mediaType = sniffMediaType(head);
    }
    if (Object.keys(issues).length || !file || !mediaType) {
      const errors = Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, localText(frenchMessage(issue), issue)]));
      return form.showErrors(errors, t('documents.formError'));
    }
    this.announced = new Set();
    form.announce('');
    const sent = await form.submit(() =>
      queueDocument(
        {
          familyId: this.familyId,
          studentId: this.studentId,
          kindId,
          replacesId: this.replacing?.id ?? null,
          // Kept, shown and sent under the name the server will store: without bidirectional or
          // control characters, 255 bytes read at most (the same rule runs again on the server).
          file: new File([file], sanitiseFileName(file.name || 'document', mediaType), { type: mediaType }),
          mediaType,
        },
        {
          onQueued: (fileName) => {
            this.fileName = fileName;
            this.percent = 0;
            input.value = '';
            if (!this.replacing) form.reset();
            else this._onCancelReplace();
          },
          onProgress: (loaded, total) => this._onProgress(loaded, total),
        },
      ),
    );
    if (!sent.ok) return;
    const result = sent.value;
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    if ('sent' in result) {
      this.percent = null;
      form.announce(t('documents.sent', { name: result.sent.fileName }));
    } else if ('rejected' in result) {
      this.percent = null;
      form.showErrors({ file: t('documents.refusedByServer', { name: this.fileName, message: localText(result.rejected, result.code) }) }, t('documents.formError'));
    } else {
      if (result.queued === 'offline') {
        this.percent = null;
        form.announce(t('documents.queued', { name: this.fileName }));
      }
      // Otherwise (server unavailable, session expired) it waits in the queue for the next trigger.
      // Either way, once it reaches the server the form says so rather than "kept on this device".
      this.stopWaiting = whenStored(result.uploadId, (document) => {
        this.stopWaiting = undefined;
        // Not over another file on its way, nor over an error summary the person is reading
        // (announcing clears it): the list shows the document received either way.
        if (form.busy || Object.keys(form.errors).length || form.summary) return;
        this.percent = null;
        form.announce(t('documents.sent', { name: document.fileName }));
      });
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  private _onProgress(loaded: number, total: number) {
    const percent = total ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
    this.percent = percent;
    const reached = MILESTONES.filter((m) => percent >= m && !this.announced.has(m));
    if (reached.length) {
      for (const m of reached) this.announced.add(m);
      this.form.announce(t('documents.progressAt', { percent: reached[reached.length - 1] }));
    }
  }

  private _onCancelReplace() {
    this.dispatchEvent(new CustomEvent('po-cancel-replace', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-document-upload-form': PoDocumentUploadForm;
  }
  interface GlobalEventHandlersEventMap {
    'po-cancel-replace': CustomEvent<void>;
  }
}

import { css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-document-list.ts';
import '../components/po-document-upload-form.ts';
import type { PoDocumentUploadForm, ReplaceTarget } from '../components/po-document-upload-form.ts';
import '../../family/components/po-family-tabs.ts';
import '../../components/po-data-pending.ts';
import { discardDocument } from '../data/document-commands.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { compareFr } from '../../../shared/french-order.ts';

/**
 * `/famille/documents`: the documents common to the whole family (the old extranet's "Documents
 * fournis" tab), from the device, with the form to send one. Works offline: a file chosen then
 * waits on the device, listed "En attente d'envoi".
 */
@customElement('po-family-documents-page')
export class PoFamilyDocumentsPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
    `,
  ];

  @state() private replacing: ReplaceTarget | null = null;
  @query('po-document-upload-form') private form?: PoDocumentUploadForm;

  private readonly data = new LiveQueryController(this, 'familyDocuments', () => []);

  protected pageTitle() {
    return t('documents.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('documents.title')}</h1><po-data-pending></po-data-pending>`;
    const activeKinds = d.kinds.filter((k) => (k as { active?: boolean }).active !== false).sort((a, b) => compareFr(a.label, b.label));
    return html`
      <h1>${t('documents.title')}</h1>
      <po-family-tabs current="/famille/documents"></po-family-tabs>
      <p>${t('documents.familyIntro')}</p>
      ${!d.family
        ? html`<p class="notice">${t('documents.familyNotLoaded')}</p>`
        : html`<section aria-labelledby="list-title">
              <h2 id="list-title">${t('documents.listTitle')}</h2>
              <po-document-list
                .documents=${d.documents}
                .pending=${d.pending}
                .kinds=${d.kinds}
                caption=${t('documents.listTitle')}
                @po-replace-document=${(e: CustomEvent<{ id: string }>) => this._onReplace(e.detail.id)}
                @po-discard-upload=${(e: CustomEvent<{ id: number }>) => void discardDocument(e.detail.id)}
              ></po-document-list>
            </section>
            <section>
              <po-document-upload-form
                .kinds=${activeKinds}
                .familyId=${d.family.id}
                .studentId=${null}
                .replacing=${this.replacing}
                @po-cancel-replace=${() => (this.replacing = null)}
              ></po-document-upload-form>
            </section>`}
    `;
  }

  private _onReplace(id: string) {
    const doc = this.data.value?.documents.find((x) => x.id === id);
    if (!doc) return;
    this.replacing = { id: doc.id, kindId: doc.kindId, fileName: doc.fileName };
    void this.form?.focusForm();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-documents-page': PoFamilyDocumentsPage;
  }
}

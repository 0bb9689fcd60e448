import { css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-document-list.ts';
import '../components/po-document-upload-form.ts';
import type { PoDocumentUploadForm, ReplaceTarget } from '../components/po-document-upload-form.ts';
import '../../pedagogy/components/po-student-tabs.ts';
import '../../components/po-data-pending.ts';
import { discardDocument } from '../data/document-commands.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { compareFr } from '../../../shared/french-order.ts';

/**
 * `/eleves/:id/documents`: a student's own documents (photo, insurance, medical certificate),
 * from the device, with the form to send one. Another family's student is not on the device:
 * "Élève introuvable".
 */
@customElement('po-student-documents-page')
export class PoStudentDocumentsPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      section {
        margin-block-end: 2rem;
      }
    `,
  ];

  /** The student shown (the route's `:id`). */
  @property({ attribute: false }) studentId = '';
  @state() private replacing: ReplaceTarget | null = null;
  @query('po-document-upload-form') private form?: PoDocumentUploadForm;

  private readonly data = new LiveQueryController(this, 'studentDocuments', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) {
      this.replacing = null;
      this.data.refresh();
    }
  }

  protected pageTitle() {
    const s = this.data.value?.student;
    if (this.data.value && !s) return t('student.notFound');
    return s ? t('documents.studentTitle', { name: `${s.firstName} ${s.lastName}` }) : t('documents.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('documents.title')}</h1><po-data-pending></po-data-pending>`;
    const s = d.student;
    if (!s) {
      return html`<h1>${t('student.notFound')}</h1>
        <p>${t('student.notFoundText')}</p>
        <p><a href="/famille">${t('student.backToFamily')}</a></p>`;
    }
    const activeKinds = d.kinds.filter((k) => (k as { active?: boolean }).active !== false).sort((a, b) => compareFr(a.label, b.label));
    const name = `${s.firstName} ${s.lastName}`;
    return html`
      <h1>${t('documents.studentTitle', { name })}</h1>
      <po-student-tabs student-id=${s.id} current="documents" student-nav></po-student-tabs>
      <p>${t('documents.studentIntro')}</p>
      <section aria-labelledby="list-title">
        <h2 id="list-title">${t('documents.listTitle')}</h2>
        <po-document-list
          .documents=${d.documents}
          .pending=${d.pending}
          .kinds=${d.kinds}
          caption=${`${t('documents.listTitle')} — ${name}`}
          @po-replace-document=${(e: CustomEvent<{ id: string }>) => this._onReplace(e.detail.id)}
          @po-discard-upload=${(e: CustomEvent<{ id: number }>) => void discardDocument(e.detail.id)}
        ></po-document-list>
      </section>
      <section>
        <po-document-upload-form
          .kinds=${activeKinds}
          .familyId=${s.familyId}
          .studentId=${s.id}
          .replacing=${this.replacing}
          @po-cancel-replace=${() => (this.replacing = null)}
        ></po-document-upload-form>
      </section>
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
    'po-student-documents-page': PoStudentDocumentsPage;
  }
}

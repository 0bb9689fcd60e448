import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../../pedagogy/components/po-student-tabs.ts';
import '../components/po-emergency-contacts-form.ts';
import { contactList, contactListStyles } from '../components/emergency-contacts-view.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * `/eleves/:id/contacts`: the people to call in an emergency and those allowed to pick the child
 * up, from the device. The list validated by the secretariat (what the teachers see), then the
 * editor: a new list is asked for like an identity change (validated by the secretariat), queued
 * offline. Another family's student or an unknown id: "Élève introuvable".
 */
@customElement('po-student-contacts-page')
export class PoStudentContactsPage extends PageElement {
  static override styles = [
    pageStyles,
    contactListStyles,
    css`
      po-emergency-contacts-form {
        display: block;
        max-inline-size: 40rem;
      }
    `,
  ];

  /** The student (the route's `:id`). */
  @property({ attribute: false }) studentId = '';

  private readonly data = new LiveQueryController(this, 'studentContacts', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.refresh();
  }

  protected pageTitle() {
    const d = this.data.value;
    if (d === null) return t('student.notFound');
    return d ? t('contacts.pageTitle', { name: d.studentName }) : t('contacts.title');
  }

  override render() {
    const d = this.data.value;
    if (d === undefined) return html`<h1>${t('contacts.title')}</h1><po-data-pending></po-data-pending>`;
    if (d === null) {
      return html`<h1>${t('student.notFound')}</h1>
        <p>${t('student.notFoundText')}</p>
        <p><a href="/famille/eleves">${t('student.backToFamily')}</a></p>`;
    }
    return html`
      <h1>${t('contacts.pageTitle', { name: d.studentName })}</h1>
      <po-student-tabs student-id=${d.studentId} current="identity" .atRoot=${false}></po-student-tabs>
      <p>${t('contacts.intro')}</p>
      <section aria-labelledby="on-file-title">
        <h2 id="on-file-title">${t('contacts.onFileTitle')}</h2>
        ${contactList(d.onFile)}
      </section>
      <p>${t('records.workflowNote')}</p>
      <po-emergency-contacts-form .view=${d}></po-emergency-contacts-form>
      <p><a href="/eleves/${d.studentId}">${t('contacts.back')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-contacts-page': PoStudentContactsPage;
  }
}

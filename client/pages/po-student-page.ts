import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../components/page-element.ts';
import { recordList } from '../components/record-list.ts';
import { db } from '../data/db.ts';
import { LiveQueryController } from '../data/live-query-controller.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/**
 * `/eleves/:id`: a student's identity, from the device. Another family's student (or any unknown
 * id) is simply not in the local database: the page says "Élève introuvable", never more.
 */
@customElement('po-student-page')
export class PoStudentPage extends PageElement {
  static override styles = pageStyles;

  @property({ attribute: false }) studentId = '';

  private readonly data = new LiveQueryController(this, () => this.load());

  private async load() {
    const student = await db.students.get(this.studentId);
    return { student: student ?? null };
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.setQuery(() => this.load());
  }

  protected pageTitle() {
    const s = this.data.value?.student;
    if (this.data.value && !s) return t('student.notFound');
    return s ? `${s.firstName} ${s.lastName}` : t('student.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) return html`<h1>${t('student.title')}</h1><p>${t('common.loading')}</p>`;
    const s = d.student;
    if (!s) {
      return html`<h1>${t('student.notFound')}</h1>
        <p>${t('student.notFoundText')}</p>
        <p><a href="/famille">${t('student.backToFamily')}</a></p>`;
    }
    return html`
      <h1>${s.firstName} ${s.lastName}</h1>
      <section aria-labelledby="identity-title">
        <h2 id="identity-title">${t('student.identity')}</h2>
        ${recordList([
          [t('family.civility'), s.civility],
          [t('family.lastName'), s.lastName],
          [t('family.firstName'), s.firstName],
          [t('student.birthDate'), s.birthDate ? formatDate(s.birthDate) : ''],
          [t('student.birthPlace'), s.birthPlace],
          [t('student.school'), s.school],
          [t('student.schoolLevel'), s.schoolLevel],
        ])}
      </section>
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">${t('student.contact')}</h2>
        ${s.useFamilyContact
          ? html`<p>${t('student.usesFamilyContact')}</p>`
          : recordList([
              [t('family.address'), s.address],
              [t('family.postalCode'), s.postalCode],
              [t('family.city'), s.city],
              [t('family.phoneHome'), s.phoneHome],
              [t('family.mobile'), s.mobile],
              [t('family.email'), s.email],
            ])}
      </section>
      <p><a href="/famille">${t('student.backToFamily')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-page': PoStudentPage;
  }
}

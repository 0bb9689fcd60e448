import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-family-tabs.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** `/famille/eleves`: the students attached to the family (the extranet's "Élèves" tab), from the device. */
@customElement('po-family-students-page')
export class PoFamilyStudentsPage extends PageElement {
  static override styles = pageStyles;

  private readonly data = new LiveQueryController(this, 'studentsByFirstName', () => []);

  protected pageTitle() {
    return t('records.studentsTitle');
  }

  override render() {
    const students = this.data.value;
    return html`
      <h1>${t('records.studentsTitle')}</h1>
      <po-family-tabs current="/famille/eleves"></po-family-tabs>
      <p>${t('records.studentsIntro')}</p>
      ${!students
        ? html`<po-data-pending></po-data-pending>`
        : students.length
          ? html`<ul>
              ${students.map(
                (s) => html`<li>
                  <a href="/eleves/${s.id}">${s.firstName} ${s.lastName}</a>${s.birthDate ? html` — ${t('records.born', { date: formatDate(s.birthDate) })}` : ''}
                </li>`,
              )}
            </ul>`
          : html`<p>${t('home.noStudents')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-students-page': PoFamilyStudentsPage;
  }
}

import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-attestation-button.ts';
import { slotText } from '../data/attestation-builders.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, formatWeekday, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { billingTableStyles } from './billing-table-styles.ts';
import { attestationViewStyles, issuerName, madeFrom, parties } from './attestation-view.ts';

/**
 * `/eleves/:id/attestation`: a student's enrolment attestation for the current school year as a
 * page — name, date of birth, site, the courses with teacher and weekly slot — with its PDF
 * button and print. From the device; another family's student is simply not found.
 */
@customElement('po-enrolment-attestation-page')
export class PoEnrolmentAttestationPage extends PageElement {
  static override styles = [pageStyles, billingTableStyles, attestationViewStyles];

  /** The route's `:id`. */
  @property({ attribute: false }) studentId = '';

  private readonly data = new LiveQueryController(this, 'enrolmentAttestation', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.refresh();
  }

  protected pageTitle() {
    const a = this.data.value;
    if (a === null) return t('attestation.notFound');
    return a ? `${t('attestation.enrolmentTitle', { year: a.schoolYear })} — ${a.student.name}` : t('attestation.enrolmentButton');
  }

  override render() {
    const back = html`<p class="no-print"><a href="/eleves/${this.studentId}">${t('attestation.backToStudent')}</a></p>`;
    const a = this.data.value;
    if (a === null) return html`<h1>${t('attestation.notFound')}</h1><p><a href="/famille/eleves">${t('student.backToFamily')}</a></p>`;
    if (!a) {
      return html`${back}<h1>${t('attestation.enrolmentButton')}</h1><po-data-pending></po-data-pending>
        <po-attestation-button kind="enrolment" .attestation=${undefined}></po-attestation-button>`;
    }
    const year = a.schoolYear;
    return html`
      ${back}
      <h1>${t('attestation.enrolmentTitle', { year })}</h1>
      ${parties(a.site)}
      <section aria-labelledby="student-title">
        <h2 id="student-title">${t('attestation.student')}</h2>
        <p><strong>${a.student.name}</strong><br />${t('attestation.birthDate', { date: formatDate(a.student.birthDate) })}${a.site ? html`<br />${t('attestation.site', { site: a.site.name })}` : ''}</p>
      </section>
      <p>${t('attestation.enrolmentIntro', { issuer: issuerName(a.site), name: a.student.name, date: formatDate(a.student.birthDate), year })}</p>
      ${a.courses.length
        ? html`<div class="table-wrap">
            <table class="reflow">
              <caption>${t('attestation.coursesCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('attestation.col.discipline')}</th>
                  <th scope="col">${t('attestation.col.teacher')}</th>
                  <th scope="col">${t('attestation.col.slot')}</th>
                </tr>
              </thead>
              <tbody>
                ${a.courses.map(
                  (c) => html`<tr>
                    <td data-label=${t('attestation.col.discipline')}>${c.discipline}</td>
                    <td data-label=${t('attestation.col.teacher')}>${c.teacher}</td>
                    <td data-label=${t('attestation.col.slot')}>${slotText(c, t, formatWeekday)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('attestation.noCourses')}</p>`}
      ${madeFrom(a.madeOn)}
      <div class="actions no-print">
        <po-attestation-button kind="enrolment" .attestation=${a} name=${t('attestation.enrolmentButtonName', { name: a.student.name })}></po-attestation-button>
        <button type="button" class="secondary" @click=${() => window.print()}>${t('attestation.print')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-enrolment-attestation-page': PoEnrolmentAttestationPage;
  }
}

import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../components/po-student-tabs.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { studentName } from '../data/pedagogy-names.ts';
import { formatDate, formatMinutes, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

/**
 * `/eleves/:id/repertoire`: pieces played at exams, auditions and concerts, newest first. The
 * comments are shown whole (the old extranet cut them with "…", also for screen readers). Each
 * piece opens its entry.
 */
@customElement('po-student-repertoire-page')
export class PoStudentRepertoirePage extends PageElement {
  static override styles = [pageStyles, reflowTableStyles];

  /** The student shown (the route's `:id`). */
  @property({ attribute: false }) studentId = '';

  private readonly data = new LiveQueryController(this, 'studentRepertoire', () => [this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('studentId') && changed.get('studentId') !== undefined) this.data.refresh();
  }

  private heading() {
    const d = this.data.value;
    if (d && !d.student) return studentNotFoundHeading(d.synced, t('repertoire.heading'));
    return d?.student ? t('repertoire.title', { name: studentName(d.student) }) : t('repertoire.heading');
  }

  protected pageTitle() {
    return this.heading();
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student) return studentNotFound(d.synced);
    const base = `/eleves/${d.student.id}/repertoire`;
    return html`
      <po-student-tabs student-id=${d.student.id} current="repertoire" student-nav></po-student-tabs>
      ${d.entries.length
        ? html`<div class="table-wrap">
            <table>
              <caption>${t('repertoire.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('repertoire.col.date')}</th>
                  <th scope="col">${t('repertoire.col.event')}</th>
                  <th scope="col">${t('repertoire.col.piece')}</th>
                  <th scope="col">${t('repertoire.col.duration')}</th>
                  <th scope="col">${t('repertoire.col.comments')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.entries.map(
                  (e) => html`<tr>
                    <td data-label=${t('repertoire.col.date')}>${formatDate(e.date)}</td>
                    <td data-label=${t('repertoire.col.event')}>${e.eventLabel}</td>
                    <th scope="row"><a href="${base}/${e.id}">${e.piece}</a>${e.composer ? html` — ${e.composer}` : ''}</th>
                    <td data-label=${t('repertoire.col.duration')}>${e.durationMinutes ? formatMinutes(e.durationMinutes) : ''}</td>
                    <td data-label=${t('repertoire.col.comments')} class="long">${e.comments}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('repertoire.empty')}</p>`}
      <p><a href="/eleves/${d.student.id}">${t('pedagogy.back')}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-repertoire-page': PoStudentRepertoirePage;
  }
}

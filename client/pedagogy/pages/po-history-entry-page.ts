import { css, html, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-record-nav.ts';
import '../components/po-student-tabs.ts';
import '../../components/po-tabs.ts';
import type { PoTabs } from '../../components/po-tabs.ts';
import { recordList } from '../../components/record-list.ts';
import '../../components/po-data-pending.ts';
import type { QueryResult } from '../../data/named-queries.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';

import { evaluationResult, studentName, teacherName } from '../data/pedagogy-names.ts';
import { formatDate, formatMinutes, formatWeekday, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { recordNotFound, studentNotFound, studentNotFoundHeading } from './pedagogy-not-found.ts';

export type HistoryTab = 'historique' | 'evaluations' | 'commentaires';
type Entry = QueryResult<'historyEntry'>;

/**
 * `/eleves/:id/historique/:enrollmentId` (tabs "Historique", "Évaluations", "Commentaires", each
 * its URL: the entry's own, `/evaluations`, `/commentaires`): one earlier year's course, with the
 * navigation between the history entries in the list's order.
 */
@customElement('po-history-entry-page')
export class PoHistoryEntryPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      .subtitle {
        font-size: 1.1em;
      }
      h2 {
        font-size: 1.2em;
      }
    `,
  ];

  /** The student (the route's `:id`). */
  @property({ attribute: false }) studentId = '';
  /** The earlier year's enrolment shown (the route's `:enrollmentId`). */
  @property({ attribute: false }) enrollmentId = '';
  /** The tab shown, from the URL: "Historique", "Évaluations" or "Commentaires". */
  @property() tab: HistoryTab = 'historique';

  @query('po-tabs') private tabsElement?: PoTabs;

  private readonly data = new LiveQueryController(this, 'historyEntry', () => [this.studentId, this.enrollmentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    const moved = ['studentId', 'enrollmentId'].some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved) this.data.refresh();
  }

  override async focusHeading() {
    if (this.tabsElement?.hasTabFocus()) return;
    return super.focusHeading();
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('history.heading');
    if (!d.student) return studentNotFoundHeading(d.synced, t('history.heading'));
    return d.row ? t('history.entryTitle', { course: d.row.course.name, year: d.row.enrollment.schoolYear }) : t('pedagogy.entryNotFound');
  }

  protected pageTitle() {
    const d = this.data.value;
    return d?.student && d.row ? `${this.heading()} — ${studentName(d.student)}` : this.heading();
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student) return studentNotFound(d.synced);
    const list = `/eleves/${d.student.id}/historique`;
    if (!d.row) {
      return html`<po-student-tabs student-id=${d.student.id} current="history" .atRoot=${false}></po-student-tabs>
        ${recordNotFound(t('pedagogy.entryNotFoundText'), list, t('pedagogy.backToHistory'))}`;
    }
    const entry = `${list}/${d.row.enrollment.id}`;
    const tabSuffix = this.tab === 'historique' ? '' : `/${this.tab}`;
    return html`
      <p class="subtitle">${studentName(d.student)}</p>
      <po-student-tabs student-id=${d.student.id} current="history" .atRoot=${false}></po-student-tabs>
      <po-tabs
        label=${t('history.tabs')}
        selected=${this.tab}
        .tabs=${[
          { id: 'historique', label: t('history.tab.history'), href: entry },
          { id: 'evaluations', label: t('history.tab.evaluations'), href: `${entry}/evaluations` },
          { id: 'commentaires', label: t('history.tab.comments'), href: `${entry}/commentaires` },
        ]}
      >
        ${this.renderPanel(d)}
      </po-tabs>
      <po-record-nav noun="history" .hrefs=${d.rows.map((r) => `${list}/${r.enrollment.id}${tabSuffix}`)} .index=${d.index}></po-record-nav>
      <p><a href=${list}>${t('pedagogy.back')}</a></p>
    `;
  }

  private renderPanel(d: Entry): TemplateResult {
    const { course, teacher, room, department, enrollment } = d.row!;
    const details = d.details!;
    if (this.tab === 'evaluations') {
      if (!details.evaluations.length) return html`<p>${t('history.emptyEvaluations')}</p>`;
      return html`<div class="table-wrap"><table>
        <caption class="visually-hidden">${t('history.tab.evaluations')}</caption>
        <thead><tr>
          <th scope="col">${t('course.col.date')}</th>
          <th scope="col">${t('course.col.kind')}</th>
          <th scope="col">${t('course.col.result')}</th>
          <th scope="col">${t('course.col.comment')}</th>
        </tr></thead>
        <tbody>
          ${details.evaluations.map((e) => html`<tr>
            <th scope="row">${formatDate(e.date)}</th>
            <td data-label=${t('course.col.kind')}>${e.kind}</td>
            <td data-label=${t('course.col.result')}>${evaluationResult(e)}</td>
            <td data-label=${t('course.col.comment')} class="long">${e.comment}</td>
          </tr>`)}
        </tbody>
      </table></div>`;
    }
    if (this.tab === 'commentaires') {
      const teacherOf = (id: string | null) => teacherName(details.teachers.find((x) => x.id === id) ?? (teacher?.id === id ? teacher : undefined));
      return html`
        <h2>${t('history.yearComment')}</h2>
        ${enrollment.yearComment ? html`<p class="long">${enrollment.yearComment}</p>` : html`<p>${t('history.noYearComment')}</p>`}
        <h2>${t('history.notes')}</h2>
        ${details.notes.length
          ? html`<ul>
              ${details.notes.map((n) => html`<li><strong>${formatDate(n.date)}</strong>${n.teacherId ? html` — ${teacherOf(n.teacherId)}` : ''} : <span class="long">${n.text}</span></li>`)}
            </ul>`
          : html`<p>${t('history.emptyNotes')}</p>`}
      `;
    }
    return html`
      ${recordList([
        [t('history.col.year'), enrollment.schoolYear],
        [t('history.col.department'), department?.name],
        [t('history.col.course'), course.name],
        [t('history.col.cycle'), course.cycle],
        [t('history.col.teacher'), teacherName(teacher)],
        [t('courses.col.room'), room?.name],
        [t('courses.col.day'), course.weekday ? formatWeekday(course.weekday) : ''],
        [t('courses.col.start'), course.startTime],
        [t('courses.col.duration'), course.durationMinutes ? formatMinutes(course.durationMinutes) : ''],
      ])}
      <h2>${t('history.absences')}</h2>
      ${details.absences.length
        ? html`<ul>
            ${details.absences.map((a) => html`<li>${formatDate(a.date)} — ${a.excused ? t('homeWeek.excused') : t('homeWeek.notExcused')}${a.reason ? html` : <span class="long">${a.reason}</span>` : ''}</li>`)}
          </ul>`
        : html`<p>${t('history.emptyAbsences')}</p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-history-entry-page': PoHistoryEntryPage;
  }
}

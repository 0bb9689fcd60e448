import { html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../components/po-evaluation-confirm-dialog.ts';
import '../components/po-evaluation-refusals.ts';
import type { PoEvaluationConfirmDialog } from '../components/po-evaluation-confirm-dialog.ts';
import { kindLabel } from '../components/po-evaluation-list.ts';
import '../components/po-evaluation-list.ts';
import { dismissRefusal } from '../../data/submit-mutation.ts';
import { deleteEvaluation } from '../data/evaluation-commands.ts';
import type { ClassEvaluation } from '../data/teacher-record-queries.ts';
import { courseNotFound, formStatus, showTeachingResult, signedInTeacherId } from './teaching-form-result.ts';

/**
 * `/enseignant/cours/:courseId/evaluations`: the course's class evaluations, newest first, with
 * "Nouvelle évaluation", and for each one "Modifier" and "Supprimer" (asked first). Read from the
 * device; a deletion made offline waits in the outbox and the evaluation is already gone here.
 */
@customElement('po-evaluation-list-page')
export class PoEvaluationListPage extends PageElement {
  static override styles = [pageStyles];

  /** The course (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';

  /** The evaluation the confirmation dialog asks about. */
  @state() private deleting: ClassEvaluation | null = null;
  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;

  /** No fields: it carries the status line and a refusal's summary. */
  private readonly form = new FormController(this, { name: 'evaluation-delete', fields: [], initial: {} });
  private readonly data = new LiveQueryController(this, 'courseEvaluations', () => [signedInTeacherId(), this.courseId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('courseId') && changed.get('courseId') !== undefined) this.data.refresh();
  }

  protected pageTitle() {
    const course = this.data.value?.course;
    return course ? `${t('teaching.evaluations')} — ${course.name}` : this.heading();
  }

  private heading() {
    const d = this.data.value;
    return d && !d.course ? t('teaching.courseNotFound') : t('teaching.evaluations');
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.course) return courseNotFound();
    const form = this.form;
    const what = this.deleting ? t('teaching.evaluationOf', { date: formatDate(this.deleting.date), kind: kindLabel(this.deleting.kind) }) : '';
    return html`
      <p class="subtitle">${d.course.name}</p>
      <p><a href="/enseignant/cours/${d.course.id}">${t('teaching.backToCourse', { course: d.course.name })}</a></p>
      <p><a class="button" href="/enseignant/cours/${d.course.id}/evaluations/nouvelle">${t('teaching.newEvaluation')}</a></p>
      ${formStatus(form)}
      ${form.renderSummary()}
      <po-evaluation-refusals .refusals=${d.refused} @po-refusal-dismiss=${(e: CustomEvent<{ mutationId: number }>) => void dismissRefusal(e.detail.mutationId)}></po-evaluation-refusals>
      <po-evaluation-list .courseId=${d.course.id} .evaluations=${d.evaluations} students=${d.students.length} @po-evaluation-delete=${this._onAskDelete}></po-evaluation-list>
      <po-evaluation-confirm-dialog heading=${t('teaching.deleteEvaluationTitle')} text=${t('teaching.deleteEvaluationText', { what })}
        confirm-label=${t('teaching.deleteEvaluation')} @po-confirm=${this._onConfirmDelete}></po-evaluation-confirm-dialog>
    `;
  }

  private async _onAskDelete(event: CustomEvent<{ batchId: string }>) {
    this.deleting = this.data.value?.evaluations.find((e) => e.batchId === event.detail.batchId) ?? null;
    if (this.deleting) await this.dialog.open();
  }

  private async _onConfirmDelete() {
    const evaluation = this.deleting;
    if (!evaluation) return;
    const sent = await this.form.submit(() => deleteEvaluation(evaluation.batchId));
    if (!sent.ok) return;
    const what = t('teaching.evaluationOf', { date: formatDate(evaluation.date), kind: kindLabel(evaluation.kind) });
    if (showTeachingResult(this.form, sent.value, { sent: t('teaching.evaluationDeleted', { what }), queued: t('teaching.evaluationDeletedQueued', { what }) })) {
      // Its row (and the button that had the focus) is gone: the focus goes back to the page's start.
      this.deleting = null;
      await this.focusHeading();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-evaluation-list-page': PoEvaluationListPage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { EVALUATION_KINDS, evaluationArgsSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { newRecordId, saveEvaluation } from '../data/evaluation-commands.ts';
import type { EvaluationEntry } from '../data/teacher-record-queries.ts';
import type { Student } from '../../data/records.ts';
import { kindLabel } from '../components/po-evaluation-list.ts';
import { courseNotFound, formStatus, showTeachingResult, signedInTeacherId } from './teaching-form-result.ts';
import { localToday } from '../../../shared/lesson-dates.ts';

type EntryDraft = Readonly<{ studentId: string; appreciation: string; mark: string }>;
type Kind = (typeof EVALUATION_KINDS)[number];

/**
 * `/enseignant/cours/:courseId/evaluations/nouvelle` and `/…/evaluations/:batchId`: a class's
 * evaluation on a day — its date and kind, then for each student an appreciation and, if the
 * teacher wants, a mark — saved at once with "Enregistrer l'évaluation". Works offline: the
 * evaluation waits in the outbox and the course's list already shows it. A new evaluation, once
 * saved, is edited under its own address, so saving again corrects it rather than adding one.
 */
@customElement('po-evaluation-page')
export class PoEvaluationPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      form {
        max-inline-size: 48rem;
      }
      fieldset {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 0.75rem 1rem;
        margin: 0;
        display: grid;
        gap: var(--po-space);
      }
      legend {
        font-weight: 700;
        padding-inline: 0.25em;
      }
      textarea {
        min-block-size: 4em;
      }
      .mark {
        max-inline-size: 12rem;
      }
      @media (forced-colors: active) {
        fieldset {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The course (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';
  /** The evaluation edited (the route's `:batchId`); empty for a new one. */
  @property({ attribute: false }) batchId = '';

  /** A new evaluation's id, made here so that saving it twice replaces it rather than doubling it. */
  @state() private savedNew = false;
  private readonly newBatchId = newRecordId();
  /** The batch whose date and kind were put in the form (once, so nothing typed is overwritten). */
  private filledFrom = '';

  private readonly form = new FormController(this, {
    name: 'evaluation',
    fields: ['date', 'kind', 'entries'],
    // "At least one student" has no field of its own: its link goes to the first appreciation.
    fieldIds: { entries: 'entries.0.appreciation' },
    extraPaths: (path) => /^entries\.\d+\.(appreciation|mark)$/.test(path),
    initial: { date: localToday(), kind: EVALUATION_KINDS[0] as Kind, entries: [] as readonly EntryDraft[] },
  });

  private readonly data = new LiveQueryController(this, 'courseEvaluation', () => [signedInTeacherId(), this.courseId, this.currentBatch]);

  private get currentBatch() {
    return this.batchId || this.newBatchId;
  }

  private get editing() {
    return !!this.batchId || this.savedNew;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (['courseId', 'batchId'].some((k) => changed.has(k) && changed.get(k) !== undefined)) {
      this.data.refresh();
    }
    const evaluation = this.data.value?.evaluation;
    if (this.batchId && evaluation && this.filledFrom !== evaluation.batchId) {
      this.filledFrom = evaluation.batchId;
      if (!this.form.dirty.has('date') && !this.form.dirty.has('kind')) this.form.patch({ date: evaluation.date, kind: evaluation.kind as Kind });
    }
  }

  protected pageTitle() {
    const course = this.data.value?.course;
    return course ? `${this.heading()} — ${course.name}` : this.heading();
  }

  private heading() {
    const d = this.data.value;
    if (d && !d.course) return t('teaching.courseNotFound');
    if (d && this.batchId && !d.evaluation) return t('teaching.evaluationNotFound');
    return this.editing ? t('teaching.editEvaluation') : t('teaching.newEvaluation');
  }

  /** A student's line: as typed, else as saved, else empty. */
  private entryOf(studentId: string): EntryDraft {
    const typed = this.form.values.entries.find((e) => e.studentId === studentId);
    const saved: EvaluationEntry | undefined = this.data.value?.evaluation?.entries[studentId];
    return typed ?? { studentId, appreciation: saved?.appreciation ?? '', mark: saved?.mark ?? '' };
  }

  private setEntry(studentId: string, patch: Partial<EntryDraft>) {
    const others = this.form.values.entries.filter((e) => e.studentId !== studentId);
    this.form.set('entries', [...others, { ...this.entryOf(studentId), ...patch }]);
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.course) return courseNotFound();
    const list = `/enseignant/cours/${d.course.id}/evaluations`;
    const back = html`<p><a href=${list}>${t('teaching.backToEvaluations', { course: d.course.name })}</a></p>`;
    if (this.batchId && !d.evaluation) return html`<p>${t('teaching.evaluationNotFoundText')}</p>${back}`;
    const form = this.form;
    return html`
      <p class="subtitle">${d.course.name}</p>
      ${back}
      ${formStatus(form)}
      ${form.renderSummary()}
      ${d.students.length
        ? html`<form novalidate @submit=${this._onSubmit}>
            ${form.textField({ name: 'date', labelKey: 'teaching.date', type: 'date', required: true })}
            ${this.renderKind()}
            ${this.renderStudents(d.students)}
            <div class="actions">
              <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('teaching.saveEvaluation')}</button>
            </div>
          </form>`
        : html`<p>${t('teaching.noStudents')}</p>`}
    `;
  }

  private renderKind() {
    const error = this.form.error('kind');
    return html`<div class="field">
      <label for="kind">${t('teaching.kind')}<span aria-hidden="true"> *</span></label>
      ${error ? html`<p class="field-error" id="kind-error">${error}</p>` : nothing}
      <select id="kind" name="kind" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'kind-error' : undefined)}
        .value=${live(this.form.values.kind)} @change=${(e: Event) => this.form.set('kind', (e.target as HTMLSelectElement).value as Kind)}>
        ${EVALUATION_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.form.values.kind}>${kindLabel(k)}</option>`)}
      </select>
    </div>`;
  }

  private renderStudents(students: Student[]) {
    const form = this.form;
    const missing = form.error('entries');
    return html`<fieldset aria-describedby=${ifDefined(missing ? 'entries-error' : undefined)}>
      <legend>${t('teaching.students', { count: students.length })}</legend>
      <p class="hint">${t('teaching.studentsHint')}</p>
      ${missing ? html`<p class="field-error" id="entries-error">${missing}</p>` : nothing}
      ${students.map((s, i) => {
        const entry = this.entryOf(s.id);
        const name = `${s.firstName} ${s.lastName}`;
        const id = `entries.${i}`;
        const appreciationError = form.error(`${id}.appreciation`);
        const markError = form.error(`${id}.mark`);
        return html`<fieldset>
          <legend>${name}</legend>
          <div class="field">
            <label for="${id}.appreciation">${t('teaching.appreciation')}<span class="visually-hidden"> — ${name}</span></label>
            ${appreciationError ? html`<p class="field-error" id="${id}.appreciation-error">${appreciationError}</p>` : nothing}
            <textarea id="${id}.appreciation" name="${id}.appreciation" maxlength="2000"
              aria-invalid=${appreciationError || missing ? 'true' : 'false'}
              aria-describedby=${ifDefined(appreciationError ? `${id}.appreciation-error` : undefined)}
              .value=${live(entry.appreciation)} @input=${(e: Event) => this.setEntry(s.id, { appreciation: (e.target as HTMLTextAreaElement).value })}></textarea>
          </div>
          <div class="field mark">
            <label for="${id}.mark">${t('teaching.mark')}<span class="visually-hidden"> — ${name}</span></label>
            <p class="hint" id="${id}.mark-hint">${t('teaching.markHint')}</p>
            ${markError ? html`<p class="field-error" id="${id}.mark-error">${markError}</p>` : nothing}
            <input id="${id}.mark" name="${id}.mark" type="text" maxlength="20" autocomplete="off"
              aria-invalid=${markError ? 'true' : 'false'}
              aria-describedby=${markError ? `${id}.mark-hint ${id}.mark-error` : `${id}.mark-hint`}
              .value=${live(entry.mark)} @input=${(e: Event) => this.setEntry(s.id, { mark: (e.target as HTMLInputElement).value })} />
          </div>
        </fieldset>`;
      })}
    </fieldset>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const d = this.data.value;
    if (!d?.course || this.form.busy) return;
    // Validated with every student's line, so an error's index is the student's place on the form.
    const args = this.form.validate(evaluationArgsSchema, {
      batchId: this.currentBatch,
      courseId: d.course.id,
      date: this.form.values.date,
      kind: this.form.values.kind,
      entries: d.students.map((s) => {
        const { appreciation, mark } = this.entryOf(s.id);
        return { studentId: s.id, appreciation, mark };
      }),
    });
    if (!args) return;
    // A student with neither an appreciation nor a mark gets no row.
    const entries = args.entries.filter((e) => e.appreciation || e.mark);
    const sent = await this.form.submit(() => saveEvaluation({ ...args, entries }));
    if (!sent.ok) return;
    const saved = showTeachingResult(this.form, sent.value, { sent: t('teaching.evaluationSaved'), queued: t('teaching.evaluationQueued') });
    if (saved && !this.batchId && !this.savedNew) {
      this.savedNew = true;
      // The address of the evaluation just made, without leaving the page (the focus stays on the form).
      history.replaceState({}, '', `/enseignant/cours/${d.course.id}/evaluations/${this.currentBatch}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-evaluation-page': PoEvaluationPage;
  }
}

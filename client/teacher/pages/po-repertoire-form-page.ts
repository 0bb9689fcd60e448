import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { REPERTOIRE_KINDS, repertoireArgsSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { newRecordId } from '../data/evaluation-commands.ts';
import { saveRepertoireEntry } from '../data/repertoire-commands.ts';
import { formStatus, showTeachingResult, signedInTeacherId } from './teaching-form-result.ts';
import { localToday } from '../../../shared/lesson-dates.ts';

type EventKind = (typeof REPERTOIRE_KINDS)[number];

/**
 * `/enseignant/cours/:courseId/eleves/:studentId/repertoire/nouveau` and `/…/repertoire/:entryId`:
 * a piece the student played (date, occasion and its kind, piece, composer, duration in minutes,
 * comment), added to the student's repertoire or corrected. Works offline through the outbox; a
 * new piece, once saved, is edited under its own address so saving again corrects it.
 */
@customElement('po-repertoire-form-page')
export class PoRepertoireFormPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      textarea {
        min-block-size: 5em;
      }
    `,
  ];

  /** The course the teacher came from (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';
  /** The student (the route's `:studentId`). */
  @property({ attribute: false }) studentId = '';
  /** The entry corrected (the route's `:entryId`); empty for a new one. */
  @property({ attribute: false }) entryId = '';

  @state() private savedNew = false;
  private readonly newId = newRecordId();
  private filledFrom = '';

  private readonly form = new FormController(this, {
    name: 'repertoire-entry',
    fields: ['date', 'eventLabel', 'eventKind', 'piece', 'composer', 'durationMinutes', 'comments'],
    initial: { date: localToday(), eventLabel: '', eventKind: 'audition' as EventKind, piece: '', composer: '', durationMinutes: '', comments: '' },
  });
  private readonly data = new LiveQueryController(this, 'studentRecords', () => [signedInTeacherId(), this.courseId, this.studentId]);

  private get currentId() {
    return this.entryId || this.newId;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (['courseId', 'studentId', 'entryId'].some((k) => changed.has(k) && changed.get(k) !== undefined)) this.data.refresh();
    const entry = this.entry();
    if (this.entryId && entry && this.filledFrom !== entry.id && !this.form.dirty.size) {
      this.filledFrom = entry.id;
      const { date, eventLabel, eventKind, piece, composer, durationMinutes, comments } = entry;
      this.form.patch({ date, eventLabel, eventKind, piece, composer, comments, durationMinutes: durationMinutes == null ? '' : String(durationMinutes) });
    }
  }

  private entry() {
    return this.data.value?.repertoire.find((r) => r.id === this.entryId && r.own);
  }

  protected pageTitle() {
    const student = this.data.value?.student;
    return student ? `${this.heading()} — ${student.firstName} ${student.lastName}` : this.heading();
  }

  private heading() {
    const d = this.data.value;
    if (d && !d.student) return t('teaching.studentNotFound');
    if (d && this.entryId && !this.entry()) return t('teaching.pieceNotFound');
    return this.entryId || this.savedNew ? t('teaching.editPiece') : t('teaching.addPiece');
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    if (!d.student || !d.course) return html`<p>${t('teaching.studentNotFoundText')}</p><p><a href="/enseignant">${t('teaching.backToClasses')}</a></p>`;
    const name = `${d.student.firstName} ${d.student.lastName}`;
    const back = html`<p><a href="/enseignant/cours/${d.course.id}/eleves/${d.student.id}">${t('teaching.backToStudent', { name })}</a></p>`;
    if (this.entryId && !this.entry()) return html`<p>${t('teaching.pieceNotFoundText')}</p>${back}`;
    const form = this.form;
    const f = (name: string, labelKey: MessageKey, extra: { type?: 'date'; required?: boolean; inputmode?: 'numeric' } = {}) =>
      form.textField({ name, labelKey, ...extra });
    return html`
      <p class="subtitle">${name} — ${d.course.name}</p>
      ${back}
      ${formStatus(form)}
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        ${f('date', 'teaching.date', { type: 'date', required: true })}
        ${f('eventLabel', 'teaching.eventLabel', { required: true })}
        ${this.renderKind()}
        ${f('piece', 'teaching.piece', { required: true })}
        ${f('composer', 'repertoire.col.composer')}
        ${f('durationMinutes', 'teaching.durationMinutes', { inputmode: 'numeric' })}
        ${this.renderComments()}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('teaching.savePiece')}</button>
        </div>
      </form>
    `;
  }

  private renderKind() {
    const error = this.form.error('eventKind');
    return html`<div class="field">
      <label for="eventKind">${t('repertoire.col.kind')}<span aria-hidden="true"> *</span></label>
      ${error ? html`<p class="field-error" id="eventKind-error">${error}</p>` : nothing}
      <select id="eventKind" name="eventKind" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'eventKind-error' : undefined)}
        .value=${live(this.form.values.eventKind)} @change=${(e: Event) => this.form.set('eventKind', (e.target as HTMLSelectElement).value as EventKind)}>
        ${REPERTOIRE_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.form.values.eventKind}>${t(`repertoire.kind.${k}`)}</option>`)}
      </select>
    </div>`;
  }

  private renderComments() {
    const error = this.form.error('comments');
    return html`<div class="field">
      <label for="comments">${t('teaching.comments')}</label>
      ${error ? html`<p class="field-error" id="comments-error">${error}</p>` : nothing}
      <textarea id="comments" name="comments" maxlength="2000" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? 'comments-error' : undefined)}
        .value=${live(this.form.values.comments)} @input=${(e: Event) => this.form.set('comments', (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    const d = this.data.value;
    if (!d?.student || this.form.busy) return;
    const { durationMinutes, ...values } = this.form.values;
    const args = this.form.validate(repertoireArgsSchema, {
      ...values,
      id: this.currentId,
      studentId: d.student.id,
      durationMinutes: durationMinutes.trim() ? Number(durationMinutes.trim().replace(',', '.')) : null,
    });
    if (!args) return;
    const sent = await this.form.submit(() => saveRepertoireEntry(args));
    if (!sent.ok) return;
    const saved = showTeachingResult(this.form, sent.value, { sent: t('teaching.pieceSaved', { piece: args.piece }), queued: t('teaching.pieceQueued', { piece: args.piece }) });
    if (saved && !this.entryId && !this.savedNew) {
      this.savedNew = true;
      history.replaceState({}, '', `/enseignant/cours/${this.courseId}/eleves/${d.student.id}/repertoire/${this.currentId}`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-repertoire-form-page': PoRepertoireFormPage;
  }
}

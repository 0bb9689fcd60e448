import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { noteArgsSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, formatMinutes, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../components/po-evaluation-confirm-dialog.ts';
import '../components/po-evaluation-refusals.ts';
import type { PoEvaluationConfirmDialog } from '../components/po-evaluation-confirm-dialog.ts';
import '../components/po-note-list.ts';
import { dismissRefusal } from '../../data/submit-mutation.ts';
import { newRecordId } from '../data/evaluation-commands.ts';
import { deleteNote, saveNote } from '../data/note-commands.ts';
import { deleteRepertoireEntry } from '../data/repertoire-commands.ts';
import type { NoteView, RepertoireView } from '../data/teacher-record-queries.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { formStatus, showTeachingResult, signedInTeacherId } from './teaching-form-result.ts';
import { localToday } from '../../../shared/lesson-dates.ts';

/** What the confirmation dialog asks about. */
type Deleting = { kind: 'note'; note: NoteView } | { kind: 'repertoire'; entry: RepertoireView };

/**
 * `/enseignant/cours/:courseId/eleves/:studentId`: one student of the teacher's class. Follow-up
 * notes of this course, newest first, with the form to add one ("Ajouter la note") that also
 * corrects the teacher's own notes; then the student's repertoire with a link to add a piece.
 * Deleting asks first. Everything works offline through the outbox.
 */
@customElement('po-student-notes-page')
export class PoStudentNotesPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      textarea {
        min-block-size: 6em;
      }
      section {
        margin-block-end: 2rem;
      }
    `,
  ];

  /** The course (the route's `:courseId`). */
  @property({ attribute: false }) courseId = '';
  /** The student (the route's `:studentId`). */
  @property({ attribute: false }) studentId = '';

  /** The note being corrected; empty while the form adds a new one. */
  @state() private editingId = '';
  @state() private deleting: Deleting | null = null;
  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;

  private readonly form = new FormController(this, {
    name: 'follow-up-note',
    idPrefix: 'note-',
    fields: ['date', 'text'],
    initial: { date: localToday(), text: '' },
  });
  private readonly data = new LiveQueryController(this, 'studentRecords', () => [signedInTeacherId(), this.courseId, this.studentId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (['courseId', 'studentId'].some((k) => changed.has(k) && changed.get(k) !== undefined)) this.data.refresh();
  }

  protected pageTitle() {
    const d = this.data.value;
    return d?.student && d.course ? `${this.heading()} — ${d.course.name}` : this.heading();
  }

  private heading() {
    const d = this.data.value;
    if (!d) return t('teaching.studentTitle');
    return d.student ? `${d.student.firstName} ${d.student.lastName}` : t('teaching.studentNotFound');
  }

  override render() {
    return html`<h1>${this.heading()}</h1>${this.renderBody()}`;
  }

  private renderBody() {
    const d = this.data.value;
    if (!d) return html`<po-data-pending></po-data-pending>`;
    const back = d.course
      ? html`<p><a href="/enseignant/cours/${d.course.id}">${t('teaching.backToCourse', { course: d.course.name })}</a></p>`
      : html`<p><a href="/enseignant">${t('teaching.backToClasses')}</a></p>`;
    if (!d.student || !d.course) return html`<p>${t('teaching.studentNotFoundText')}</p>${back}`;
    const form = this.form;
    return html`
      <p class="subtitle">${d.course.name}</p>
      ${back}
      ${formStatus(form)}
      ${form.renderSummary()}
      <po-evaluation-refusals .refusals=${d.refused} @po-refusal-dismiss=${(e: CustomEvent<{ mutationId: number }>) => void dismissRefusal(e.detail.mutationId)}></po-evaluation-refusals>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">${t('teaching.notes')}</h2>
        ${this.renderNoteForm()}
        <po-note-list .notes=${d.notes} @po-note-edit=${this._onEditNote} @po-note-delete=${this._onAskDeleteNote}></po-note-list>
      </section>
      <section aria-labelledby="repertoire-title">
        <h2 id="repertoire-title">${t('teaching.repertoire')}</h2>
        <p><a class="button" href="/enseignant/cours/${d.course.id}/eleves/${d.student.id}/repertoire/nouveau">${t('teaching.addPiece')}</a></p>
        ${this.renderRepertoire(d.repertoire, `/enseignant/cours/${d.course.id}/eleves/${d.student.id}/repertoire`)}
      </section>
      <po-evaluation-confirm-dialog heading=${this.deleting?.kind === 'repertoire' ? t('teaching.deletePieceTitle') : t('teaching.deleteNoteTitle')}
        text=${this.deletingText()} confirm-label=${this.deleting?.kind === 'repertoire' ? t('teaching.deletePiece') : t('teaching.deleteNote')}
        @po-confirm=${this._onConfirmDelete}></po-evaluation-confirm-dialog>
    `;
  }

  private renderNoteForm() {
    const form = this.form;
    const editing = this.data.value?.notes.find((n) => n.id === this.editingId);
    const textError = form.error('text');
    return html`<form novalidate aria-labelledby="note-form-title" @submit=${this._onSubmitNote}>
      <h3 id="note-form-title">${editing ? t('teaching.editNote', { date: formatDate(editing.date) }) : t('teaching.newNote')}</h3>
      ${form.textField({ name: 'date', labelKey: 'teaching.date', type: 'date', required: true })}
      <div class="field">
        <label for="note-text">${t('teaching.noteText')}<span aria-hidden="true"> *</span></label>
        ${textError ? html`<p class="field-error" id="note-text-error">${textError}</p>` : nothing}
        <textarea id="note-text" name="note-text" required aria-required="true" maxlength="4000"
          aria-invalid=${textError ? 'true' : 'false'} aria-describedby=${ifDefined(textError ? 'note-text-error' : undefined)}
          .value=${live(form.values.text)} @input=${(e: Event) => form.set('text', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${editing ? t('teaching.saveNote') : t('teaching.addNote')}</button>
        ${editing ? html`<button type="button" class="secondary" @click=${this._onCancelEdit}>${t('teaching.cancelEdit')}</button>` : nothing}
      </div>
    </form>`;
  }

  private renderRepertoire(entries: RepertoireView[], base: string) {
    if (!entries.length) return html`<p>${t('repertoire.empty')}</p>`;
    const col = (key: MessageKey) => t(key);
    return html`<div class="table-wrap"><table>
      <caption class="visually-hidden">${t('teaching.repertoire')}</caption>
      <thead><tr>
        <th scope="col">${col('repertoire.col.piece')}</th>
        <th scope="col">${col('repertoire.col.date')}</th>
        <th scope="col">${col('repertoire.col.event')}</th>
        <th scope="col">${col('repertoire.col.composer')}</th>
        <th scope="col">${col('repertoire.col.duration')}</th>
        <th scope="col">${t('teaching.col.actions')}</th>
      </tr></thead>
      <tbody>
        ${entries.map((r) => html`<tr>
          <th scope="row">${r.piece}${r.queued ? html` <span class="hint">(${t('teaching.queued')})</span>` : nothing}</th>
          <td data-label=${col('repertoire.col.date')}>${formatDate(r.date)}</td>
          <td data-label=${col('repertoire.col.event')}>${r.eventLabel} (${t(`repertoire.kind.${r.eventKind}` as MessageKey)})</td>
          <td data-label=${col('repertoire.col.composer')}>${r.composer}</td>
          <td data-label=${col('repertoire.col.duration')}>${r.durationMinutes ? formatMinutes(r.durationMinutes) : ''}</td>
          <td data-label=${t('teaching.col.actions')}>
            ${r.own
              ? html`<div class="actions">
                  <a class="button secondary" href="${base}/${r.id}">${t('teaching.edit')}<span class="visually-hidden"> : ${r.piece}</span></a>
                  <button type="button" class="secondary" @click=${() => this.askDelete({ kind: 'repertoire', entry: r })}>${t('teaching.delete')}<span class="visually-hidden"> : ${r.piece}</span></button>
                </div>`
              : nothing}
          </td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  private deletingText() {
    const d = this.deleting;
    if (!d) return '';
    return d.kind === 'note' ? t('teaching.deleteNoteText', { date: formatDate(d.note.date) }) : t('teaching.deletePieceText', { piece: d.entry.piece, date: formatDate(d.entry.date) });
  }

  private async askDelete(what: Deleting) {
    this.deleting = what;
    await this.dialog.open();
  }

  private _onAskDeleteNote(event: CustomEvent<{ id: string }>) {
    const note = this.data.value?.notes.find((n) => n.id === event.detail.id);
    if (note) void this.askDelete({ kind: 'note', note });
  }

  private async _onEditNote(event: CustomEvent<{ id: string }>) {
    const note = this.data.value?.notes.find((n) => n.id === event.detail.id);
    if (!note) return;
    this.editingId = note.id;
    this.form.reset({ date: note.date, text: note.text });
    this.form.clearErrors();
    await this.updateComplete;
    this.shadowRoot!.getElementById('note-text')?.focus();
  }

  private async _onCancelEdit() {
    this.editingId = '';
    this.form.reset({ date: localToday() });
    this.form.clearErrors();
    await this.updateComplete;
    this.shadowRoot!.getElementById('note-date')?.focus();
  }

  private async _onSubmitNote(event: Event) {
    event.preventDefault();
    const d = this.data.value;
    if (!d?.student || !d.course || this.form.busy) return;
    const args = this.form.validate(noteArgsSchema, {
      id: this.editingId || newRecordId(),
      courseId: d.course.id,
      studentId: d.student.id,
      date: this.form.values.date,
      text: this.form.values.text,
    });
    if (!args) return;
    const editing = !!this.editingId;
    const sent = await this.form.submit(() => saveNote(args));
    if (!sent.ok) return;
    const messages = editing
      ? { sent: t('teaching.noteSaved'), queued: t('teaching.noteSavedQueued') }
      : { sent: t('teaching.noteAdded'), queued: t('teaching.noteAddedQueued') };
    if (!showTeachingResult(this.form, sent.value, messages)) return;
    this.editingId = '';
    this.form.reset({ date: localToday() });
  }

  private async _onConfirmDelete() {
    const what = this.deleting;
    if (!what) return;
    const sent = await this.form.submit(() => (what.kind === 'note' ? deleteNote(what.note.id) : deleteRepertoireEntry(what.entry.id)));
    if (!sent.ok) return;
    const messages =
      what.kind === 'note'
        ? { sent: t('teaching.noteDeleted', { date: formatDate(what.note.date) }), queued: t('teaching.noteDeletedQueued', { date: formatDate(what.note.date) }) }
        : { sent: t('teaching.pieceDeleted', { piece: what.entry.piece }), queued: t('teaching.pieceDeletedQueued', { piece: what.entry.piece }) };
    if (!showTeachingResult(this.form, sent.value, messages)) return;
    if (what.kind === 'note' && what.note.id === this.editingId) await this._onCancelEdit();
    this.deleting = null;
    // The deleted line's buttons are gone: the focus goes to the start of its section.
    const section = what.kind === 'note' ? 'notes-title' : 'repertoire-title';
    const heading = this.shadowRoot!.getElementById(section);
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-student-notes-page': PoStudentNotesPage;
  }
}

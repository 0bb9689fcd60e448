import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { teacherAbsenceSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import { offlineNotice } from '../../components/offline-notice.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import '../../teacher/components/po-evaluation-confirm-dialog.ts';
import type { PoEvaluationConfirmDialog } from '../../teacher/components/po-evaluation-confirm-dialog.ts';
import {
  declareAbsenceFor, fetchTeacherAbsences, fullTeacherName, withdrawAbsenceOf, type TeacherAbsences,
} from '../data/teacher-absences.ts';
import { absenceDates, formStatus } from '../../teacher/pages/teaching-form-result.ts';

type Absence = TeacherAbsences['absences'][number];
type Lesson = { courseId: string; courseName: string; date: string };

/**
 * `/admin/enseignants/:teacherId/absences`: a teacher's absences, declared or withdrawn by the
 * secretariat for them — the same declaration as the teacher's ("Déclarer une absence": Du, Au,
 * Message aux familles). The families concerned are told at once, so it works online only:
 * offline, the page says so and keeps what was typed. Withdrawing asks first.
 */
@customElement('po-admin-teacher-absences-page')
export class PoAdminTeacherAbsencesPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      textarea {
        min-block-size: 4em;
      }
      .declare {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        margin-block-end: 1.5rem;
      }
      @media (forced-colors: active) {
        .declare {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The teacher (the route's `:teacherId`). */
  @property({ attribute: false }) teacherId = '';

  @state() private data: TeacherAbsences | null = null;
  @state() private offline = false;
  @state() private notFound = false;
  @state() private formOpen = false;
  /** The lessons the last declaration cancelled, listed under its success message. */
  @state() private cancelled: Lesson[] | null = null;
  @state() private withdrawing: Absence | null = null;
  @query('po-evaluation-confirm-dialog') private dialog!: PoEvaluationConfirmDialog;

  private readonly form = new FormController(this, {
    name: 'admin-teacher-absence',
    fields: ['startDate', 'endDate', 'message'],
    initial: { startDate: '', endDate: '', message: '' },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('teacherId') && this.teacherId) void this.load();
  }

  protected pageTitle() {
    return this.heading();
  }

  private heading() {
    if (this.notFound) return t('adminTeachers.notFound');
    return this.data ? t('adminTeachers.absencesOf', { name: fullTeacherName(this.data.teacher) }) : t('adminTeachers.absencesTitle');
  }

  private async load() {
    try {
      this.data = await fetchTeacherAbsences(this.teacherId);
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else if (error instanceof HttpError && error.status === 404) this.notFound = true;
      else throw error;
    }
  }

  override render() {
    return html`
      <p><a href="/admin/enseignants">${t('adminTeachers.back')}</a></p>
      <h1>${this.heading()}</h1>
      ${formStatus(this.form, this.offline && !this.data ? offlineNotice(t('adminTeachers.offline'), () => void this.load()) : nothing)}
      ${this.notFound ? html`<p>${t('adminTeachers.notFoundText')}</p>` : this.data ? this.renderBody(this.data) : this.offline ? nothing : html`<p>${t('common.loading')}</p>`}
      <po-evaluation-confirm-dialog heading=${this.withdrawing ? t('teacherAbsences.withdrawOf', { dates: absenceDates(this.withdrawing) }) : ''}
        text=${t('teacherAbsences.confirmText')} confirm-label=${t('teacherAbsences.confirmWithdraw')} @po-confirm=${this._onConfirmWithdraw}></po-evaluation-confirm-dialog>
    `;
  }

  private renderBody(d: TeacherAbsences) {
    return html`
      <p>${t('adminTeachers.intro')}</p>
      ${this.cancelled ? this.renderCancelled(this.cancelled) : nothing}
      ${this.form.renderSummary()}
      <p>
        <!-- aria-controls only while the form exists: an id that names nothing is an ARIA error (IBM's aria_id_unique). -->
        <button type="button" id="declare" aria-expanded=${this.formOpen ? 'true' : 'false'} aria-controls=${ifDefined(this.formOpen ? 'declare-form' : undefined)} @click=${this._onToggleForm}>${t('teacherAbsences.declare')}</button>
      </p>
      ${this.formOpen ? this.renderForm() : nothing}
      <h2 id="list-title">${t('teacherAbsences.listTitle')}</h2>
      ${d.absences.length ? this.renderTable(d.absences) : html`<p>${t('adminTeachers.noAbsences')}</p>`}
    `;
  }

  private renderForm() {
    const form = this.form;
    const error = form.error('message');
    return html`<form id="declare-form" class="declare" novalidate aria-labelledby="declare-title" @submit=${this._onDeclare}>
      <h2 id="declare-title">${t('teacherAbsences.formTitle')}</h2>
      ${form.textField({ name: 'startDate', labelKey: 'teacherAbsences.from', type: 'date', required: true })}
      ${form.textField({ name: 'endDate', labelKey: 'teacherAbsences.to', type: 'date', required: true })}
      <div class="field">
        <label for="message">${t('teacherAbsences.message')}</label>
        <p class="hint" id="message-hint">${t('teacherAbsences.messageHint')}</p>
        ${error ? html`<p class="field-error" id="message-error">${error}</p>` : nothing}
        <textarea id="message" name="message" maxlength="500" aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'message-hint message-error' : 'message-hint'}
          .value=${live(form.values.message)} @input=${(e: Event) => form.set('message', (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('teacherAbsences.submit')}</button>
        <button type="button" class="secondary" @click=${this._onToggleForm}>${t('teacherAbsences.cancel')}</button>
      </div>
    </form>`;
  }

  private renderCancelled(lessons: Lesson[]) {
    return html`<section aria-labelledby="cancelled-title">
      <h2 id="cancelled-title">${t('teacherAbsences.cancelledTitle')}</h2>
      ${lessons.length
        ? html`<ul>${lessons.map((l) => html`<li>${l.courseName} — ${formatDate(l.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</li>`)}</ul>`
        : html`<p>${t('adminTeachers.noCancelled')}</p>`}
    </section>`;
  }

  private renderTable(absences: Absence[]) {
    const col = { message: t('teacherAbsences.col.message'), state: t('teacherAbsences.col.state'), actions: t('teacherAbsences.col.actions') };
    return html`<div class="table-wrap">
      <table aria-labelledby="list-title">
        <thead>
          <tr>
            <th scope="col">${t('teacherAbsences.col.dates')}</th>
            <th scope="col">${col.message}</th>
            <th scope="col">${col.state}</th>
            <th scope="col">${col.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${absences.map((a) => html`<tr>
            <th scope="row">${absenceDates(a)}</th>
            <td data-label=${col.message}>${a.message}</td>
            <td data-label=${col.state}>${a.withdrawn ? t('teacherAbsences.withdrawn') : t('teacherAbsences.active')}</td>
            <td data-label=${col.actions}>
              ${a.withdrawn
                ? nothing
                : html`<button type="button" class="secondary" @click=${() => this.askWithdraw(a)}>
                    ${t('teacherAbsences.withdraw')}<span class="visually-hidden"> : ${absenceDates(a)}</span>
                  </button>`}
            </td>
          </tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  private async _onToggleForm() {
    this.formOpen = !this.formOpen;
    await this.updateComplete;
    if (this.formOpen) this.shadowRoot!.getElementById('startDate')?.focus();
    else this.shadowRoot!.getElementById('declare')?.focus();
  }

  /** Offline, or any refusal without fields: said in the status line, what was typed kept. */
  private problem(offlineMessage: string) {
    return (error: unknown) => {
      if (error instanceof OfflineError) {
        this.form.announce(offlineMessage, { again: true });
        return null;
      }
      return undefined;
    };
  }

  private async _onDeclare(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const input = this.form.validate(teacherAbsenceSchema);
    if (!input) return;
    this.cancelled = null;
    const sent = await this.form.submit(() => declareAbsenceFor(this.teacherId, input), {
      pending: t('teacherAbsences.sending'),
      problem: this.problem(t('teacherAbsences.offline')),
    });
    if (!sent.ok) return;
    const { cancelledLessons, notifiedFamilies } = sent.value;
    this.form.announce(t('teacherAbsences.declared', { lessons: cancelledLessons.length, families: notifiedFamilies }), { success: true, again: true });
    this.cancelled = cancelledLessons;
    this.form.reset();
    this.formOpen = false;
    await this.load();
    // The form (and its button) closed: the focus goes to the lessons it cancelled.
    const heading = this.shadowRoot!.getElementById('cancelled-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }

  private async askWithdraw(absence: Absence) {
    this.withdrawing = absence;
    await this.dialog.open();
  }

  private async _onConfirmWithdraw() {
    const absence = this.withdrawing;
    if (!absence) return;
    const sent = await this.form.submit(() => withdrawAbsenceOf(this.teacherId, absence.id), { problem: this.problem(t('teacherAbsences.withdrawOffline')) });
    if (!sent.ok) return;
    this.withdrawing = null;
    this.cancelled = null;
    this.form.announce(t('teacherAbsences.withdrawnDone', { dates: absenceDates(absence) }), { success: true, again: true });
    await this.load();
    // The row's button is gone: the focus goes back to the list's heading.
    const heading = this.shadowRoot!.getElementById('list-title');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-teacher-absences-page': PoAdminTeacherAbsencesPage;
  }
}

import { css, html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { defineFields } from '../../../shared/fields/field.ts';
import { teacherAbsenceSchema } from '../../../shared/teaching-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import type { TeacherAbsence } from '../../data/records.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { reflowTableStyles } from '../../styles/reflow-table-styles.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { declareTeacherAbsence, withdrawTeacherAbsence, type DeclaredAbsence } from '../data/teacher-absence-commands.ts';
import { absenceDates, formStatus, signedInTeacherId } from './teaching-form-result.ts';

/** The form's dates (the message is a textarea, rendered by the page). */
const DATE_FIELDS = defineFields({
  startDate: { labelKey: 'teacherAbsences.from', type: 'date', required: true },
  endDate: { labelKey: 'teacherAbsences.to', type: 'date', required: true },
});

/**
 * `/enseignant/absences`: the teacher's declared absences (dates, message, withdrawn or not), and
 * "Déclarer une absence", which opens the form ("Du", "Au", "Message aux familles"). Declaring is
 * online (families are told at once): offline the page says so and keeps what was typed. Once
 * declared, the lessons it cancels are listed. Withdrawing asks for a confirmation with a second
 * button in place of the first (keyboard reachable, focused), never a double-click.
 */
@customElement('po-teacher-absences-page')
export class PoTeacherAbsencesPage extends PageElement {
  static override styles = [
    pageStyles,
    reflowTableStyles,
    css`
      textarea {
        min-block-size: 6em;
        resize: vertical;
      }
      section {
        margin-block: 1.5rem;
      }
      .confirm {
        display: grid;
        gap: 0.5em;
      }
    `,
  ];

  @state() private formOpen = false;
  /** The absence whose withdrawal waits for its confirmation. */
  @state() private confirming = '';
  /** The last declaration's answer: the lessons it cancelled. */
  @state() private declared: DeclaredAbsence | null = null;

  private readonly form = new FormController(this, {
    name: 'teacher-absence',
    idPrefix: 'absence-',
    fields: ['startDate', 'endDate', 'message'],
    initial: { startDate: '', endDate: '', message: '' },
  });

  private readonly data = new LiveQueryController(this, 'teacherAbsences', () => [signedInTeacherId()]);

  protected pageTitle() {
    return t('teacherAbsences.title');
  }

  override render() {
    const form = this.form;
    return html`
      <h1>${t('teacherAbsences.title')}</h1>
      <p>${t('teacherAbsences.intro')}</p>
      <p>
        <!-- aria-controls only while the form exists: an id that names nothing is an ARIA error (IBM's aria_id_unique). -->
        <button type="button" id="declare" aria-expanded=${this.formOpen ? 'true' : 'false'} aria-controls=${ifDefined(this.formOpen ? 'declare-form' : undefined)} @click=${this._onToggle}>
          ${t('teacherAbsences.declare')}
        </button>
      </p>
      ${this.formOpen ? this.renderForm() : nothing}
      ${formStatus(form)}
      ${this.declared ? this.renderCancelled(this.declared) : nothing}
      <section aria-labelledby="list-title">
        <h2 id="list-title" tabindex="-1">${t('teacherAbsences.listTitle')}</h2>
        ${this.renderList()}
      </section>
    `;
  }

  private renderForm() {
    const form = this.form;
    const messageId = form.fieldId('message');
    const messageError = form.error('message');
    return html`<section id="declare-form" aria-labelledby="form-title">
      <h2 id="form-title">${t('teacherAbsences.formTitle')}</h2>
      ${form.renderSummary()}
      <form novalidate aria-labelledby="form-title" @submit=${this._onDeclare}>
        ${form.textField(DATE_FIELDS.startDate)} ${form.textField(DATE_FIELDS.endDate)}
        <div class="field">
          <label for=${messageId}>${t('teacherAbsences.message')}</label>
          <p class="hint" id="${messageId}-hint">${t('teacherAbsences.messageHint')}</p>
          ${messageError ? html`<p class="field-error" id="${messageId}-error">${messageError}</p>` : nothing}
          <textarea
            id=${messageId}
            name=${messageId}
            maxlength="500"
            aria-invalid=${messageError ? 'true' : 'false'}
            aria-describedby="${messageId}-hint${messageError ? ` ${messageId}-error` : ''}"
            .value=${live(form.values.message)}
            @input=${(e: Event) => form.set('message', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('teacherAbsences.submit')}</button>
          <button type="button" class="secondary" @click=${this._onToggle}>${t('teacherAbsences.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderCancelled(declared: DeclaredAbsence) {
    const lessons = declared.cancelledLessons;
    return html`<section aria-labelledby="cancelled-title">
      <h2 id="cancelled-title">${t('teacherAbsences.cancelledTitle')} (${absenceDates(declared.absence)})</h2>
      ${lessons.length
        ? html`<ul>
            ${lessons.map((l) => html`<li>${l.courseName} — ${formatDate(l.date, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</li>`)}
          </ul>`
        : html`<p>${t('teacherAbsences.noCancelled')}</p>`}
    </section>`;
  }

  private renderList() {
    const list = this.data.value;
    if (!list) return html`<po-data-pending></po-data-pending>`;
    if (!list.length) return html`<p>${t('teacherAbsences.none')}</p>`;
    const col = { message: t('teacherAbsences.col.message'), state: t('teacherAbsences.col.state'), actions: t('teacherAbsences.col.actions') };
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${t('teacherAbsences.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('teacherAbsences.col.dates')}</th>
            <th scope="col">${col.message}</th>
            <th scope="col">${col.state}</th>
            <th scope="col">${col.actions}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (a) => html`<tr>
              <th scope="row">${absenceDates(a)}</th>
              <td data-label=${col.message}><span class="long">${a.message || '—'}</span></td>
              <td data-label=${col.state}>${a.withdrawn ? t('teacherAbsences.withdrawn') : t('teacherAbsences.active')}</td>
              <td data-label=${col.actions}>${a.withdrawn ? '—' : this.renderWithdraw(a)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderWithdraw(a: TeacherAbsence) {
    const dates = absenceDates(a);
    if (this.confirming !== a.id) {
      return html`<button type="button" class="secondary" id="withdraw-${a.id}" @click=${() => this._onAskWithdraw(a.id)}>
        ${t('teacherAbsences.withdraw')}<span class="visually-hidden"> : ${dates}</span>
      </button>`;
    }
    return html`<div class="confirm">
      <p class="hint" id="confirm-text-${a.id}">${t('teacherAbsences.confirmText')}</p>
      <div class="actions">
        <button type="button" id="confirm-${a.id}" aria-describedby="confirm-text-${a.id}" aria-disabled=${this.form.busy ? 'true' : 'false'}
          @click=${() => void this._onWithdraw(a)}>
          ${t('teacherAbsences.confirmWithdraw')}<span class="visually-hidden"> : ${dates}</span>
        </button>
        <button type="button" class="secondary" @click=${() => this._onKeep(a.id)}>${t('teacherAbsences.keep')}</button>
      </div>
    </div>`;
  }

  private async _onToggle() {
    this.formOpen = !this.formOpen;
    if (!this.formOpen) this.form.clearErrors();
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>(this.formOpen ? `#${this.form.fieldId('startDate')}` : '#declare'))?.focus();
  }

  private async _onDeclare(event: Event) {
    event.preventDefault();
    const input = this.form.validate(teacherAbsenceSchema);
    if (!input) return;
    const sent = await this.form.submit(() => declareTeacherAbsence(input), {
      pending: t('teacherAbsences.sending'),
      problem: (error) => {
        // Nothing is lost: the values stay in the form until the network is back.
        if (error instanceof OfflineError) return { fields: {}, message: t('teacherAbsences.offline') };
        if (error instanceof HttpError) {
          // Refusals about a field (dates already declared) show there; others say why in the summary.
          const { fields, message } = serverProblem(error.body);
          return { fields, message: Object.keys(fields).length ? t('teacherAbsences.notDeclared') : `${t('teacherAbsences.notDeclared')} ${message}` };
        }
        return undefined;
      },
    });
    if (!sent.ok) return;
    this.declared = sent.value;
    this.form.reset();
    this.formOpen = false;
    this.form.announce(t('teacherAbsences.declared', { lessons: sent.value.cancelledLessons.length, families: sent.value.notifiedFamilies }), { success: true, again: true });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#declare')?.focus();
  }

  private async _onAskWithdraw(id: string) {
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#confirm-${CSS.escape(id)}`)?.focus();
  }

  private async _onKeep(id: string) {
    this.confirming = '';
    await this.updateComplete;
    // Back to the "Retirer" button of the same absence.
    this.renderRoot.querySelector<HTMLElement>(`#withdraw-${CSS.escape(id)}`)?.focus();
  }

  private async _onWithdraw(a: TeacherAbsence) {
    const done = await this.form.submit(() => withdrawTeacherAbsence(a.id), {
      problem: (error) => {
        if (error instanceof OfflineError) {
          this.form.announce(t('teacherAbsences.withdrawOffline'), { again: true });
          return null;
        }
        if (error instanceof HttpError) {
          this.form.announce(error.body.error.message, { again: true });
          return null;
        }
        return undefined;
      },
    });
    if (!done.ok) return;
    this.confirming = '';
    this.form.announce(t('teacherAbsences.withdrawnDone', { dates: absenceDates(a) }), { success: true, again: true });
    await this.updateComplete;
    // The row's buttons are gone: the focus goes to the list's heading, just above it.
    this.renderRoot.querySelector<HTMLElement>('#list-title')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-teacher-absences-page': PoTeacherAbsencesPage;
  }
}

import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { announceAbsenceArgsSchema } from '../../../shared/absence-notice-schemas.ts';
import { textField } from '../../components/form-fields.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus, showTeachingResult } from '../../teacher/pages/teaching-form-result.ts';
import { announceAbsence } from '../data/absence-notice-commands.ts';
import type { NoticeChoice } from '../data/absence-notice-queries.ts';
import { identityFormStyles } from './identity-form.ts';
import { choiceStyles } from './choice-styles.ts';

/** The form's values: the chosen enrollment, the days ticked ("YYYY-MM-DD,YYYY-MM-DD"), the reason. */
type Values = { enrollmentId: string; dates: string; reason: string };

const dateId = (i: number) => `notice-date-${i}`;
const longDate = (d: string) => formatDate(d, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * "Signaler une absence": the course (a select when the family has several, else said in words),
 * its coming lesson days as checkboxes (a day already announced says so; ticking it again changes
 * its reason), an optional reason. Checked with the shared schema, then sent through the outbox
 * (offline too): the status line says whether it was sent or waits on this device.
 */
@customElement('po-absence-notice-form')
export class PoAbsenceNoticeForm extends LitElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    choiceStyles,
    css`
      .days {
        display: grid;
        gap: 0.25em;
      }
    `,
  ];

  /** The courses offered (client/family/data/absence-notice-queries.ts: noticeChoices). */
  @property({ attribute: false }) choices: NoticeChoice[] = [];

  private readonly form = new FormController<Values>(this, {
    name: 'absence-notice',
    fields: ['enrollmentId', 'dates', 'reason'],
    initial: { enrollmentId: '', dates: '', reason: '' },
    fieldIds: { enrollmentId: 'notice-course', dates: dateId(0), reason: 'notice-reason' },
    extraPaths: (path) => path.startsWith('dates.'),
  });

  private chosen(): NoticeChoice | undefined {
    return this.choices.find((c) => c.enrollmentId === this.form.values.enrollmentId) ?? this.choices[0];
  }

  private ticked(): string[] {
    return this.form.values.dates ? this.form.values.dates.split(',') : [];
  }

  private toggle(date: string, on: boolean) {
    const dates = new Set(this.ticked());
    if (on) dates.add(date);
    else dates.delete(date);
    this.form.set('dates', [...dates].sort().join(','));
  }

  override render() {
    const form = this.form;
    if (!this.choices.length) return html`<p>${t('notice.noCourse')}</p>`;
    const choice = this.chosen()!;
    const ticked = new Set(this.ticked());
    // A refusal of one day (`dates.2`) is shown with the days' group.
    const datesError = form.error('dates') ?? Object.entries(form.errors).find(([path]) => path.startsWith('dates.'))?.[1];
    const describedDates = ['notice-dates-hint', datesError ? 'notice-dates-error' : ''].filter(Boolean).join(' ');
    return html`
      ${form.renderSummary()}
      <form novalidate @submit=${this.submit}>
        <p class="hint">${t('notice.intro')}</p>
        ${this.choices.length > 1
          ? html`<div class="field">
              <label for="notice-course">${t('notice.course')}</label>
              <select id="notice-course" @change=${(e: Event) => this.chooseCourse((e.target as HTMLSelectElement).value)}>
                ${this.choices.map(
                  (c) => html`<option value=${c.enrollmentId} ?selected=${c.enrollmentId === choice.enrollmentId}>${t('notice.courseOption', { student: c.studentName, course: c.courseName })}</option>`,
                )}
              </select>
            </div>`
          : html`<p><strong>${t('notice.course')} :</strong> ${t('notice.courseOption', { student: choice.studentName, course: choice.courseName })}</p>`}
        <fieldset aria-describedby=${describedDates}>
          <legend>${t('notice.dates')}<span aria-hidden="true"> *</span></legend>
          <p class="hint" id="notice-dates-hint">${t('notice.datesHint')}</p>
          ${datesError ? html`<p class="field-error" id="notice-dates-error">${datesError}</p>` : nothing}
          ${choice.dates.length
            ? html`<div class="days">
                ${choice.dates.map(
                  (d, i) => html`<label class="option">
                    <input
                      type="checkbox"
                      id=${dateId(i)}
                      value=${d}
                      aria-invalid=${datesError ? 'true' : 'false'}
                      .checked=${live(ticked.has(d))}
                      @change=${(e: Event) => this.toggle(d, (e.target as HTMLInputElement).checked)}
                    />
                    <span>${longDate(d)}${choice.announced.includes(d) ? ` (${t('notice.alreadyAnnounced')})` : ''}</span>
                  </label>`,
                )}
              </div>`
            : html`<p>${t('notice.noDates')}</p>`}
        </fieldset>
        ${textField({ name: 'notice-reason', label: t('notice.reason'), hint: t('notice.reasonHint'), value: form.values.reason, error: form.error('reason'), autocomplete: 'off', onInput: (_, reason) => form.set('reason', reason) })}
        <div class="actions">
          <button type="submit" aria-disabled=${ifDefined(form.busy ? 'true' : undefined)}>${t('notice.submit')}</button>
        </div>
      </form>
      ${formStatus(form)}
    `;
  }

  private chooseCourse(enrollmentId: string) {
    // Another course: its own days (the ones ticked belonged to the previous course).
    this.form.set('enrollmentId', enrollmentId);
    this.form.set('dates', '');
    this.form.clearErrors();
  }

  private async submit(event: Event) {
    event.preventDefault();
    const choice = this.chosen();
    if (!choice || this.form.busy) return;
    const args = this.form.validate(announceAbsenceArgsSchema, { enrollmentId: choice.enrollmentId, dates: this.ticked(), reason: this.form.values.reason });
    if (!args) return;
    const sent = await this.form.submit(() => announceAbsence(args));
    if (!sent.ok) return;
    const stands = showTeachingResult(this.form, sent.value, { sent: t('notice.sent', { count: args.dates.length }), queued: t('notice.queued') });
    if (stands) {
      // Sent or queued: the days show as announced now (the list reads the outbox); the form starts again.
      this.form.reset({ enrollmentId: choice.enrollmentId });
      this.dispatchEvent(new CustomEvent('absence-announced', { bubbles: true, composed: true, detail: { enrollmentId: choice.enrollmentId, dates: args.dates } }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-absence-notice-form': PoAbsenceNoticeForm;
  }
}

import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { familyIdentityFields, studentContactFields, studentIdentityFields, studentSchoolFields, studentUsesFamilyContactField } from '../../../shared/fields/identity-fields.ts';
import type { Family, Student } from '../../data/records.ts';
import { FormController } from '../../forms/form-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import { confirmReenrolmentDetails } from '../data/reenrolment-commands.ts';

/** A record's fields as the review lists them: label, then the value in words ("non renseigné", "Oui"/"Non", a date). */
function describe(fields: FieldDescription[], record: Record<string, unknown>) {
  return html`<dl>
    ${fields.map((f) => {
      const value = record[f.name];
      const text =
        typeof value === 'boolean' ? t(value ? 'records.yes' : 'records.no') : !value ? t('reenrolment.empty') : f.type === 'date' ? formatDate(String(value)) : String(value);
      return html`<div class="pair"><dt>${t(f.labelKey as MessageKey)}</dt><dd>${text}</dd></div>`;
    })}
  </dl>`;
}

const familyFields = Object.values(familyIdentityFields);
const studentFields = (s: Student): FieldDescription[] => [
  ...Object.values(studentIdentityFields),
  ...Object.values(studentUsesFamilyContactField),
  ...(s.useFamilyContact ? [] : Object.values(studentContactFields)),
  ...Object.values(studentSchoolFields),
];

/**
 * Step 2: every field of the family's and each student's record, read from the device, each
 * record with a link to its page to edit it; then "Je confirme que ces informations sont à jour"
 * (a checkbox and a button: the box must be ticked, the error is linked to it). Once confirmed
 * the step says so. Fires `reenrolment-saved` once the confirmation is saved (sent or queued).
 */
@customElement('po-reenrolment-review')
export class PoReenrolmentReview extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 0.25em;
        margin: 0.5em 0;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 0 0.75em;
      }
      /* An e-mail address or a long school name has no break opportunity: at 320 px in the
         accessibility mode's larger text it would widen the page (reflow.spec). */
      dt,
      dd {
        min-width: 0;
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      section {
        margin-block: 1em;
      }
    `,
  ];

  @property({ attribute: false }) campaignId = '';
  @property({ attribute: false }) family?: Family;
  @property({ attribute: false }) students: Student[] = [];
  @property({ type: Boolean }) confirmed = false;
  @property({ type: Boolean }) confirmQueued = false;
  @state() private checked = false;

  private readonly form = new FormController<{ confirm: boolean }>(this, { initial: { confirm: false }, fields: ['confirm'], name: 'reenrolment-review' });

  override render() {
    const f = this.family;
    const form = this.form;
    const error = form.error('confirm');
    return html`
      ${f
        ? html`<section aria-labelledby="review-family">
            <h3 id="review-family">${t('reenrolment.familyRecord', { name: `${f.firstName} ${f.lastName}` })}</h3>
            ${describe(familyFields, f as unknown as Record<string, unknown>)}
            <p><a href="/famille">${t('reenrolment.edit', { name: `${f.firstName} ${f.lastName}` })}</a></p>
          </section>`
        : nothing}
      ${this.students.map(
        (s) => html`<section aria-labelledby="review-${s.id}">
          <h3 id="review-${s.id}">${s.firstName} ${s.lastName}</h3>
          ${describe(studentFields(s), s as unknown as Record<string, unknown>)}
          <p><a href="/eleves/${s.id}">${t('reenrolment.edit', { name: `${s.firstName} ${s.lastName}` })}</a></p>
        </section>`,
      )}
      ${this.confirmed
        ? html`<p class="notice success">${t('reenrolment.confirmed')}${this.confirmQueued ? ` (${t('reenrolment.queuedMark')})` : ''}</p>`
        : html`${form.renderSummary()}
            <form novalidate @submit=${this.onSubmit}>
              ${error ? html`<p class="field-error" id="confirm-error">${error}</p>` : nothing}
              <div class="check-row">
                <input
                  type="checkbox"
                  id="confirm"
                  .checked=${this.checked}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? 'confirm-error' : nothing}
                  @change=${(e: Event) => (this.checked = (e.target as HTMLInputElement).checked)}
                />
                <label for="confirm">${t('reenrolment.confirmCheck')}</label>
              </div>
              <div class="actions">
                <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('reenrolment.confirmButton')}</button>
              </div>
            </form>`}
      ${formStatus(form)}
    `;
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    if (!this.checked) return this.form.showErrors({ confirm: t('reenrolment.confirmRequired') });
    const sent = await this.form.submit(() => confirmReenrolmentDetails(this.campaignId), { pending: t('reenrolment.saving') });
    if (!sent.ok) return;
    if (sent.value !== 'sent' && sent.value !== 'queued') return this.form.showErrors({}, sent.value.rejected.message);
    this.form.announce(sent.value === 'queued' ? t('reenrolment.queued') : t('reenrolment.confirmSaved'), { success: true, again: true });
    this.dispatchEvent(new CustomEvent('reenrolment-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-reenrolment-review': PoReenrolmentReview;
  }
}

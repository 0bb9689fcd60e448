import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { REENROLMENT_CHOICES, WISH_MAX, COMMENT_MAX, reenrolmentAnswerSchema, type ReenrolmentChoice } from '../../../shared/reenrolment-schemas.ts';
import { textField } from '../../components/form-fields.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import { saveEach, saveReenrolmentAnswer } from '../data/reenrolment-commands.ts';
import type { ReenrolmentStudent } from '../data/reenrolment-queries.ts';
import { choiceGroup } from './choice-group.ts';

type Row = { studentId: string; choice: string; wish: string; comment: string };

const choiceId = (i: number) => `students.${i}.choice`;
const wishId = (i: number) => `students.${i}.wish`;

/**
 * Step 1 of the re-enrolment: per student, a fieldset "Continuer (les mêmes cours, listés) /
 * Arrêter / Changer", and for "Changer" a required wish and a comment. One button saves every
 * student's answer (a mutation each, through the outbox); errors are linked to their student.
 * Fires `reenrolment-saved` once saved (sent or queued).
 */
@customElement('po-reenrolment-choices')
export class PoReenrolmentChoices extends LitElement {
  static override styles = [
    pageStyles,
    css`
      fieldset {
        margin-block: 1em;
      }
      .answered {
        margin: 0.25em 0 0;
      }
    `,
  ];

  @property({ attribute: false }) campaignId = '';
  @property({ attribute: false }) students: ReenrolmentStudent[] = [];

  private readonly form = new FormController<{ rows: Row[] }>(this, {
    initial: { rows: [] },
    fields: ['rows'],
    extraPaths: (p) => /^students\.\d+\.(choice|wish|comment)$/.test(p),
    name: 'reenrolment-choices',
  });

  /** What a student's line shows: as typed, else the answer on the device, else nothing chosen. */
  private rowOf(s: ReenrolmentStudent): Row {
    const typed = this.form.values.rows.find((r) => r.studentId === s.student.id);
    if (typed) return typed;
    return { studentId: s.student.id, choice: s.answer?.choice ?? '', wish: s.answer?.wish ?? '', comment: s.answer?.comment ?? '' };
  }

  private change(studentId: string, patch: Partial<Row>) {
    this.form.set(
      'rows',
      this.students.map((s) => (s.student.id === studentId ? { ...this.rowOf(s), ...patch } : this.rowOf(s))),
    );
  }

  override render() {
    const form = this.form;
    return html`
      ${form.renderSummary()}
      <form novalidate @submit=${this.onSubmit}>
        ${this.students.map((s, i) => {
          const row = this.rowOf(s);
          const name = `${s.student.firstName} ${s.student.lastName}`;
          return html`<div class="student">
            ${choiceGroup<ReenrolmentChoice>({
              id: choiceId(i),
              name: `choice-${s.student.id}`,
              legend: name,
              value: (REENROLMENT_CHOICES as readonly string[]).includes(row.choice) ? (row.choice as ReenrolmentChoice) : undefined,
              error: form.error(choiceId(i)),
              options: [
                {
                  value: 'continue',
                  label: s.courses.length ? t('reenrolment.continueCourses', { courses: s.courses.join(', ') }) : t('reenrolment.continueNoCourse'),
                },
                { value: 'stop', label: t('reenrolment.choice.stop') },
                { value: 'change', label: t('reenrolment.choice.change') },
              ],
              onChange: (choice) => this.change(s.student.id, { choice }),
            })}
            ${row.choice === 'change'
              ? html`${textField({
                  name: wishId(i),
                  label: t('reenrolment.wish'),
                  required: true,
                  value: row.wish,
                  error: form.error(wishId(i)),
                  onInput: (_, wish) => this.change(s.student.id, { wish }),
                })}
                ${textField({
                  name: `students.${i}.comment`,
                  label: t('reenrolment.comment'),
                  value: row.comment,
                  error: form.error(`students.${i}.comment`),
                  onInput: (_, comment) => this.change(s.student.id, { comment }),
                })}`
              : nothing}
            ${s.answer
              ? html`<p class="answered hint">
                  ${t('reenrolment.answered', { choice: t(`reenrolment.choice.${s.answer.choice as ReenrolmentChoice}`) })}${s.answer.queued ? ` (${t('reenrolment.queuedMark')})` : ''}
                </p>`
              : nothing}
          </div>`;
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('reenrolment.saveChoices')}</button>
        </div>
      </form>
      ${formStatus(form)}
    `;
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const rows = this.students.map((s) => this.rowOf(s));
    // Checked here with the family's words (which student, which field); the shared schema checks the rest.
    const errors: Record<string, string> = {};
    rows.forEach((r, i) => {
      const name = `${this.students[i].student.firstName}`;
      if (!r.choice) errors[choiceId(i)] = t('reenrolment.choiceRequired', { name });
      else if (r.choice === 'change' && !r.wish.trim()) errors[wishId(i)] = t('reenrolment.wishRequired', { name });
      else if (r.wish.length > WISH_MAX || r.comment.length > COMMENT_MAX) {
        const parsed = reenrolmentAnswerSchema.safeParse({ campaignId: this.campaignId, ...r });
        if (!parsed.success) for (const issue of parsed.error.issues) errors[`students.${i}.${String(issue.path[0])}`] = issue.message;
      }
    });
    if (Object.keys(errors).length) return this.form.showErrors(errors);
    this.form.patch({ rows });
    const sent = await this.form.submit(
      () =>
        saveEach(rows, (r) => {
          const saved = this.students.find((s) => s.student.id === r.studentId)?.answer;
          // Unchanged answers are not sent again.
          if (saved && saved.choice === r.choice && saved.wish === (r.choice === 'change' ? r.wish.trim() : '') && saved.comment === r.comment.trim()) return null;
          return saveReenrolmentAnswer({ campaignId: this.campaignId, studentId: r.studentId, choice: r.choice as ReenrolmentChoice, wish: r.wish, comment: r.comment });
        }),
      { pending: t('reenrolment.saving') },
    );
    if (!sent.ok) return;
    const { queued, refused } = sent.value;
    if (refused) {
      const problem = serverProblem({ error: refused.error });
      const fields = Object.fromEntries(Object.entries(problem.fields).map(([k, v]) => [`students.${refused.index}.${k}`, v]));
      return this.form.showErrors(fields, problem.message);
    }
    this.form.announce(queued ? t('reenrolment.queued') : t('reenrolment.choicesSaved'), { success: true, again: true });
    this.form.reset();
    this.dispatchEvent(new CustomEvent('reenrolment-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-reenrolment-choices': PoReenrolmentChoices;
  }
}

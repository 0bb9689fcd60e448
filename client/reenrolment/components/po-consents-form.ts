import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { localeStore, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { formStatus } from '../../teacher/pages/teaching-form-result.ts';
import { answerConsent, saveEach } from '../data/reenrolment-commands.ts';
import type { ConsentQuestion } from '../data/reenrolment-queries.ts';
import { choiceGroup } from './choice-group.ts';

type Answer = 'given' | 'refused';

const questionId = (i: number) => `consents.${i}`;

/** The wording in the person's language (English when the site wrote one, else French). */
const wording = (q: ConsentQuestion) => (localeStore.value.locale === 'en' && q.kind.wordingEn ? q.kind.wordingEn : q.kind.wordingFr);

/**
 * Step 3: the site's consents, each a fieldset with its wording and "J'accepte / Je refuse",
 * never pre-selected; per family or per student as the kind says. An answer given to an earlier
 * wording shows nothing selected and says the text changed. One button saves the answers changed
 * (a mutation each, naming the wording version shown). Fires `reenrolment-saved`.
 */
@customElement('po-consents-form')
export class PoConsentsForm extends LitElement {
  static override styles = [
    pageStyles,
    css`
      fieldset {
        margin-block: 1em;
      }
      .subject {
        display: block;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) questions: ConsentQuestion[] = [];

  private readonly form = new FormController<{ typed: Record<string, string>[] }>(this, {
    initial: { typed: [] },
    fields: ['typed'],
    extraPaths: (p) => /^consents\.\d+$/.test(p),
    name: 'consents',
  });

  private keyOf = (q: ConsentQuestion) => q.kind.id + ' ' + (q.student?.id ?? '');

  /** As chosen on the page, else the answer on the device when it is to the current wording, else none. */
  private answerOf(q: ConsentQuestion): Answer | undefined {
    const typed = this.form.values.typed.find((r) => r.key === this.keyOf(q));
    if (typed) return typed.value as Answer;
    if (!q.answer || q.outdated) return undefined;
    return q.answer.given ? 'given' : 'refused';
  }

  private choose(q: ConsentQuestion, value: Answer) {
    const key = this.keyOf(q);
    this.form.set('typed', [...this.form.values.typed.filter((r) => r.key !== key), { key, value }]);
  }

  private subject = (q: ConsentQuestion) => (q.student ? t('reenrolment.consentFor', { name: `${q.student.firstName} ${q.student.lastName}` }) : t('reenrolment.consentFamily'));

  override render() {
    if (!this.questions.length) return html`<p>${t('reenrolment.noConsents')}</p>`;
    const form = this.form;
    return html`
      ${form.renderSummary()}
      <form novalidate @submit=${this.onSubmit}>
        ${this.questions.map((q, i) =>
          choiceGroup<Answer>({
            id: questionId(i),
            name: `consent-${this.keyOf(q).replace(' ', '-')}`,
            legend: html`<span class="subject">${this.subject(q)}</span> ${wording(q)}`,
            value: this.answerOf(q),
            error: form.error(questionId(i)),
            note: q.outdated ? html`<p class="notice warning">${t('reenrolment.consentOutdated')}</p>` : nothing,
            options: [
              { value: 'given', label: t('reenrolment.consentGiven') },
              { value: 'refused', label: t('reenrolment.consentRefused') },
            ],
            onChange: (value) => this.choose(q, value),
          }),
        )}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('reenrolment.saveConsents')}</button>
        </div>
      </form>
      ${formStatus(form)}
    `;
  }

  private async onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const errors: Record<string, string> = {};
    this.questions.forEach((q, i) => {
      if (!this.answerOf(q)) errors[questionId(i)] = t('reenrolment.consentRequired', { code: q.kind.code, subject: this.subject(q) });
    });
    if (Object.keys(errors).length) return this.form.showErrors(errors);
    const sent = await this.form.submit(
      () =>
        saveEach(this.questions, (q) => {
          const given = this.answerOf(q) === 'given';
          if (q.answer && !q.outdated && q.answer.given === given) return null;
          return answerConsent({ consentKindId: q.kind.id, studentId: q.student?.id ?? null, wordingVersion: q.kind.wordingVersion, given });
        }),
      { pending: t('reenrolment.saving') },
    );
    if (!sent.ok) return;
    const { queued, refused } = sent.value;
    // A refusal belongs to its question (a wording changed meanwhile, a consent no longer asked).
    if (refused) return this.form.showErrors({ [questionId(refused.index)]: serverProblem({ error: refused.error }).message });
    this.form.announce(queued ? t('reenrolment.queued') : t('reenrolment.consentsSaved'), { success: true, again: true });
    this.form.reset();
    this.dispatchEvent(new CustomEvent('reenrolment-saved', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-consents-form': PoConsentsForm;
  }
}

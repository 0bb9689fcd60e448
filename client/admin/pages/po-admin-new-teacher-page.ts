import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { newTeacherSchema } from '../../../shared/desk-schemas.ts';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { familyIdentityFields } from '../../../shared/fields/identity-fields.ts';
import type { IdentityValue } from '../../../shared/identity-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import { identityFormStyles } from '../../family/components/identity-form.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { createForm, createFormStatus, focusResult, sendDeskForm } from '../components/desk-create-form.ts';
import { createTeacher } from '../data/desk-accounts.ts';

const { civility, lastName, firstName, email } = familyIdentityFields;
/** Civility, names, e-mail (the family form's, not filled in by the browser) and the disciplines. */
const FIELDS: FieldDescription[] = [
  ...[civility, lastName, firstName, email].map((f) => ({ ...f, autocomplete: 'off' })),
  { name: 'disciplines', labelKey: 'newTeacher.disciplines', hintKey: 'newTeacher.disciplinesHint', autocomplete: 'off' },
];

interface Created {
  teacherId: string;
  accountId: string;
  name: string;
}

/**
 * `/admin/enseignants/nouveau`: the secretariat records a teacher of its site (civility, names,
 * e-mail, disciplines) and their sign-in account in one step: an identifiant is made and the link
 * to choose a password e-mailed. Online only: offline, the summary says so and what was typed
 * stays. Once created, the result takes the focus with links to the teacher's record and the
 * account's welcome letter.
 */
@customElement('po-admin-new-teacher-page')
export class PoAdminNewTeacherPage extends PageElement {
  static override styles = [
    pageStyles,
    identityFormStyles,
    css`
      .result {
        margin-block-end: 1.5rem;
      }
    `,
  ];

  @state() private created: Created | null = null;

  private readonly form = new FormController<Record<string, IdentityValue>>(this, {
    name: 'admin-new-teacher',
    fields: FIELDS.map((f) => f.name),
    initial: Object.fromEntries(FIELDS.map((f) => [f.name, ''])),
  });

  protected pageTitle() {
    return t('newTeacher.title');
  }

  override render() {
    const form = this.form;
    return html`
      <h1>${t('newTeacher.title')}</h1>
      <p><a href="/admin/enseignants">${t('newTeacher.back')}</a></p>
      ${createFormStatus(form)}
      ${this.created ? this.renderCreated(this.created) : nothing}
      ${form.renderSummary()}
      <p>${t('newTeacher.intro')}</p>
      ${createForm(form, { title: t('newTeacher.title'), fields: FIELDS, submit: t('newTeacher.submit'), onSubmit: (e) => void this._onSubmit(e) })}
    `;
  }

  private renderCreated(c: Created) {
    return html`<section class="result" aria-labelledby="result-title">
      <h2 id="result-title" tabindex="-1">${t('newTeacher.resultTitle')}</h2>
      <ul>
        <li><a href="/admin/enseignants/${encodeURIComponent(c.teacherId)}">${t('newTeacher.open', { name: c.name })}</a></li>
        <li><a href="/admin/comptes/${encodeURIComponent(c.accountId)}/lettre">${t('accountActions.letterPage')}<span class="visually-hidden"> — ${c.name}</span></a></li>
      </ul>
    </section>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const input = this.form.validate(newTeacherSchema);
    if (!input) return;
    this.created = null;
    const sent = await sendDeskForm(this.form, () => createTeacher(input));
    if (!sent.ok) return;
    const name = `${input.civility} ${input.firstName} ${input.lastName}`;
    this.created = { teacherId: sent.value.teacherId, accountId: sent.value.accountId, name };
    this.form.reset();
    this.form.announce(t('newTeacher.created', { name, username: sent.value.username, email: input.email.trim().toLowerCase() }), { success: true });
    await focusResult(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-new-teacher-page': PoAdminNewTeacherPage;
  }
}

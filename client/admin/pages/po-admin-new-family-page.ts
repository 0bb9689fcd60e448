import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { newFamilySchema } from '../../../shared/desk-schemas.ts';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import { familyIdentityFields } from '../../../shared/fields/identity-fields.ts';
import type { IdentityValue } from '../../../shared/identity-schemas.ts';
import { PageElement } from '../../components/page-element.ts';
import { identityFormStyles } from '../../family/components/identity-form.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { createForm, createFormStatus, focusResult, sendDeskForm } from '../components/desk-create-form.ts';
import { createFamily } from '../data/desk-accounts.ts';

/** The family form's fields; not the desk's own details, so the browser does not fill them in. */
const FIELDS: FieldDescription[] = [
  ...Object.values(familyIdentityFields).map((f) => ({ ...f, autocomplete: 'off' })),
  { name: 'withAccount', labelKey: 'newFamily.withAccount', type: 'checkbox', hintKey: 'newFamily.withAccountHint' },
];
const INITIAL: Record<string, IdentityValue> = Object.fromEntries(FIELDS.map((f) => [f.name, f.type === 'checkbox' ? false : '']));
INITIAL.withAccount = true;

interface Created {
  familyId: string;
  name: string;
  account: { id: string; username: string } | null;
}

/**
 * `/admin/familles/nouvelle`: the secretariat creates a family directly (the family form's fields
 * and rules), and its sign-in account at once if "Créer aussi son compte" stays checked (an
 * identifiant made, the password link e-mailed). Online only: offline, the summary says so and
 * what was typed stays. Once created, the result takes the focus with links to the family's
 * record and to the account's welcome letter; the form is empty for the next one.
 */
@customElement('po-admin-new-family-page')
export class PoAdminNewFamilyPage extends PageElement {
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
    name: 'admin-new-family',
    fields: FIELDS.map((f) => f.name),
    initial: INITIAL,
  });

  protected pageTitle() {
    return t('newFamily.title');
  }

  override render() {
    const form = this.form;
    return html`
      <h1>${t('newFamily.title')}</h1>
      <p><a href="/admin/familles">${t('newFamily.back')}</a></p>
      ${createFormStatus(form)}
      ${this.created ? this.renderCreated(this.created) : nothing}
      ${form.renderSummary()}
      <p>${t('newFamily.intro')}</p>
      ${createForm(form, { title: t('newFamily.title'), fields: FIELDS, submit: t('newFamily.submit'), onSubmit: (e) => void this._onSubmit(e) })}
    `;
  }

  private renderCreated(c: Created) {
    return html`<section class="result" aria-labelledby="result-title">
      <h2 id="result-title" tabindex="-1">${t('newFamily.resultTitle')}</h2>
      <ul>
        <li><a href="/admin/familles/${encodeURIComponent(c.familyId)}">${t('newFamily.open', { name: c.name })}</a></li>
        ${c.account
          ? html`<li><a href="/admin/comptes/${encodeURIComponent(c.account.id)}/lettre">${t('newFamily.letter', { username: c.account.username })}</a></li>`
          : nothing}
      </ul>
    </section>`;
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const input = this.form.validate(newFamilySchema);
    if (!input) return;
    this.created = null;
    const sent = await sendDeskForm(this.form, () => createFamily(input));
    if (!sent.ok) return;
    const name = `${input.lastName} ${input.firstName}`;
    const { familyId, account } = sent.value;
    this.created = { familyId, name, account };
    this.form.reset();
    this.form.announce(
      account ? t('newFamily.createdWithAccount', { name, username: account.username, email: input.email.trim().toLowerCase() }) : t('newFamily.created', { name }),
      { success: true },
    );
    await focusResult(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-new-family-page': PoAdminNewFamilyPage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { changePasswordSchema, fieldErrors } from '../../shared/auth-schemas.ts';
import { PASSWORD_MIN_LENGTH } from '../../shared/password-policy.ts';
import { api } from '../api/http.ts';
import { session } from '../app/session.ts';
import { errorSummary, focusErrorSummary, requestProblem, textField } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

type Field = 'currentPassword' | 'newPassword' | 'confirmation';
const FIELDS: Field[] = ['currentPassword', 'newPassword', 'confirmation'];
const EMPTY: Record<Field, string> = { currentPassword: '', newPassword: '', confirmation: '' };

/**
 * `/mot-de-passe` (signed in): changes the password. The server closes the account's other
 * sessions and e-mails a confirmation; the three fields are emptied once it is done.
 */
@customElement('po-change-password-page')
export class PoChangePasswordPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      .note {
        margin: 0;
      }
      @media (forced-colors: active) {
      }
    `,
  ];

  @state() private values: Record<Field, string> = { ...EMPTY };
  @state() private errors: Record<string, string> = {};
  @state() private summaryMessage = '';
  @state() private statusMessage = '';
  @state() private done = false;
  @state() private busy = false;

  protected pageTitle() {
    return t('changePassword.title');
  }

  override render() {
    const items = FIELDS.filter((f) => this.errors[f]).map((f) => ({ field: f, message: this.errors[f] }));
    const username = session.value.info?.user.username ?? '';
    return html`
      <h1>${t('changePassword.title')}</h1>
      <p>${t('changePassword.intro')}</p>
      ${errorSummary(items, this.shadowRoot, this.summaryMessage || undefined)}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${username
          ? html`<input type="text" name="username" autocomplete="username" .value=${username} readonly hidden />`
          : nothing}
        ${textField({
          name: 'currentPassword',
          label: t('changePassword.currentPassword'),
          type: 'password',
          value: this.values.currentPassword,
          autocomplete: 'current-password',
          required: true,
          error: this.errors.currentPassword,
          onInput: this._onInput,
        })}
        ${textField({
          name: 'newPassword',
          label: t('changePassword.newPassword'),
          type: 'password',
          value: this.values.newPassword,
          autocomplete: 'new-password',
          hint: t('changePassword.passwordHint', { min: PASSWORD_MIN_LENGTH }),
          required: true,
          error: this.errors.newPassword,
          onInput: this._onInput,
        })}
        ${textField({
          name: 'confirmation',
          label: t('changePassword.confirmation'),
          type: 'password',
          value: this.values.confirmation,
          autocomplete: 'new-password',
          hint: t('changePassword.confirmationHint'),
          required: true,
          error: this.errors.confirmation,
          onInput: this._onInput,
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('changePassword.submit')}</button>
        </div>
      </form>
      <div role="status">
        ${this.statusMessage
          ? html`<p class=${this.done ? 'notice success' : 'note'}>${this.statusMessage}</p>`
          : nothing}
      </div>
    `;
  }

  private readonly _onInput = (name: string, value: string) => {
    this.values = { ...this.values, [name]: value };
  };

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const parsed = changePasswordSchema.safeParse(this.values);
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error), '');
      return;
    }
    this.busy = true;
    this.done = false;
    this.statusMessage = t('changePassword.pending');
    try {
      const answer = await api<{ message: string }>('/api/password/change', { body: parsed.data });
      this.values = { ...EMPTY };
      this.errors = {};
      this.summaryMessage = '';
      this.done = true;
      this.statusMessage = answer.message;
    } catch (error) {
      const problem = requestProblem(error, 'change-password');
      this.showErrors(problem.fields, problem.message);
    } finally {
      this.busy = false;
    }
  }

  private showErrors(errors: Record<string, string>, message: string) {
    this.errors = errors;
    this.done = false;
    this.statusMessage = '';
    const unplaced = Object.keys(errors).filter((k) => !FIELDS.includes(k as Field)).map((k) => errors[k]);
    this.summaryMessage = [message, ...unplaced].filter(Boolean).join(' ');
    void focusErrorSummary(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-change-password-page': PoChangePasswordPage;
  }
}

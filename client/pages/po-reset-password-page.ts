import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { fieldErrors, resetPasswordSchema } from '../../shared/auth-schemas.ts';
import { PASSWORD_MIN_LENGTH } from '../../shared/password-policy.ts';
import { api, HttpError } from '../api/http.ts';
import { errorSummary, focusErrorSummary, requestProblem, textField } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

type Field = 'newPassword' | 'confirmation';
const FIELDS: Field[] = ['newPassword', 'confirmation'];

/**
 * `/mot-de-passe-perdu/nouveau?jeton=…`: the page the reset e-mail links to. The token is single
 * use and valid one hour; once it has served (or expired) the page offers to ask for a new link.
 */
@customElement('po-reset-password-page')
export class PoResetPasswordPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      .note {
        margin: 0;
      }
      .notice a {
        display: inline-block;
        padding-block: 0.5em;
      }
      @media (forced-colors: active) {
      }
    `,
  ];

  @state() private values: Record<Field, string> = { newPassword: '', confirmation: '' };
  @state() private errors: Record<string, string> = {};
  @state() private summaryMessage = '';
  /** The link can no longer be used: offer to ask for a new one. */
  @state() private tokenRefused = false;
  @state() private statusMessage = '';
  @state() private done = false;
  @state() private busy = false;

  private token = '';

  protected pageTitle() {
    return t('resetPassword.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    this.token = new URLSearchParams(location.search).get('jeton')?.trim() ?? '';
  }

  override render() {
    return html`
      <h1>${t('resetPassword.title')}</h1>
      ${this.token ? this.renderForm() : this.renderMissingToken()}
      <div role="status">
        ${this.statusMessage
          ? html`<div class=${this.done ? 'notice success' : ''}>
              <p class="note">${this.statusMessage}</p>
              ${this.done ? html`<p class="note"><a href="/connexion" id="sign-in-link">${t('resetPassword.signIn')}</a></p>` : nothing}
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderMissingToken() {
    return html`<div class="notice error">
      <p>${t('resetPassword.missingToken')}</p>
      <p class="note"><a href="/mot-de-passe-perdu">${t('resetPassword.requestNewLink')}</a></p>
    </div>`;
  }

  private renderForm() {
    if (this.done) return nothing;
    const items = FIELDS.filter((f) => this.errors[f]).map((f) => ({ field: f, message: this.errors[f] }));
    return html`
      <p>${t('resetPassword.intro')}</p>
      ${errorSummary(items, this.shadowRoot, this.summaryMessage || undefined)}
      ${this.tokenRefused
        ? html`<p><a href="/mot-de-passe-perdu">${t('resetPassword.requestNewLink')}</a></p>`
        : nothing}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${textField({
          name: 'newPassword',
          label: t('resetPassword.newPassword'),
          type: 'password',
          value: this.values.newPassword,
          autocomplete: 'new-password',
          hint: t('resetPassword.passwordHint', { min: PASSWORD_MIN_LENGTH }),
          required: true,
          error: this.errors.newPassword,
          onInput: this._onInput,
        })}
        ${textField({
          name: 'confirmation',
          label: t('resetPassword.confirmation'),
          type: 'password',
          value: this.values.confirmation,
          autocomplete: 'new-password',
          hint: t('resetPassword.confirmationHint'),
          required: true,
          error: this.errors.confirmation,
          onInput: this._onInput,
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('resetPassword.submit')}</button>
        </div>
      </form>
    `;
  }

  private readonly _onInput = (name: string, value: string) => {
    this.values = { ...this.values, [name]: value };
  };

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const parsed = resetPasswordSchema.safeParse({ token: this.token, ...this.values });
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error), '');
      return;
    }
    this.busy = true;
    this.statusMessage = t('resetPassword.pending');
    try {
      const answer = await api<{ message: string }>('/api/password/reset', { body: parsed.data });
      this.errors = {};
      this.summaryMessage = '';
      this.tokenRefused = false;
      this.done = true;
      this.statusMessage = answer.message;
      // The form is gone (the link has served): focus goes to what comes next.
      await this.updateComplete;
      this.shadowRoot?.getElementById('sign-in-link')?.focus();
    } catch (error) {
      this.statusMessage = '';
      if (error instanceof HttpError) {
        const fields = error.body.error.fields ?? {};
        this.tokenRefused = error.body.error.code === 'invalid_token' || 'token' in fields;
        // The token's message is the summary's own; the other fields show next to their input.
        const { token: _token, ...rest } = fields;
        this.showErrors(rest, error.body.error.message);
      } else {
        const problem = requestProblem(error, 'reset-password');
        this.showErrors(problem.fields, problem.message);
      }
    } finally {
      this.busy = false;
    }
  }

  private showErrors(errors: Record<string, string>, message: string) {
    this.errors = errors;
    const unplaced = Object.keys(errors).filter((k) => !FIELDS.includes(k as Field)).map((k) => errors[k]);
    this.summaryMessage = [message, ...unplaced].filter(Boolean).join(' ');
    void focusErrorSummary(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-reset-password-page': PoResetPasswordPage;
  }
}

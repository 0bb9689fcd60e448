import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { resetPasswordSchema } from '../../../shared/auth-schemas.ts';
import { resetPasswordFields } from '../../../shared/fields/auth-fields.ts';
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-policy.ts';
import { PageElement } from '../../components/page-element.ts';
import { resetPassword } from '../data/auth-commands.ts';
import { HttpError } from '../../data/command-errors.ts';
import { FormController, serverProblem } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

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
    `,
  ];

  private readonly form = new FormController(this, {
    name: 'reset-password',
    fields: ['newPassword', 'confirmation'],
    initial: { newPassword: '', confirmation: '' },
  });
  /** The link can no longer be used: offer to ask for a new one. */
  @state() private tokenRefused = false;

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
        ${this.form.announcement
          ? html`<div class=${this.form.succeeded ? 'notice success' : ''}>
              <p class="note">${this.form.announcement}</p>
              ${this.form.succeeded ? html`<p class="note"><a href="/connexion" id="sign-in-link">${t('resetPassword.signIn')}</a></p>` : nothing}
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
    const form = this.form;
    if (form.succeeded) return nothing;
    return html`
      <p>${t('resetPassword.intro')}</p>
      ${form.renderSummary()}
      ${this.tokenRefused
        ? html`<p><a href="/mot-de-passe-perdu">${t('resetPassword.requestNewLink')}</a></p>`
        : nothing}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${form.textField(resetPasswordFields.newPassword, { hint: t('resetPassword.passwordHint', { min: PASSWORD_MIN_LENGTH }) })}
        ${form.textField(resetPasswordFields.confirmation, { hint: t('resetPassword.confirmationHint') })}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('resetPassword.submit')}</button>
        </div>
      </form>
    `;
  }

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.form.busy) return;
    const data = this.form.validate(resetPasswordSchema, { token: this.token, ...this.form.values });
    if (!data) return;
    const reset = await this.form.submit(() => resetPassword(data), {
      pending: t('resetPassword.pending'),
      problem: (error) => {
        if (!(error instanceof HttpError)) return undefined;
        const { fields, message } = serverProblem(error.body);
        this.tokenRefused = error.body.error.code === 'invalid_token' || 'token' in fields;
        // The token's message is the summary's own; the other fields show next to their input.
        const { token: _token, ...rest } = fields;
        return { fields: rest, message };
      },
    });
    if (!reset.ok) return;
    this.tokenRefused = false;
    this.form.announce(reset.value.message, { success: true });
    // The form is gone (the link has served): focus goes to what comes next.
    await this.updateComplete;
    this.shadowRoot?.getElementById('sign-in-link')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-reset-password-page': PoResetPasswordPage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { changePasswordSchema } from '../../../shared/auth-schemas.ts';
import { changePasswordFields } from '../../../shared/fields/auth-fields.ts';
import { PASSWORD_MIN_LENGTH } from '../../../shared/password-policy.ts';
import { session } from '../../app/session.ts';
import { PageElement } from '../../components/page-element.ts';
import { changePassword } from '../data/auth-commands.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

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
    `,
  ];

  private readonly form = new FormController(this, {
    name: 'change-password',
    fields: ['currentPassword', 'newPassword', 'confirmation'],
    initial: { currentPassword: '', newPassword: '', confirmation: '' },
  });

  protected pageTitle() {
    return t('changePassword.title');
  }

  override render() {
    const form = this.form;
    const username = session.value.info?.user.username ?? '';
    return html`
      <h1>${t('changePassword.title')}</h1>
      <p>${t('changePassword.intro')}</p>
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${username
          ? html`<input type="text" name="username" autocomplete="username" .value=${username} readonly hidden />`
          : nothing}
        ${form.textField(changePasswordFields.currentPassword)}
        ${form.textField(changePasswordFields.newPassword, { hint: t('changePassword.passwordHint', { min: PASSWORD_MIN_LENGTH }) })}
        ${form.textField(changePasswordFields.confirmation, { hint: t('changePassword.confirmationHint') })}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('changePassword.submit')}</button>
        </div>
      </form>
      <div role="status">
        ${form.announcement
          ? html`<p class=${form.succeeded ? 'notice success' : 'note'}>${form.announcement}</p>`
          : nothing}
      </div>
    `;
  }

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.form.busy) return;
    const data = this.form.validate(changePasswordSchema);
    if (!data) return;
    const changed = await this.form.submit(() => changePassword(data), {
      pending: t('changePassword.pending'),
    });
    if (!changed.ok) return;
    this.form.reset();
    this.form.announce(changed.value.message, { success: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-change-password-page': PoChangePasswordPage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { lostPasswordSchema } from '../../../shared/auth-schemas.ts';
import { lostPasswordFields } from '../../../shared/fields/auth-fields.ts';
import { PageElement } from '../../components/page-element.ts';
import { requestPasswordLink } from '../data/auth-commands.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { defaultSiteId, siteField, SiteOptionsController, sitesProblem } from './site-options.ts';

/**
 * `/mot-de-passe-perdu`: asks for a reset link, valid one hour, sent by e-mail (the old extranet
 * e-mailed a password; Portée never does). The answer is the same whether an account matched or not.
 */
@customElement('po-lost-password-page')
export class PoLostPasswordPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      .note {
        margin: 0;
      }
      .back a {
        display: inline-block;
        padding-block: 0.5em;
      }
    `,
  ];

  private readonly form = new FormController(this, {
    name: 'lost-password',
    fields: ['siteId', 'username', 'email'],
    initial: { siteId: '', username: '', email: '' },
  });
  private readonly sites = new SiteOptionsController(this);

  protected pageTitle() {
    return t('lostPassword.title');
  }

  override willUpdate() {
    const sites = this.sites.sites;
    if (sites.length && !sites.some((s) => s.id === this.form.values.siteId)) {
      this.form.patch({ siteId: defaultSiteId(sites) });
    }
  }

  override render() {
    const form = this.form;
    return html`
      <h1>${t('lostPassword.title')}</h1>
      <p>${t('lostPassword.intro')}</p>
      <p>${t('lostPassword.noPasswordByMail')}</p>
      ${sitesProblem(this.sites)}
      ${form.renderSummary()}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${siteField({
          sites: this.sites.sites,
          loading: this.sites.loading,
          value: form.values.siteId,
          error: form.error('siteId'),
          onChange: (value) => form.set('siteId', value),
        })}
        ${form.textField(lostPasswordFields.username)} ${form.textField(lostPasswordFields.email)}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('lostPassword.submit')}</button>
        </div>
      </form>
      <div role="status">
        ${form.announcement
          ? html`<p class=${form.succeeded ? 'notice success' : 'note'}>${form.announcement}</p>`
          : nothing}
      </div>
      <p class="back"><a href="/connexion">${t('lostPassword.backToSignIn')}</a></p>
    `;
  }

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.form.busy) return;
    const data = this.form.validate(lostPasswordSchema);
    if (!data) return;
    const sent = await this.form.submit(() => requestPasswordLink(data), {
      pending: t('lostPassword.pending'),
    });
    // The form keeps what was typed: a typo can be fixed and sent again.
    if (sent.ok) this.form.announce(sent.value.message, { success: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-lost-password-page': PoLostPasswordPage;
  }
}

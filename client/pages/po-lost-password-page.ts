import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { fieldErrors, lostPasswordSchema } from '../../shared/auth-schemas.ts';
import { api } from '../api/http.ts';
import { errorSummary, focusErrorSummary, requestProblem, textField } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { defaultSiteId, siteField, SiteOptionsController, sitesProblem } from './site-options.ts';

type Field = 'siteId' | 'username' | 'email';
const FIELDS: Field[] = ['siteId', 'username', 'email'];

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
      @media (forced-colors: active) {
      }
    `,
  ];

  @state() private values: Record<Field, string> = { siteId: '', username: '', email: '' };
  @state() private errors: Record<string, string> = {};
  @state() private summaryMessage = '';
  @state() private statusMessage = '';
  @state() private sent = false;
  @state() private busy = false;

  private readonly sites = new SiteOptionsController(this);

  protected pageTitle() {
    return t('lostPassword.title');
  }

  override willUpdate() {
    const sites = this.sites.sites;
    if (sites.length && !sites.some((s) => s.id === this.values.siteId)) {
      this.values = { ...this.values, siteId: defaultSiteId(sites) };
    }
  }

  override render() {
    const items = FIELDS.filter((f) => this.errors[f]).map((f) => ({ field: f, message: this.errors[f] }));
    return html`
      <h1>${t('lostPassword.title')}</h1>
      <p>${t('lostPassword.intro')}</p>
      <p>${t('lostPassword.noPasswordByMail')}</p>
      ${sitesProblem(this.sites)}
      ${errorSummary(items, this.shadowRoot, this.summaryMessage || undefined)}
      <form novalidate @submit=${this._onSubmit}>
        <p class="note">${t('signIn.requiredNote')}</p>
        ${siteField({
          sites: this.sites.sites,
          loading: this.sites.loading,
          value: this.values.siteId,
          error: this.errors.siteId,
          onChange: (value) => this._onInput('siteId', value),
        })}
        ${textField({
          name: 'username',
          label: t('signIn.username'),
          value: this.values.username,
          autocomplete: 'username',
          required: true,
          error: this.errors.username,
          onInput: this._onInput,
        })}
        ${textField({
          name: 'email',
          label: t('lostPassword.email'),
          type: 'email',
          value: this.values.email,
          autocomplete: 'email',
          required: true,
          error: this.errors.email,
          onInput: this._onInput,
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('lostPassword.submit')}</button>
        </div>
      </form>
      <div role="status">
        ${this.statusMessage
          ? html`<p class=${this.sent ? 'notice success' : 'note'}>${this.statusMessage}</p>`
          : nothing}
      </div>
      <p class="back"><a href="/connexion">${t('lostPassword.backToSignIn')}</a></p>
    `;
  }

  private readonly _onInput = (name: string, value: string) => {
    this.values = { ...this.values, [name]: value };
  };

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const parsed = lostPasswordSchema.safeParse(this.values);
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error), '');
      return;
    }
    this.busy = true;
    this.sent = false;
    this.statusMessage = t('lostPassword.pending');
    try {
      const answer = await api<{ message: string }>('/api/password/lost', { body: parsed.data });
      // The form keeps what was typed: a typo can be fixed and sent again.
      this.errors = {};
      this.summaryMessage = '';
      this.sent = true;
      this.statusMessage = answer.message;
    } catch (error) {
      this.statusMessage = '';
      const problem = requestProblem(error, 'lost-password');
      this.showErrors(problem.fields, problem.message);
    } finally {
      this.busy = false;
    }
  }

  private showErrors(errors: Record<string, string>, message: string) {
    this.errors = errors;
    this.sent = false;
    this.statusMessage = '';
    const unplaced = Object.keys(errors).filter((k) => !FIELDS.includes(k as Field)).map((k) => errors[k]);
    this.summaryMessage = [message, ...unplaced].filter(Boolean).join(' ');
    void focusErrorSummary(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-lost-password-page': PoLostPasswordPage;
  }
}

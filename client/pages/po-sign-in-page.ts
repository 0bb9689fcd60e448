import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { HOME_OF_ROLE } from '../../shared/session.ts';
import { HttpError } from '../api/http.ts';
import { navigate } from '../app/navigate.ts';
import { expiredAccount, session, signIn } from '../app/session.ts';
import { StoreController } from '../state/store.ts';
import { errorSummary, focusErrorSummary, requestProblem, textField } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { defaultSiteId, siteField, SiteOptionsController, sitesProblem } from './site-options.ts';

type Field = 'siteId' | 'username' | 'password';
const FIELDS: Field[] = ['siteId', 'username', 'password'];

/**
 * Where to go after signing in: the `?retour=` path when it stays on this site (a path starting
 * with one "/"), never another origin (open-redirect guard). A return to the sign-in page itself
 * is unwrapped to the page it was sending back to.
 */
function safeReturnPath(search: string): string | null {
  let value = new URLSearchParams(search).get('retour');
  for (let depth = 0; depth < 5 && value; depth++) {
    if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
    let url: URL;
    try {
      url = new URL(value, location.origin);
    } catch {
      return null;
    }
    if (url.origin !== location.origin) return null;
    if (url.pathname !== '/connexion') return url.pathname + url.search + url.hash;
    value = url.searchParams.get('retour');
  }
  return null;
}

/**
 * `/connexion`: site, identifiant and password. Wrong credentials give one generic error (nothing
 * tells whether the identifiant exists); when the session of this device expired, a notice says
 * what signing in again with the same, or another, account does to the data kept here.
 */
@customElement('po-sign-in-page')
export class PoSignInPage extends PageElement {
  static override styles = [
    pageStyles,
    css`
      .links {
        list-style: none;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
      }
      .links a {
        display: inline-block;
        padding-block: 0.5em;
      }
      .note {
        margin: 0;
      }
      @media (forced-colors: active) {
      }
    `,
  ];

  @state() private values: Record<Field, string> = { siteId: '', username: '', password: '' };
  @state() private errors: Record<string, string> = {};
  @state() private summaryMessage = '';
  @state() private statusMessage = '';
  @state() private busy = false;

  private readonly sites = new SiteOptionsController(this);
  private readonly sessionState = new StoreController(this, session);

  protected pageTitle() {
    return t('signIn.title');
  }

  override connectedCallback() {
    super.connectedCallback();
    const { phase, info } = session.value;
    if (phase === 'signed-in' && info) {
      // Not during the router's render: once it is done.
      queueMicrotask(() => navigate(HOME_OF_ROLE[info.user.role], { replace: true }));
      return;
    }
    const expired = expiredAccount();
    if (expired && !this.values.username) {
      this.values = { ...this.values, siteId: expired.user.siteId, username: expired.user.username };
    }
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
      <h1>${t('signIn.title')}</h1>
      ${this.renderExpiredNotice()}
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
          name: 'password',
          label: t('signIn.password'),
          type: 'password',
          value: this.values.password,
          autocomplete: 'current-password',
          required: true,
          error: this.errors.password,
          onInput: this._onInput,
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('signIn.submit')}</button>
        </div>
        <p role="status" class="note">${this.statusMessage}</p>
      </form>
      <ul class="links">
        <li><a href="/mot-de-passe-perdu">${t('signIn.lostPassword')}</a></li>
        <li><a href="/accessibilite">${t('signIn.accessibility')}</a></li>
      </ul>
    `;
  }

  private renderExpiredNotice() {
    const expired = this.sessionState.value.phase === 'expired' ? expiredAccount() : null;
    if (!expired) return nothing;
    return html`<div class="notice warning">
      <p><strong>${this.sessionState.value.reason || t('signIn.expiredDefault')}</strong></p>
      <p>${t('signIn.expiredSameAccount')}</p>
      <p>${t('signIn.expiredOtherAccount', { username: expired.user.username })}</p>
    </div>`;
  }

  private readonly _onInput = (name: string, value: string) => {
    this.values = { ...this.values, [name]: value };
  };

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    // The validation library is loaded on the first submit, not with the page: the sign-in page
    // is the first thing a phone on a slow connection downloads.
    const { fieldErrors, signInSchema } = await import('../../shared/auth-schemas.ts');
    const parsed = signInSchema.safeParse(this.values);
    if (!parsed.success) {
      this.showErrors(fieldErrors(parsed.error), '');
      return;
    }
    this.busy = true;
    this.statusMessage = t('signIn.pending');
    try {
      const info = await signIn(parsed.data);
      this.statusMessage = '';
      navigate(safeReturnPath(location.search) || HOME_OF_ROLE[info.user.role], { replace: true });
    } catch (error) {
      this.statusMessage = '';
      if (error instanceof HttpError && error.status === 401) {
        // One generic answer; the identifiant stays, the password is typed again.
        this.values = { ...this.values, password: '' };
        this.showErrors({}, error.body.error.message);
      } else {
        const problem = requestProblem(error, 'sign-in');
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
    'po-sign-in-page': PoSignInPage;
  }
}

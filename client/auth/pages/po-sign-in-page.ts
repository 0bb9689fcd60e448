import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { signInFields } from '../../../shared/fields/auth-fields.ts';
import { HOME_OF_ROLE } from '../../../shared/session.ts';
import { navigate } from '../../app/navigate.ts';
import { expiredAccount, session, signIn } from '../../app/session.ts';
import { HttpError } from '../../data/command-errors.ts';
import { StoreController } from '../../state/store.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController } from '../../forms/form-controller.ts';
import { t } from '../../i18n/i18n.ts';
import { warmFormatters } from '../../i18n/warm-formatters.ts';
import { loadAreaMessages } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { defaultSiteId, siteField, SiteOptionsController, sitesProblem } from './site-options.ts';

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
    `,
  ];

  private readonly form = new FormController(this, {
    name: 'sign-in',
    fields: ['siteId', 'username', 'password'],
    initial: { siteId: '', username: '', password: '' },
  });
  private readonly sites = new SiteOptionsController(this);
  private readonly sessionState = new StoreController(this, session);
  /** The first submit is downloading the schema and the messages. */
  private preparing = false;

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
    if (expired && !this.form.values.username) {
      this.form.patch({ siteId: expired.user.siteId, username: expired.user.username });
    }
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
      <h1>${t('signIn.title')}</h1>
      ${this.renderExpiredNotice()}
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
        ${form.textField(signInFields.username)} ${form.textField(signInFields.password)}
        <div class="actions">
          <button type="submit" aria-disabled=${form.busy ? 'true' : 'false'}>${t('signIn.submit')}</button>
        </div>
        <p role="status" class="note">${form.announcement}</p>
      </form>
      <ul class="links">
        <li><a href="/mot-de-passe-perdu">${t('signIn.lostPassword')}</a></li>
        <li><a href="/preinscription">${t('signIn.preregistration')}</a></li>
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

  private async _onSubmit(e: SubmitEvent) {
    e.preventDefault();
    if (this.form.busy || this.preparing) return;
    // The validation library and the form errors' messages are loaded on the first submit, not
    // with the page: the sign-in page is the first thing a phone on a slow connection downloads.
    // Meanwhile a second Enter does nothing; a failed download says the network is needed.
    this.preparing = true;
    let schemas: typeof import('../../../shared/auth-schemas.ts');
    try {
      [schemas] = await Promise.all([import('../../../shared/auth-schemas.ts'), loadAreaMessages(['validation'])]);
    } catch {
      this.form.showErrors({}, t('common.offlineAction'));
      return;
    } finally {
      this.preparing = false;
    }
    const data = this.form.validate(schemas.signInSchema);
    if (!data) return;
    const signedIn = await this.form.submit(() => {
      const answer = signIn(data);
      // While the answer travels: the first screen after it formats dates and money, and ICU's
      // data loads in a worker meanwhile.
      warmFormatters();
      return answer;
    }, {
      pending: t('signIn.pending'),
      problem: (error) => {
        if (!(error instanceof HttpError && error.status === 401)) return undefined;
        // One generic answer; the identifiant stays, the password is typed again.
        this.form.patch({ password: '' });
        return { fields: {}, message: error.body.error.message };
      },
    });
    if (!signedIn.ok) return;
    this.form.announce('');
    navigate(safeReturnPath(location.search) || HOME_OF_ROLE[signedIn.value.user.role], { replace: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-sign-in-page': PoSignInPage;
  }
}

import { Router } from '@lit-labs/router';
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { HOME_OF_ROLE } from '../../shared/session.ts';
import '../components/po-update-banner.ts';
import type { PoSignOutDialog } from '../components/po-sign-out-dialog.ts';
import type { PageElement } from '../components/page-element.ts';
import { syncStatus } from '../data/sync-status.ts';
import { t } from '../i18n/i18n.ts';
import { loadAreaMessages } from '../i18n/messages-fr.ts';
import './pages/po-message-page.ts';
import './po-app-shell.ts';
import { PUBLIC_ROUTES, type AppRoute } from './routes.ts';
import { endIdleSession, extendSession, session, signOut } from './session.ts';
import { StoreController } from '../state/store.ts';
import { navigate } from './navigate.ts';

/**
 * The root: one Router, the shell around the current page, the idle-timeout warning and the
 * sign-out confirmation. Access to a screen is decided here from the session; the server makes
 * the same decision for the data, which is what actually protects it.
 */
@customElement('po-app')
export class PoApp extends LitElement {
  /**
   * Light DOM: the page and its "#main" wrapper live in the document, so the skip link's target
   * is found by anything that follows the link, and the shell's slot shows them.
   */
  protected override createRenderRoot() {
    return this;
  }

  @state() private path = location.pathname;
  @query('po-sign-out-dialog') private signOutDialog!: PoSignOutDialog;

  private readonly session = new StoreController(this, session);
  /** While signing out, the guard leaves the redirect to the sign-out itself (no "retour"). */
  private signingOut = false;
  /** The page element last shown: focus moves when a different one replaces it. */
  private shownPage: Element | null = null;

  private readonly router = new Router(this, [{ path: '/', render: () => this.redirect(this.homePath()) }, ...PUBLIC_ROUTES.map((route) => this.routeConfig(route))], {
    fallback: {
      // A URL that is not public: the signed-in screens' table loads once, then the router tries
      // again. Only a URL neither table knows is "not found".
      enter: async () => {
        if (this.signedInRoutes === 'added') return true;
        const path = location.pathname;
        this.signedInRoutes ??= import('./signed-in-routes.ts').then(
          ({ SIGNED_IN_ROUTES }) => {
            this.router.routes.push(...SIGNED_IN_ROUTES.map((route) => this.routeConfig(route)));
            this.signedInRoutes = 'added';
          },
          (error: unknown) => {
            // Not downloaded (offline before the service worker had it): asked for again next
            // time, though browsers may remember the failure until the page reloads, which the
            // "Page non chargée" page offers.
            this.signedInRoutes = undefined;
            throw error;
          },
        );
        try {
          await this.signedInRoutes;
        } catch {
          this.loadFailed = this.path = path;
          return true;
        }
        // Unless the person went elsewhere meanwhile (that navigation draws its own page).
        if (location.pathname === path) await this.router.goto(path);
        return false;
      },
      render: () =>
        this.loadFailed === location.pathname
          ? this.loadFailedPage()
          : html`<po-message-page heading=${t('page.notFound')} text=${t('page.notFoundText')}></po-message-page>`,
    },
  });
  /**
   * The address whose page (or the signed-in screens' table) could not be downloaded: a first
   * visit whose connection dropped, before the service worker had kept the app. Its page says so
   * and offers to try again, rather than the previous page staying or "Chargement…" for good.
   */
  private loadFailed: string | null = null;
  private signedInRoutes?: Promise<void> | 'added';

  constructor() {
    super();
    navigate.router = (path) => this.router.goto(path);
  }

  override connectedCallback() {
    super.connectedCallback();
    // The HTML painted a first screen (client/index.html): the app stays hidden behind it until
    // its own first page has rendered, then takes its place in one frame.
    if (document.getElementById('boot')) this.hidden = true;
  }

  override render() {
    const { phase, info } = this.session.value;
    return html`
      <po-update-banner></po-update-banner>
      <po-app-shell .info=${phase === 'signed-in' ? info : null} .path=${this.path} @po-sign-out-request=${this._onSignOutRequest}>
        <div id="main" tabindex="-1">${phase === 'loading' ? html`<p role="status">${t('common.loading')}</p>` : this.router.outlet()}</div>
      </po-app-shell>
      ${phase === 'signed-in' && info
        ? html`<po-idle-warning
            timeout-seconds=${info.idleTimeoutSeconds}
            warning-seconds=${info.idleWarningSeconds}
            @po-extend-session=${this._onExtend}
            @po-idle-timeout=${this._onIdleTimeout}
            @po-sign-out=${() => void this.doSignOut()}
          ></po-idle-warning>`
        : ''}
      <po-sign-out-dialog @po-confirm-sign-out=${() => void this.doSignOut()}></po-sign-out-dialog>
    `;
  }

  override updated() {
    // After a navigation (not the first page shown), focus goes to the new page's h1. Compared by
    // element, not by URL: the router switches pages after the URL changes, and a page that stays
    // for another URL (a tab, the next record) keeps the focus where the person put it.
    const page = this.querySelector('#main')?.firstElementChild ?? null;
    if (!page || page === this.shownPage || !('focusHeading' in page)) return;
    const first = this.shownPage === null;
    this.shownPage = page;
    if (first) void this.replaceBootScreen(page as PageElement);
    else void (page as PageElement).focusHeading();
  }

  private async replaceBootScreen(page: PageElement) {
    const shell = this.querySelector('po-app-shell');
    await Promise.all([page.updateComplete, shell?.updateComplete]);
    document.getElementById('boot')?.remove();
    this.hidden = false;
  }

  private routeConfig(route: AppRoute) {
    return {
      path: route.path,
      enter: async () => {
        const path = location.pathname;
        // The page's module and its words load together: no key shows raw on its first render.
        try {
          // A screen behind sign-in shows the shell's signed-in parts (menu, status): they are
          // there before it renders (the shell asked for them already; some desk pages need
          // nothing else of the signed-in code).
          await Promise.all([route.load(), loadAreaMessages(route.messages), route.access === 'public' ? null : import('./signed-in-entry.ts')]);
          this.loadFailed = null;
        } catch {
          this.loadFailed = path;
        }
        this.path = path;
        return true;
      },
      render: (params: Record<string, string | undefined>) => this.guard(route, params),
    };
  }

  private homePath() {
    const { phase, info } = this.session.value;
    return phase === 'signed-in' && info ? HOME_OF_ROLE[info.user.role] : '/connexion';
  }

  private guard(route: AppRoute, params: Record<string, string | undefined>) {
    if (route.access === 'public') return this.page(route, params);
    const { phase, info } = this.session.value;
    if (phase !== 'signed-in' || !info) {
      // The guard may run again before the router has switched pages: never wrap a "retour" twice.
      if (location.pathname === '/connexion' || this.signingOut) return html``;
      const back = location.pathname + location.search;
      return this.redirect(`/connexion?retour=${encodeURIComponent(back)}`);
    }
    if (route.access.length && !route.access.includes(info.user.role)) {
      return html`<po-message-page heading=${t('page.forbidden')} text=${t('page.forbiddenText')} href=${HOME_OF_ROLE[info.user.role]}></po-message-page>`;
    }
    return this.page(route, params);
  }

  /** The route's page, or what says it could not be downloaded. */
  private page(route: AppRoute, params: Record<string, string | undefined>) {
    return this.loadFailed === location.pathname ? this.loadFailedPage() : route.render(params);
  }

  private loadFailedPage() {
    return html`<po-message-page heading=${t('page.loadFailed')} text=${t('page.loadFailedText')} reload></po-message-page>`;
  }

  private redirect(to: string) {
    queueMicrotask(() => navigate(to, { replace: true }));
    return html``;
  }

  private async _onSignOutRequest() {
    if (syncStatus.value.pending > 0) this.signOutDialog.open(syncStatus.value.pending);
    else await this.doSignOut();
  }

  private async doSignOut() {
    this.signingOut = true;
    try {
      await signOut();
      navigate('/connexion', { replace: true });
    } finally {
      this.signingOut = false;
    }
  }

  private async _onExtend() {
    try {
      await extendSession();
    } catch {
      // Offline: the local timer was reset; the server session extends at the next request.
    }
  }

  private async _onIdleTimeout() {
    await endIdleSession(t('idle.expired'));
    navigate('/connexion', { replace: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-app': PoApp;
  }
}

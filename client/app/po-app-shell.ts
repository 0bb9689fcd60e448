import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/session.ts';
import '../components/po-a11y-toggle.ts';
import '../components/po-language-select.ts';
import '../components/po-status-region.ts';
import { db } from '../data/db.ts';
import { LiveQueryController } from '../data/live-query-controller.ts';
import { t } from '../i18n/i18n.ts';

/**
 * The frame of every screen: skip link, header (name, status region, accessibility toggle,
 * language) and, once signed in, the main menu for the role. The page goes in the default slot.
 *
 * @slot - the current page, inside an element with id "main" (the skip link's target)
 * @fires po-sign-out-request - "Quitter" was chosen
 */
@customElement('po-app-shell')
export class PoAppShell extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-block-size: 100vh;
      background: var(--po-color-bg);
      color: var(--po-color-text);
    }
    .skip {
      position: absolute;
      inset-inline-start: 0.5rem;
      inset-block-start: -10rem;
      z-index: 10;
      padding: 0.75em 1em;
      background: var(--po-color-bg);
      color: var(--po-color-link);
      border: 3px solid var(--po-color-focus);
      font-weight: 700;
    }
    .skip:focus {
      inset-block-start: 0.5rem;
    }
    header {
      background: var(--po-color-header-bg);
      color: var(--po-color-header-text);
      padding: 0.75rem 1rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
      max-inline-size: 72rem;
      margin-inline: auto;
    }
    .brand {
      font-size: 1.4em;
      font-weight: 700;
      margin: 0;
    }
    .who {
      margin: 0;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    nav {
      background: var(--po-color-surface);
      border-block-end: 1px solid var(--po-color-border);
    }
    nav > ul {
      list-style: none;
      margin: 0 auto;
      padding: 0.25rem 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      max-inline-size: 72rem;
    }
    nav ul ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      padding: 0;
      margin: 0;
    }
    .group {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .group-label {
      font-weight: 700;
      padding-inline-start: 0.5em;
    }
    nav a, nav button {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--po-target-size);
      padding: 0 0.75em;
      color: var(--po-color-link);
      text-decoration: var(--po-link-decoration);
      font: inherit;
      letter-spacing: inherit;
      word-spacing: inherit;
      border-radius: var(--po-radius);
    }
    nav button {
      background: none;
      border: 0;
      cursor: pointer;
      text-decoration: underline;
    }
    nav a[aria-current='page'] {
      font-weight: 700;
      text-decoration: underline;
      text-decoration-thickness: 0.2em;
      background: var(--po-color-bg);
      outline: 1px solid var(--po-color-border);
    }
    a:focus-visible, button:focus-visible {
      outline: var(--po-focus-width) solid var(--po-color-focus);
      outline-offset: 2px;
    }
    header a:focus-visible {
      outline-color: currentColor;
    }
    main {
      flex: 1;
      inline-size: 100%;
      max-inline-size: 72rem;
      margin-inline: auto;
      padding: 1.5rem 1rem 3rem;
      box-sizing: border-box;
    }
    main:focus {
      outline: none;
    }
    footer {
      border-block-start: 1px solid var(--po-color-border);
      padding: 1rem;
      text-align: center;
      font-size: 0.9em;
    }
    footer a {
      color: var(--po-color-link);
    }
    @media (forced-colors: active) {
      header, nav {
        border-block-end: 1px solid CanvasText;
      }
      nav a[aria-current='page'] {
        outline: 2px solid Highlight;
      }
      .skip:focus, a:focus-visible, button:focus-visible {
        outline-color: Highlight;
      }
    }
  `;

  /** The signed-in session (name, role: decides the menu), or null when nobody is signed in. */
  @property({ attribute: false }) info: SessionInfo | null = null;
  /** The current path, to mark the menu entry of the page shown. */
  @property() path = '/';

  private readonly students = new LiveQueryController(this, async () =>
    (await db.students.toArray()).sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName)),
  );
  private readonly families = new LiveQueryController(this, () => db.families.toArray());

  override render() {
    const info = this.info;
    const family = this.families.value?.[0];
    const who = family ? `${family.civility} ${family.firstName} ${family.lastName}`.trim() : info?.user.name;
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>${t('shell.skip')}</a>
      <header>
        <div class="bar">
          <p class="brand">${t('app.name')}</p>
          ${info ? html`<p class="who">${t('shell.signedInAs', { name: who ?? '' })}${info.user.siteName ? ` — ${info.user.siteName}` : ''}</p>` : nothing}
          <div class="tools">
            ${info ? html`<po-status-region></po-status-region>` : nothing}
            <po-a11y-toggle ?signed-in=${!!info}></po-a11y-toggle>
            <po-language-select></po-language-select>
          </div>
        </div>
      </header>
      ${info ? this.renderMenu(info) : nothing}
      <main tabindex="-1"><slot></slot></main>
      <footer><a href="/accessibilite">${t('shell.accessibility')}</a></footer>
    `;
  }

  private renderMenu(info: SessionInfo) {
    const link = (href: string, label: string) =>
      html`<a href=${href} aria-current=${this.isCurrent(href) ? 'page' : 'false'}>${label}</a>`;
    const role = info.user.role;
    const students = this.students.value ?? [];
    return html`<nav aria-label=${t('shell.menu')}>
      <ul>
        ${role === 'family'
          ? html`<li>${link('/accueil', t('shell.home'))}</li>
              <li>${link('/famille', t('shell.family'))}</li>
              ${students.length
                ? html`<li class="group">
                    <span class="group-label" id="students-label">${t('shell.students')}</span>
                    <ul aria-labelledby="students-label">
                      ${students.map((s) => html`<li>${link(`/eleves/${s.id}`, `${s.firstName} ${s.lastName}`)}</li>`)}
                    </ul>
                  </li>`
                : nothing}`
          : nothing}
        ${role === 'secretariat' ? html`<li>${link('/admin', t('shell.admin'))}</li>` : nothing}
        ${role === 'teacher' ? html`<li>${link('/enseignant', t('shell.teacher'))}</li>` : nothing}
        ${role === 'teacher' ? html`<li>${link('/enseignant/absences', t('shell.teacherAbsences'))}</li>` : nothing}
        <li>${link('/accessibilite', t('shell.accessibility'))}</li>
        <li>${link('/mot-de-passe', t('shell.password'))}</li>
        <li><button type="button" @click=${this._onSignOut}>${t('shell.signOut')}</button></li>
      </ul>
    </nav>`;
  }

  private isCurrent(href: string) {
    return this.path === href || (href.startsWith('/eleves/') && this.path.startsWith(href + '/')) || (href === '/famille' && this.path.startsWith('/famille/'));
  }

  private _onSkip(e: Event) {
    // Handled here: the router would take "#main" for a navigation. The target is the app's
    // content wrapper in the document (so tools that follow the link find it), else <main>.
    e.preventDefault();
    (document.getElementById('main') ?? this.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }

  private _onSignOut() {
    this.dispatchEvent(new CustomEvent('po-sign-out-request', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-app-shell': PoAppShell;
  }
}

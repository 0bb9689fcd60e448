import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/session.ts';
import '../components/po-a11y-toggle.ts';
import '../components/po-language-select.ts';
import type { ShellQueries } from './shell-queries.ts';
import { t } from '../i18n/i18n.ts';
import { warmFormatters } from '../i18n/warm-formatters.ts';
import { narrowShell } from '../styles/shell-breakpoint.ts';

/**
 * The frame of every screen: skip link, header (name, status region, accessibility toggle,
 * language) and, once signed in, the main menu for the role. The page goes in the default slot.
 *
 * Below the shell's breakpoint (styles/shell-breakpoint.ts) the signed-in header folds to one
 * line (name, connection state, accessibility toggle, "Menu") and the menu becomes the panel of a
 * disclosure button: the page's heading and first content stay on a phone's first screen.
 * Only CSS decides which layout shows; the open state matters only when the button is shown.
 *
 * @slot - the current page, inside an element with id "main" (the skip link's target)
 * @fires po-sign-out-request - "Quitter" was chosen (from po-main-menu, passed through)
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
    .top {
      container-type: inline-size;
    }
    .top.signed-in {
      container-name: po-shell;
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
    .who .short {
      display: none;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .menu-button {
      display: none;
      align-items: center;
      gap: 0.5em;
      box-sizing: border-box;
      min-block-size: var(--po-target-size);
      min-inline-size: var(--po-target-size);
      padding: 0.25em 0.75em;
      font: inherit;
      letter-spacing: inherit;
      word-spacing: inherit;
      border: 2px solid currentColor;
      border-radius: var(--po-radius);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    .menu-button[aria-expanded='true'] {
      background: var(--po-color-header-text);
      color: var(--po-color-header-bg);
    }
    /* Three bars drawn with borders (currentColor), so forced colours keep them. */
    .bars {
      position: relative;
      inline-size: 1em;
      block-size: 0.75em;
      border-block: 0.15em solid currentColor;
      box-sizing: border-box;
    }
    .bars::after {
      content: '';
      position: absolute;
      inset-inline: 0;
      inset-block-start: calc(50% - 0.075em);
      border-block-start: 0.15em solid currentColor;
    }
    a:focus-visible, button:focus-visible {
      outline: var(--po-focus-width) solid var(--po-color-focus);
      outline-offset: 2px;
    }
    header button:focus-visible {
      outline-color: currentColor;
      outline-offset: 3px;
    }
    /* Signed in, the pages fill in as the device's data comes: the footer starts below the fold,
       so content arriving never pushes a visible footer down (a layout shift Lighthouse counts). */
    main.signed-in {
      min-block-size: 100vh;
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
      padding: 0.5rem 1rem;
      text-align: center;
      font-size: 0.9em;
    }
    footer a {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--po-target-size);
      color: var(--po-color-link);
    }
    /*
     * The phone layout: the header on one line (it wraps only when the accessibility mode's text
     * cannot fit), the name cut with an ellipsis (its full text stays for screen readers), the
     * connection state without the last sync time (the home page says it), the toggle's short
     * label, and the "Menu" button. The language choice shows under that line with the open menu.
     */
    @container ${narrowShell} {
      header {
        padding: 0.5rem;
      }
      .brand {
        display: none;
      }
      .bar {
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 0.5rem;
      }
      .tools {
        display: contents;
      }
      /* The name wraps rather than being cut: an ellipsis hid part of it (WCAG 1.4.10). */
      .who {
        flex: 1 1 6em;
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      /* Visually hidden, still read: the full "Connecté : …" and "Mode accessibilité". */
      .who .long, po-a11y-toggle::part(label) {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .who .short {
        display: inline;
      }
      po-status-region::part(last-sync) {
        display: none;
      }
      po-a11y-toggle::part(short-label) {
        display: inline;
      }
      po-a11y-toggle::part(button), .menu-button {
        padding-inline: 0.5em;
        gap: 0.35em;
      }
      .menu-button {
        display: inline-flex;
      }
      po-language-select {
        display: none;
      }
      .top.open po-language-select {
        display: block;
        flex-basis: 100%;
      }
      main {
        padding-block-start: 1rem;
      }
    }
    @media (forced-colors: active) {
      header {
        border-block-end: 1px solid CanvasText;
      }
      .menu-button {
        border-color: ButtonText;
        color: ButtonText;
        background: ButtonFace;
      }
      .menu-button[aria-expanded='true'] {
        background: Highlight;
        color: HighlightText;
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

  /** Whether the menu's panel is open (narrow screens; the wide layout always shows the menu). */
  @state() private menuOpen = false;
  @query('.menu-button') private menuButton?: HTMLButtonElement;

  /** The device's data the shell shows, loaded with the first signed-in render (./shell-queries.ts). */
  private data: ShellQueries | null = null;
  private dataLoading = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (this.info && !this.dataLoading) {
      this.dataLoading = true;
      // Signed-in screens format dates and money: ICU's data loads in a worker (already started by
      // boot.js, unless only the server knew of the session).
      warmFormatters();
      void import('./signed-in-entry.ts').then(
        (m) => {
          this.data = m.shellQueries(this);
          this.requestUpdate();
        },
        // Not downloaded (the connection dropped): tried again at the next render. The page that
        // needed it says it could not load (po-app), and offers to reload.
        () => {
          this.dataLoading = false;
        },
      );
    }
    // Another page (a link of the menu, or any other way) or another person: the panel folds.
    if ((changed.has('path') && changed.get('path') !== undefined) || (changed.has('info') && !this.info)) this.menuOpen = false;
  }

  override render() {
    const info = this.info;
    const family = this.data?.families.value?.[0];
    const who = family ? `${family.civility} ${family.firstName} ${family.lastName}`.trim() : info?.user.name;
    return html`
      <a class="skip" href="#main" @click=${this._onSkip}>${t('shell.skip')}</a>
      <div class="top ${info ? 'signed-in' : ''} ${this.menuOpen ? 'open' : ''}" @keydown=${this._onKeyDown}>
        <header>
          <div class="bar">
            <p class="brand">${t('app.name')}</p>
            ${info
              ? html`<p class="who">
                  <span class="long">${t('shell.signedInAs', { name: who ?? '' })}${info.user.siteName ? ` — ${info.user.siteName}` : ''}</span>
                  <span class="short" aria-hidden="true">${who ?? ''}</span>
                </p>`
              : nothing}
            <div class="tools">
              ${info ? html`<po-status-region></po-status-region>` : nothing}
              <po-a11y-toggle ?signed-in=${!!info}></po-a11y-toggle>
              ${info
                ? html`<button type="button" class="menu-button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="main-menu" @click=${this._onMenuButton}>
                    <span class="bars" aria-hidden="true"></span>${t('shell.menuButton')}
                  </button>`
                : nothing}
              <po-language-select></po-language-select>
            </div>
          </div>
        </header>
        ${info
          ? html`<po-main-menu
              id="main-menu"
              user-role=${info.user.role}
              .students=${this.data?.students.value ?? []}
              ?reenrolment=${this.data?.reenrolmentOpen.value ?? false}
              path=${this.path}
              ?open=${this.menuOpen}
              @po-menu-choose=${this._onMenuChoose}
            ></po-main-menu>`
          : nothing}
      </div>
      <main tabindex="-1" class=${info ? 'signed-in' : ''}><slot></slot></main>
      <footer><a href="/accessibilite">${t('shell.accessibility')}</a></footer>
    `;
  }

  private _onMenuButton() {
    this.menuOpen = !this.menuOpen;
  }

  private _onMenuChoose() {
    this.menuOpen = false;
  }

  private _onKeyDown(e: KeyboardEvent) {
    // Escape folds the panel from anywhere in the header or the menu and gives the focus back to
    // the button (the disclosure pattern); not when the button is hidden (wide layout).
    if (e.key !== 'Escape' || !this.menuOpen || !this.menuButton?.checkVisibility()) return;
    e.preventDefault();
    this.menuOpen = false;
    this.menuButton.focus();
  }

  private _onSkip(e: Event) {
    // Handled here: the router would take "#main" for a navigation. The target is the app's
    // content wrapper in the document (so tools that follow the link find it), else <main>.
    e.preventDefault();
    (document.getElementById('main') ?? this.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-app-shell': PoAppShell;
  }
}

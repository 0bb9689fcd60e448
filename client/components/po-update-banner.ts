import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { SW_APPLY, SW_WAITING } from '../sw-updates.ts';

/** "Nouvelle version disponible — Recharger": shown when a new service worker is waiting. */
@customElement('po-update-banner')
export class PoUpdateBanner extends LitElement {
  static override styles = [
    pageStyles,
    css`
      .banner {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: center;
        justify-content: center;
        padding: 0.5em 1em;
        background: var(--po-color-warning-bg);
        border-block-end: 2px solid var(--po-color-text);
      }
      p {
        margin: 0;
      }
    `,
  ];

  @state() private waiting = false;
  private readonly onWaiting = () => (this.waiting = true);

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener(SW_WAITING, this.onWaiting);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener(SW_WAITING, this.onWaiting);
  }

  override render() {
    // The live region exists before its content so the announcement is reliable. The banner is a
    // region landmark named by its text: it sits above the shell's landmarks, and content outside
    // any landmark is missed by landmark navigation (IBM's aria_content_in_landmark).
    return html`<div role="status">
      ${this.waiting
        ? html`<section class="banner" aria-labelledby="update-text">
            <p id="update-text">${t('update.available')}</p>
            <button type="button" @click=${() => window.dispatchEvent(new Event(SW_APPLY))}>${t('update.reload')}</button>
          </section>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-update-banner': PoUpdateBanner;
  }
}

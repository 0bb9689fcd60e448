import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { serviceWorkerUpdates } from '../sw-updates.ts';

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
    serviceWorkerUpdates.addEventListener('waiting', this.onWaiting);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    serviceWorkerUpdates.removeEventListener('waiting', this.onWaiting);
  }

  override render() {
    // The region exists before its content so the announcement is reliable.
    return html`<div role="status">
      ${this.waiting
        ? html`<div class="banner">
            <p>${t('update.available')}</p>
            <button type="button" @click=${() => serviceWorkerUpdates.dispatchEvent(new Event('apply'))}>${t('update.reload')}</button>
          </div>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-update-banner': PoUpdateBanner;
  }
}

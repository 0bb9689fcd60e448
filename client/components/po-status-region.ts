import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { StoreController } from '../state/store.ts';
import { syncStatus } from '../data/sync-status.ts';
import { formatDateTime, t } from '../i18n/i18n.ts';

/**
 * The one status region (docs/contract.md): online or offline, changes waiting to be sent, last sync.
 * role="status" is polite: a screen reader hears the change without losing its place.
 *
 * @csspart last-sync - the last sync time (the shell's phone layout leaves it out)
 */
@customElement('po-status-region')
export class PoStatusRegion extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.9em;
    }
    div {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.25em;
    }
    .offline {
      font-weight: 700;
    }
    .dot::before {
      content: '●';
      margin-inline-end: 0.35em;
    }
    .offline.dot::before {
      content: '○';
    }
    @media (forced-colors: active) {
      :host {
        color: CanvasText;
      }
    }
  `;

  private readonly status = new StoreController(this, syncStatus);

  override render() {
    const s = this.status.value;
    return html`<div role="status" id="sync-status">
      <span class="dot ${s.online ? '' : 'offline'}">${s.online ? t('status.online') : t('status.offline')}</span>
      ${s.pending > 0 ? html`<span>${t('status.pending', { count: s.pending })}</span>` : nothing}
      <!-- Not announced each minute: only connectivity and waiting changes are worth interrupting for. -->
      <span aria-live="off" part="last-sync">${s.lastSyncAt ? t('status.lastSync', { when: formatDateTime(s.lastSyncAt) }) : t('status.neverSynced')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-status-region': PoStatusRegion;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { StoreController } from '../state/store.ts';
import { syncLanded, watchSyncLanded } from '../data/sync-landed-watch.ts';
import { syncStatus } from '../data/sync-status.ts';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/**
 * What a screen that reads the device's data shows while it has none to show
 * (`LiveQueryController.value` undefined): before the device's first pull has landed,
 * "Synchronisation en cours…", or, offline, that the information has not been downloaded to this
 * device yet; otherwise (the local query is answering) "Chargement…". One polite status, so a
 * screen reader hears the change without losing its place.
 */
@customElement('po-data-pending')
export class PoDataPending extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  private readonly landed = new StoreController(this, syncLanded);
  private readonly status = new StoreController(this, syncStatus);

  override connectedCallback() {
    super.connectedCallback();
    watchSyncLanded();
  }

  override render() {
    const { online, syncing } = this.status.value;
    const waitingForFirstPull = this.landed.value.landed === false;
    const notDownloaded = waitingForFirstPull && !online && !syncing;
    const text = notDownloaded ? t('sync.notDownloaded') : waitingForFirstPull ? t('sync.firstPull') : t('common.loading');
    return html`<p role="status" aria-live="polite" class=${notDownloaded ? 'notice' : ''}>${text}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-data-pending': PoDataPending;
  }
}

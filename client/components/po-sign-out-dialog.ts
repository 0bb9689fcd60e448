import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from '../i18n/i18n.ts';
import { pageStyles } from '../styles/shared-styles.ts';

/**
 * Asked before signing out while changes wait for the network: signing out wipes the device,
 * so those changes would be lost. "Attendre le réseau" is the default (first, focused) choice.
 *
 * @fires po-confirm-sign-out - the person chose to sign out anyway
 */
@customElement('po-sign-out-dialog')
export class PoSignOutDialog extends LitElement {
  static override styles = [
    pageStyles,
    css`
      dialog {
        max-inline-size: min(32rem, 90vw);
        border: 3px solid var(--po-color-text);
        background: var(--po-color-bg);
        color: var(--po-color-text);
        padding: 1.5em;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
    `,
  ];

  @state() private pending = 0;
  @query('dialog') private dialog!: HTMLDialogElement;

  open(pending: number) {
    this.pending = pending;
    this.dialog.showModal();
  }

  override render() {
    return html`<dialog aria-labelledby="so-title" aria-describedby="so-text">
      <h2 id="so-title">${t('signOut.pendingTitle')}</h2>
      <p id="so-text">${t('signOut.pendingText', { count: this.pending })}</p>
      <div class="actions">
        <button type="button" autofocus @click=${() => this.dialog.close()}>${t('signOut.wait')}</button>
        <button type="button" class="secondary" @click=${this._onConfirm}>${t('signOut.anyway')}</button>
      </div>
    </dialog>`;
  }

  private _onConfirm() {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('po-confirm-sign-out', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-sign-out-dialog': PoSignOutDialog;
  }
}

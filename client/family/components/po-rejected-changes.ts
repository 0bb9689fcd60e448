import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dismissRejection } from '../data/identity-changes.ts';
import type { StoredRejection } from '../../data/outbox-keys.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { fieldLabel } from './identity-form.ts';

/**
 * Edits the server refused for good after they left this device (sent in the background, e.g.
 * when the network came back): each with the server's message per field, until dismissed.
 */
@customElement('po-rejected-changes')
export class PoRejectedChanges extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The refused edits kept on the device, each with the server's message per field. */
  @property({ attribute: false }) rejections: StoredRejection[] = [];

  override render() {
    if (!this.rejections.length) return nothing;
    return html`${this.rejections.map(
      (r) => html`<div class="notice error">
        <h2>${t('records.rejectedTitle')}</h2>
        <p>${r.error.message}</p>
        ${r.error.fields
          ? html`<ul>
              ${Object.entries(r.error.fields).map(([f, m]) => html`<li>${fieldLabel(f)} : ${m}</li>`)}
            </ul>`
          : nothing}
        <button type="button" class="secondary" @click=${() => void dismissRejection(r.mutationId)}>${t('records.rejectedDismiss')}</button>
      </div>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-rejected-changes': PoRejectedChanges;
  }
}

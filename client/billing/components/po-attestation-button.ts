import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EnrolmentAttestation, PaymentAttestation } from '../data/attestation-builders.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/**
 * "Attestation de paiement (PDF)" / "Attestation d'inscription (PDF)": makes the PDF in the
 * browser from the attestation it is given (properties down; its page reads the device's data).
 * Until the device's first pull has landed the attestation is undefined: the button stays in the
 * tab order but says why it does nothing, rather than making an empty attestation. `name` ends
 * its accessible name (the year, the student), so several on one page are told apart.
 */
@customElement('po-attestation-button')
export class PoAttestationButton extends LitElement {
  static override styles = [
    pageStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin-block: 0.25rem 0;
      }
    `,
  ];

  @property() kind: 'payment' | 'enrolment' = 'payment';
  /** The document to draw; undefined while the device's data is not there yet. */
  @property({ attribute: false }) attestation: PaymentAttestation | EnrolmentAttestation | undefined;
  /** The end of the button's accessible name, e.g. "année scolaire 2026/2027" or "de Lou Martin". */
  @property() name = '';

  @state() private message = '';
  @state() private failed = false;

  override render() {
    const label = this.kind === 'payment' ? t('attestation.paymentButton') : t('attestation.enrolmentButton');
    const pending = this.attestation === undefined;
    return html`
      <button type="button" class="secondary" aria-disabled=${pending ? 'true' : 'false'} aria-describedby=${pending ? 'why' : nothing} @click=${this._onClick}>
        ${label}${this.name ? html`<span class="visually-hidden"> ${this.name}</span>` : nothing}
      </button>
      ${pending ? html`<p id="why" class="hint">${t('attestation.notLoaded')}</p>` : nothing}
      <p role="status">${this.message ? html`<span class=${this.failed ? 'field-error' : ''}>${this.message}</span>` : nothing}</p>
    `;
  }

  private async _onClick() {
    const a = this.attestation;
    if (!a) return;
    this.failed = false;
    this.message = t('attestation.making');
    try {
      // jsPDF arrives only now (from the precache when offline).
      const pdf = await import('../pdf/attestation-pdf.ts');
      const file = this.kind === 'payment' ? pdf.paymentAttestationPdf(a as PaymentAttestation) : pdf.enrolmentAttestationPdf(a as EnrolmentAttestation);
      pdf.downloadFile(file);
      this.message = t('attestation.ready', { file: file.fileName });
    } catch (error) {
      console.error('[pdf]', error);
      this.failed = true;
      this.message = t('attestation.failed');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-attestation-button': PoAttestationButton;
  }
}

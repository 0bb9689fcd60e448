import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SCHOOL_YEAR_PATTERN } from '../../../shared/school-year.ts';
import { formatCents } from '../../../shared/money.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../components/po-data-pending.ts';
import '../components/po-attestation-button.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { paymentModeLabel } from './billing-labels.ts';
import { billingTableStyles } from './billing-table-styles.ts';
import { attestationViewStyles, familyName, issuerName, madeFrom, parties } from './attestation-view.ts';

/**
 * `/famille/attestations/paiement/:year` (year "2026-2027"): the payment attestation of a school
 * year as a page — the payments received, their total, both parties — with its PDF button and
 * print. The same document model as the PDF (data/attestation-builders.ts), read from the device.
 */
@customElement('po-payment-attestation-page')
export class PoPaymentAttestationPage extends PageElement {
  static override styles = [pageStyles, billingTableStyles, attestationViewStyles];

  /** The route's `:year`, "2026-2027" (a slash cannot stand in a path segment). */
  @property({ attribute: false }) year = '';

  private readonly data = new LiveQueryController(this, 'paymentAttestation', () => [this.schoolYear]);

  private get schoolYear() {
    return this.year.replace('-', '/');
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('year') && changed.get('year') !== undefined) this.data.refresh();
  }

  protected pageTitle() {
    return t('attestation.paymentTitle', { year: this.schoolYear });
  }

  override render() {
    const year = this.schoolYear;
    const back = html`<p class="no-print"><a href="/famille/facturation">${t('attestation.backToBilling')}</a></p>`;
    if (!SCHOOL_YEAR_PATTERN.test(year)) return html`${back}<h1>${t('attestation.paymentTitle', { year: this.year })}</h1><p>${t('attestation.badYear')}</p>`;
    const a = this.data.value;
    const button = html`<po-attestation-button class="no-print" kind="payment" .attestation=${a} name=${t('attestation.paymentButtonName', { year })}></po-attestation-button>`;
    if (!a) return html`${back}<h1>${t('attestation.paymentTitle', { year })}</h1><po-data-pending></po-data-pending>${button}`;
    const caption = t('attestation.paymentsCaption', { year });
    return html`
      ${back}
      <h1>${t('attestation.paymentTitle', { year })}</h1>
      ${parties(a.site, a.family)}
      <p>${t('attestation.paymentIntro', { issuer: issuerName(a.site), family: familyName(a.family), year })}</p>
      ${a.payments.length
        ? html`<div class="table-wrap">
            <table class="reflow">
              <caption>${caption}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('attestation.col.date')}</th>
                  <th scope="col">${t('attestation.col.mode')}</th>
                  <th scope="col">${t('attestation.col.invoice')}</th>
                  <th scope="col" class="money">${t('attestation.col.amount')}</th>
                </tr>
              </thead>
              <tbody>
                ${a.payments.map(
                  (p) => html`<tr>
                    <td data-label=${t('attestation.col.date')}>${formatDate(p.date)}</td>
                    <td data-label=${t('attestation.col.mode')}>${paymentModeLabel(p.mode)}</td>
                    <td data-label=${t('attestation.col.invoice')}>${p.invoiceNumber}</td>
                    <td class="money" data-label=${t('attestation.col.amount')}>${formatCents(p.amountCents)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('attestation.noPayments')}</p>`}
      <p><strong>${t('attestation.totalPaid', { amount: formatCents(a.totalCents) })}</strong></p>
      ${madeFrom(a.madeOn)}
      <div class="actions no-print">
        ${button}
        <button type="button" class="secondary" @click=${() => window.print()}>${t('attestation.print')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-payment-attestation-page': PoPaymentAttestationPage;
  }
}

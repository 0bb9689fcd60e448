import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { invoiceBalanceCents, PAYFIP_MIN_CENTS, yearStatements, type YearStatement } from '../../../shared/billing.ts';
import { formatCents } from '../../../shared/money.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { StoreController } from '../../state/store.ts';
import { PageElement } from '../../components/page-element.ts';
import '../../family/components/po-family-tabs.ts';
import '../../components/po-data-pending.ts';
import '../components/po-attestation-button.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { startPayFipPayment } from '../data/payments.ts';
import { buildPaymentAttestation } from '../data/attestation-builders.ts';
import { localToday } from '../../../shared/lesson-dates.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { syncStatus } from '../../data/sync-status.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { paymentModeLabel } from './billing-labels.ts';
import { billingTableStyles } from './billing-table-styles.ts';

/**
 * `/famille/facturation` ("Facturation cotisations"): one table per school year, the current one
 * first and the earlier ones below, each with its totals; then the invoices still to pay, each
 * with its own "Paiement en ligne" button (disabled offline, the reason shown). Read from Dexie.
 */
@customElement('po-family-billing-page')
export class PoFamilyBillingPage extends PageElement {
  static override styles = [
    pageStyles,
    billingTableStyles,
    css`
      section.year {
        margin-block-end: 2rem;
      }
      ul.unpaid {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
      .attestation {
        margin-block-start: 1rem;
      }
      ul.unpaid li {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 1rem;
        background: var(--po-color-surface);
      }
      @media (forced-colors: active) {
        ul.unpaid li {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private busyInvoiceId: string | null = null;
  @state() private error = '';

  private readonly status = new StoreController(this, syncStatus);
  private readonly data = new LiveQueryController(this, 'familyBilling', () => []);
  /** The family and its site, for the payment attestations (undefined until the first pull). */
  private readonly parties = new LiveQueryController(this, 'attestationParties', () => []);

  protected pageTitle() {
    return t('billing.title');
  }

  override render() {
    const d = this.data.value;
    if (!d) {
      return html`<h1>${t('billing.title')}</h1><po-family-tabs current="/famille/facturation"></po-family-tabs><po-data-pending></po-data-pending>
        <po-attestation-button kind="payment" .attestation=${undefined}></po-attestation-button>`;
    }
    const current = schoolYearOf(new Date());
    const years = yearStatements(d.invoices, d.payments, d.discounts);
    const first = years.find((y) => y.schoolYear === current) ?? { schoolYear: current, rows: [], totalInvoicedCents: 0, totalPaidCents: 0, totalDiscountCents: 0, balanceCents: 0, amountDueCents: 0 };
    const earlier = years.filter((y) => y.schoolYear !== current);
    const unpaid = d.invoices
      .map((invoice) => ({ invoice, due: invoiceBalanceCents(invoice, d.payments, d.discounts) }))
      .filter((u) => u.due > 0)
      .sort((a, b) => a.invoice.date.localeCompare(b.invoice.date));
    const online = this.status.value.online;
    return html`
      <h1>${t('billing.title')}</h1>
      <po-family-tabs current="/famille/facturation" class="no-print"></po-family-tabs>
      <p class="notice warning">${t('billing.warning')}</p>
      <div role="alert">${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}</div>
      ${unpaid.length
        ? html`<section aria-labelledby="unpaid-title" class="no-print">
            <h2 id="unpaid-title">${t('billing.unpaidTitle')}</h2>
            ${online ? nothing : html`<p class="notice" id="offline-reason">${t('billing.payOffline')}</p>`}
            <ul class="unpaid">
              ${unpaid.map(({ invoice, due }) => {
                const pending = d.attempts.some((a) => a.invoiceId === invoice.id && a.status === 'pending' && (a as { expiresAt?: string }).expiresAt! > new Date().toISOString());
                return html`<li>
                  <p>
                    <a href="/famille/facturation/factures/${invoice.id}">${t('billing.unpaidItem', { number: invoice.number, date: formatDate(invoice.date), amount: formatCents(due), due: formatDate(invoice.dueDate) })}</a>
                  </p>
                  ${pending ? html`<p class="hint">${t('billing.payPending')}</p>` : nothing}
                  ${due < PAYFIP_MIN_CENTS
                    ? html`<p class="hint">${t('billing.payMinimum')}</p>`
                    : html`<button
                        type="button"
                        ?disabled=${!online || this.busyInvoiceId !== null}
                        aria-describedby=${online ? nothing : 'offline-reason'}
                        @click=${() => void this._onPay(invoice.id, due)}
                      >
                        ${t('billing.payOnline')}<span class="visually-hidden"> ${t('billing.payOnlineName', { number: invoice.number, amount: formatCents(due) })}</span>
                      </button>`}
                  <span role="status">${this.busyInvoiceId === invoice.id ? t('billing.payStarting') : nothing}</span>
                </li>`;
              })}
            </ul>
          </section>`
        : nothing}
      ${this.yearSection(first, true)}
      ${earlier.length
        ? html`<h2>${t('billing.earlierYears')}</h2>
            ${earlier.map((y) => this.yearSection(y, false))}`
        : nothing}
    `;
  }

  private yearSection(y: YearStatement, current: boolean): TemplateResult {
    const id = `year-${y.schoolYear.replace('/', '-')}`;
    const Heading = current ? 'h2' : 'h3';
    const title = t('billing.yearTitle', { year: y.schoolYear });
    return html`<section class="year" aria-labelledby=${id}>
      ${Heading === 'h2' ? html`<h2 id=${id}>${title}</h2>` : html`<h3 id=${id}>${title}</h3>`}
      ${y.rows.length
        ? html`<div class="table-wrap">
            <table class="reflow">
              <caption class="visually-hidden">${title}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('billing.col.date')}</th>
                  <th scope="col">${t('billing.col.mode')}</th>
                  <th scope="col">${t('billing.col.operation')}</th>
                  <th scope="col">${t('billing.col.label')}</th>
                  <th scope="col" class="money">${t('billing.col.debit')}</th>
                  <th scope="col" class="money">${t('billing.col.credit')}</th>
                  <th scope="col" class="money">${t('billing.col.discount')}</th>
                </tr>
              </thead>
              <tbody>
                ${y.rows.map(
                  (r) => html`<tr>
                    <td data-label=${t('billing.col.date')}>${formatDate(r.date, { dateStyle: 'short' })}</td>
                    <td data-label=${t('billing.col.mode')}>${r.mode ? paymentModeLabel(r.mode) : ''}</td>
                    <td data-label=${t('billing.col.operation')}>${r.kind === 'invoice'
                      ? html`<a href="/famille/facturation/factures/${r.id}" aria-label=${t('billing.openInvoice', { number: r.operationNumber })}>${r.operationNumber}</a>`
                      : r.operationNumber}</td>
                    <td data-label=${t('billing.col.label')}>${r.kind !== 'invoice' && r.invoiceId
                      ? html`<a href="/famille/facturation/factures/${r.invoiceId}">${r.label}</a>`
                      : r.label}</td>
                    <td class="money" data-label=${t('billing.col.debit')}>${r.debitCents ? formatCents(r.debitCents) : ''}</td>
                    <td class="money" data-label=${t('billing.col.credit')}>${r.creditCents ? formatCents(r.creditCents) : ''}</td>
                    <td class="money" data-label=${t('billing.col.discount')}>${r.discountCents ? formatCents(r.discountCents) : ''}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t('billing.nothing')}</p>`}
      <dl class="totals">
        <dt>${t('billing.totalInvoiced')}</dt><dd>${formatCents(y.totalInvoicedCents)}</dd>
        <dt>${t('billing.totalPaid')}</dt><dd>${formatCents(y.totalPaidCents)}</dd>
        ${y.totalDiscountCents ? html`<dt>${t('billing.col.discount')}</dt><dd>${formatCents(y.totalDiscountCents)}</dd>` : nothing}
        <dt>${t('billing.balance')}</dt><dd>${formatCents(y.balanceCents)}</dd>
        <dt class="due">${t('billing.amountDue')}</dt><dd class="due">${formatCents(y.amountDueCents)}</dd>
      </dl>
      ${this.attestation(y.schoolYear)}
    </section>`;
  }

  /** The year's payment attestation: its HTML view and its PDF (pending until the family's data is here). */
  private attestation(schoolYear: string): TemplateResult {
    const d = this.data.value!;
    const parties = this.parties.value;
    const attestation = parties && buildPaymentAttestation({ ...parties, schoolYear, payments: d.payments, invoices: d.invoices, madeOn: localToday() });
    return html`<div class="attestation no-print">
      <p><a href="/famille/attestations/paiement/${schoolYear.replace('/', '-')}">${t('attestation.viewPayment', { year: schoolYear })}</a></p>
      <po-attestation-button kind="payment" .attestation=${attestation} name=${t('attestation.paymentButtonName', { year: schoolYear })}></po-attestation-button>
    </div>`;
  }

  private async _onPay(invoiceId: string, amountCents: number) {
    this.error = '';
    this.busyInvoiceId = invoiceId;
    try {
      const started = await startPayFipPayment(invoiceId, amountCents);
      // A full page load to the payment page (the simulator or PayFiP), never a router navigation.
      location.assign(started.paymentUrl);
    } catch (error) {
      this.busyInvoiceId = null;
      if (error instanceof OfflineError) this.error = t('billing.payOffline');
      else if (error instanceof HttpError) this.error = error.body.error.message;
      else throw error;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-family-billing-page': PoFamilyBillingPage;
  }
}

import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { invoiceBalanceCents, PAYFIP_MIN_CENTS } from '../../../shared/billing.ts';
import { formatCents } from '../../../shared/money.ts';
import { PageElement } from '../../components/page-element.ts';
import { recordList } from '../../components/record-list.ts';
import '../../components/po-data-pending.ts';
import { LiveQueryController } from '../../data/live-query-controller.ts';
import { formatDate, t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { billingTableStyles } from './billing-table-styles.ts';
import { paymentModeLabel } from './billing-labels.ts';

/**
 * `/famille/facturation/factures/:invoiceId`: an invoice with its lines, discounts and payments,
 * from the device. Prints cleanly; "Télécharger la facture (PDF)" and, per payment, "Télécharger
 * le reçu (PDF)" make the PDFs in the browser (jsPDF is imported only then, offline too).
 */
@customElement('po-invoice-page')
export class PoInvoicePage extends PageElement {
  static override styles = [
    pageStyles,
    billingTableStyles,
    css`
      section {
        margin-block: 1.5rem;
      }
    `,
  ];

  /** The invoice shown (the route's `:invoiceId`). */
  @property() invoiceId = '';
  @state() private message = '';
  @state() private failed = false;

  private readonly data = new LiveQueryController(this, 'invoiceSheet', () => [this.invoiceId]);

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) this.data.refresh();
  }

  protected pageTitle() {
    const d = this.data.value;
    if (this.data.ready && !d) return t('invoice.notFound');
    return d ? t('invoice.title', { number: d.invoice.number }) : t('billing.title');
  }

  override render() {
    const d = this.data.value;
    if (d === undefined) return html`<h1>${t('billing.title')}</h1><po-data-pending></po-data-pending>`;
    if (d === null) {
      return html`<h1>${t('invoice.notFound')}</h1>
        <p>${t('invoice.notFoundText')}</p>
        <p><a href="/famille/facturation">${t('invoice.back')}</a></p>`;
    }
    const inv = d.invoice;
    const remaining = Math.max(0, invoiceBalanceCents(inv, d.payments, d.discounts));
    const family = d.family ? `${d.family.civility} ${d.family.firstName} ${d.family.lastName}`.trim() : '';
    return html`
      <p class="no-print"><a href="/famille/facturation">${t('invoice.back')}</a></p>
      <h1>${t('invoice.title', { number: inv.number })}</h1>
      ${recordList([
        [t('invoice.label'), inv.label],
        [t('invoice.family'), family],
        [t('invoice.date'), formatDate(inv.date)],
        [t('invoice.dueDate'), formatDate(inv.dueDate)],
        [t('invoice.schoolYear'), inv.schoolYear],
        [t('invoice.amount'), formatCents(inv.amountCents)],
        [t('invoice.remaining'), formatCents(remaining)],
      ])}
      ${remaining > 0 && remaining < PAYFIP_MIN_CENTS ? html`<p class="notice no-print">${t('billing.payMinimum')}</p>` : nothing}
      <div class="actions no-print">
        <button type="button" @click=${() => void this._onPdf('invoice')}>${t('invoice.downloadInvoice')}</button>
        <button type="button" class="secondary" @click=${() => window.print()}>${t('invoice.print')}</button>
      </div>
      <p role="status" class="no-print">${this.message ? html`<span class=${this.failed ? 'field-error' : ''}>${this.message}</span>` : nothing}</p>

      <section aria-labelledby="lines-title">
        <h2 id="lines-title">${t('invoice.lines')}</h2>
        <table class="reflow">
          <caption class="visually-hidden">${t('invoice.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('invoice.col.label')}</th>
              <th scope="col" class="money">${t('invoice.col.quantity')}</th>
              <th scope="col" class="money">${t('invoice.col.unit')}</th>
              <th scope="col" class="money">${t('invoice.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            ${d.lines.map(
              (l) => html`<tr>
                <td data-label=${t('invoice.col.label')}>${l.label}</td>
                <td class="money" data-label=${t('invoice.col.quantity')}>${l.quantity}</td>
                <td class="money" data-label=${t('invoice.col.unit')}>${formatCents(l.unitCents)}</td>
                <td class="money" data-label=${t('invoice.col.amount')}>${formatCents(l.amountCents)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">${t('invoice.total')}</th>
              <td class="money" data-label=${t('invoice.total')}>${formatCents(inv.amountCents)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      ${d.discounts.length
        ? html`<section aria-labelledby="discounts-title">
            <h2 id="discounts-title">${t('invoice.discounts')}</h2>
            <table class="reflow">
              <caption class="visually-hidden">${t('invoice.discounts')}</caption>
              <thead><tr><th scope="col">${t('billing.col.date')}</th><th scope="col">${t('billing.col.label')}</th><th scope="col" class="money">${t('invoice.col.amount')}</th></tr></thead>
              <tbody>
                ${d.discounts.map(
                  (x) => html`<tr>
                    <td data-label=${t('billing.col.date')}>${formatDate(x.date)}</td>
                    <td data-label=${t('billing.col.label')}>${x.label}</td>
                    <td class="money" data-label=${t('invoice.col.amount')}>${formatCents(x.amountCents)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </section>`
        : nothing}

      <section aria-labelledby="payments-title">
        <h2 id="payments-title">${t('invoice.payments')}</h2>
        ${d.payments.length
          ? html`<table class="reflow">
              <caption class="visually-hidden">${t('invoice.payments')}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('billing.col.date')}</th>
                  <th scope="col">${t('invoice.col.mode')}</th>
                  <th scope="col">${t('invoice.col.operation')}</th>
                  <th scope="col" class="money">${t('invoice.col.amount')}</th>
                  <th scope="col" class="no-print">${t('invoice.col.receipt')}</th>
                </tr>
              </thead>
              <tbody>
                ${d.payments.map(
                  (p) => html`<tr>
                    <td data-label=${t('billing.col.date')}>${formatDate(p.date)}</td>
                    <td data-label=${t('invoice.col.mode')}>${paymentModeLabel(p.mode)}</td>
                    <td data-label=${t('invoice.col.operation')}>${p.operationNumber}</td>
                    <td class="money" data-label=${t('invoice.col.amount')}>${formatCents(p.amountCents)}</td>
                    <td class="no-print">
                      <button type="button" class="secondary" @click=${() => void this._onPdf('receipt', p.id)}>
                        ${t('invoice.downloadReceipt')}<span class="visually-hidden"> ${t('invoice.receiptName', { date: formatDate(p.date) })}</span>
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${t('invoice.noPayments')}</p>`}
      </section>
    `;
  }

  private async _onPdf(kind: 'invoice' | 'receipt', paymentId?: string) {
    const d = this.data.value;
    if (!d) return;
    this.failed = false;
    this.message = t('invoice.pdfMaking');
    try {
      // jsPDF arrives only now, from the precache when offline.
      const pdf = await import('../pdf/billing-pdf.ts');
      const file = kind === 'invoice' ? pdf.invoicePdf(d) : pdf.receiptPdf(d, paymentId!);
      pdf.downloadFile(file);
      this.message = t('invoice.pdfReady', { file: file.fileName });
    } catch (error) {
      console.error('[pdf]', error);
      this.failed = true;
      this.message = t('invoice.pdfFailed');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-invoice-page': PoInvoicePage;
  }
}

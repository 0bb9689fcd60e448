import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatCents } from '../../../shared/money.ts';
import { PageElement } from '../../components/page-element.ts';
import { HttpError, OfflineError } from '../../data/command-errors.ts';
import { recordPayFipReturn, type PayFipReturn } from '../data/payments.ts';
import { t } from '../../i18n/i18n.ts';
import { pageStyles } from '../../styles/shared-styles.ts';

/** Waits before each automatic check of a payment still being confirmed: about 9 minutes in all. */
const RECHECK_MS = [5_000, 10_000, 20_000, 40_000, ...Array<number>(8).fill(60_000)];

/**
 * `/famille/facturation/paiement/retour?idop=…` (PayFiP's urlredirect): asks the server to record
 * the transaction's result (it reads it from PayFiP, idempotently: a reload records nothing more),
 * shows it, then syncs so the billing page and the receipt are up to date on the device.
 *
 * A payment PayFiP is still confirming is asked for again by itself, quietly (the status region
 * speaks only when the result changes), as its message promises; "Vérifier à nouveau" asks at once.
 */
@customElement('po-payment-return-page')
export class PoPaymentReturnPage extends PageElement {
  static override styles = [pageStyles];

  @state() private result: PayFipReturn | null = null;
  @state() private problem: 'offline' | 'unknown' | null = null;
  @state() private checking = true;
  /** The waits between automatic checks (tests shorten them). */
  @property({ attribute: false }) recheckDelays: number[] = RECHECK_MS;
  private rechecks = 0;
  private recheckTimer: number | undefined;
  @state() private stoppedChecking = false;
  /** The latest check's number: an earlier one answering later is not shown over it. */
  private latest = 0;

  override connectedCallback() {
    super.connectedCallback();
    void this.check();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.recheckTimer);
  }

  /** While PayFiP is confirming (not when the person left PayFiP's page: nothing will come), asks again later. */
  private scheduleRecheck() {
    clearTimeout(this.recheckTimer);
    const waiting = this.result?.status === 'pending' && this.result.resultrans !== 'A';
    const wait = this.recheckDelays[this.rechecks];
    // Still being confirmed and no automatic check left: the page no longer promises to update itself.
    this.stoppedChecking = waiting && wait === undefined;
    if (!waiting || wait === undefined || !this.isConnected) return;
    this.rechecks++;
    this.recheckTimer = window.setTimeout(() => void this.check(true), wait);
  }

  protected pageTitle() {
    return t('return.title');
  }

  /** `quiet`: an automatic check, which keeps what is shown until a new result comes (a failed one changes nothing). */
  private async check(quiet = false) {
    clearTimeout(this.recheckTimer);
    const mine = ++this.latest;
    const idop = new URLSearchParams(location.search).get('idop') ?? new URLSearchParams(location.search).get('idOp') ?? '';
    if (!quiet) {
      this.checking = true;
      this.problem = null;
    }
    try {
      if (!idop) throw new HttpError(404, { error: { code: 'not_found', message: '' } });
      const result = await recordPayFipReturn(idop);
      if (mine !== this.latest) return;
      this.result = result;
      this.problem = null;
    } catch (error) {
      if (mine !== this.latest) return;
      if (quiet && (error instanceof OfflineError || error instanceof HttpError)) return this.scheduleRecheck();
      if (error instanceof OfflineError) this.problem = 'offline';
      else if (error instanceof HttpError) this.problem = 'unknown';
      else throw error;
    } finally {
      if (mine === this.latest) this.checking = false;
    }
    this.scheduleRecheck();
  }



  override render() {
    const r = this.result;
    const p = { number: r?.invoiceNumber ?? '', amount: r ? formatCents(r.amountCents) : '', numauto: r?.numauto ?? '' };
    const kind = r?.status === 'paid' ? 'success' : r?.status === 'pending' ? '' : 'error';
    return html`
      <h1>${t('return.title')}</h1>
      <div role="status">
        ${this.checking
          ? html`<p>${t('return.checking')}</p>`
          : this.problem
            ? html`<p class="notice ${this.problem === 'offline' ? 'warning' : 'error'}">${t(this.problem === 'offline' ? 'return.offline' : 'return.unknown')}</p>`
            : r
              ? html`<p class="notice ${kind}">${t(r.status === 'pending' && r.resultrans === 'A' ? 'return.abandonedOpen' : r.status === 'pending' && this.stoppedChecking ? 'return.pendingStopped' : `return.${r.status}`, p)}</p>`
              : nothing}
      </div>
      ${!this.checking && (this.problem === 'offline' || r?.status === 'pending')
        ? html`<p><button type="button" @click=${() => void this.check()}>${t('return.retry')}</button></p>`
        : nothing}
      <ul>
        ${r ? html`<li><a href="/famille/facturation/factures/${r.invoiceId}">${t('return.seeInvoice', { number: r.invoiceNumber })}</a></li>` : nothing}
        <li><a href="/famille/facturation">${t('return.back')}</a></li>
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'po-payment-return-page': PoPaymentReturnPage;
  }
}

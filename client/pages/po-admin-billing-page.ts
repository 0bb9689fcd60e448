import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { createInvoiceSchema, deskPaymentSchema, discountSchema } from '../../shared/billing-schemas.ts';
import { formatCents } from '../../shared/money.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { api, HttpError, OfflineError } from '../api/http.ts';
import { errorSummary, focusErrorSummary, textField, type SummaryItem } from '../components/form-fields.ts';
import { PageElement } from '../components/page-element.ts';
import { formatDateTime, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-fr.ts';
import { pageStyles } from '../styles/shared-styles.ts';
import { paymentModeLabel } from './billing-labels.ts';
import { billingTableStyles } from './billing-table-styles.ts';
import { offlineNotice } from '../components/offline-notice.ts';

interface FamilyBalance { id: string; civility: string; lastName: string; firstName: string; dueCents: number; unpaidInvoices: number }
interface Attempt {
  id: string; idOp: string | null; status: string; numauto: string | null; amountCents: number; createdAt: string; paidAt: string | null;
  invoiceNumber: string; familyLastName: string; familyFirstName: string; problems: string[];
}
interface FamilyDetail {
  family: { id: string; lastName: string; firstName: string };
  students: Array<{ id: string; firstName: string; lastName: string }>;
  invoices: Array<{ id: string; number: string; label: string; dueCents: number; schoolYear: string }>;
}
type FormName = 'inv' | 'pay' | 'disc';
interface LineDraft { label: string; quantity: string; unitPrice: string }

const today = () => new Date().toISOString().slice(0, 10);
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/**
 * `/admin/facturation`: the secretariat's billing desk, online only (it acts on live data):
 * families with a balance due, every PayFiP attempt and its status, and three forms acting on a
 * chosen family — create an invoice, record a desk payment (chèque, espèces, prélèvement), grant
 * a discount. Each form validates with the shared schema, then the server checks again.
 */
@customElement('po-admin-billing-page')
export class PoAdminBillingPage extends PageElement {
  static override styles = [
    pageStyles,
    billingTableStyles,
    css`
      section {
        margin-block: 2rem;
      }
      fieldset {
        border: 1px solid var(--po-color-border);
        border-radius: var(--po-radius);
        padding: 0.75rem;
        display: grid;
        gap: 0.5rem;
      }
      legend {
        font-weight: 700;
      }
      @media (forced-colors: active) {
        fieldset {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @state() private families: FamilyBalance[] | null = null;
  @state() private attempts: Attempt[] = [];
  @state() private offline = false;
  @state() private familyId = '';
  @state() private detail: FamilyDetail | null = null;
  @state() private inv = { schoolYear: schoolYearOf(new Date()), label: '', date: today(), dueDate: inAMonth(), lines: [{ label: '', quantity: '1', unitPrice: '' }] as LineDraft[] };
  @state() private pay = { invoiceId: '', mode: 'cheque', date: today(), amount: '', operationNumber: '' };
  @state() private disc = { invoiceId: '', date: today(), label: '', amount: '' };
  @state() private errors: Record<FormName, Record<string, string>> = { inv: {}, pay: {}, disc: {} };
  @state() private formMessage: Partial<Record<FormName, string>> = {};
  @state() private done = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('adminBilling.title');
  }

  private async load() {
    try {
      [this.families, this.attempts] = await Promise.all([api<FamilyBalance[]>('/api/admin/billing/families'), api<Attempt[]>('/api/admin/billing/payfip-attempts')]);
      if (this.familyId) this.detail = await api<FamilyDetail>(`/api/admin/billing/families/${encodeURIComponent(this.familyId)}`);
      this.offline = false;
    } catch (error) {
      if (error instanceof OfflineError) this.offline = true;
      else throw error;
    }
  }

  override render() {
    const families = this.families;
    return html`
      <p><a href="/admin">${t('admin.title')}</a></p>
      <h1>${t('adminBilling.title')}</h1>
      <div role="status">
        ${this.offline ? offlineNotice(t('adminBilling.offline'), () => void this.load()) : nothing}
        ${this.done ? html`<p class="notice success">${this.done}</p>` : nothing}
      </div>
      ${!families ? (this.offline ? nothing : html`<p>${t('common.loading')}</p>`) : html`${this.balances(families)} ${this.attemptList()} ${this.forms(families)}`}
    `;
  }

  private balances(families: FamilyBalance[]): TemplateResult {
    const due = families.filter((f) => f.dueCents > 0);
    return html`<section aria-labelledby="balances-title">
      <h2 id="balances-title">${t('adminBilling.balances')}</h2>
      ${due.length
        ? html`<table class="reflow">
            <caption class="visually-hidden">${t('adminBilling.balances')}</caption>
            <thead><tr><th scope="col">${t('adminBilling.col.family')}</th><th scope="col" class="money">${t('adminBilling.col.due')}</th><th scope="col" class="money">${t('adminBilling.col.unpaid')}</th></tr></thead>
            <tbody>
              ${due.map((f) => html`<tr>
                <td data-label=${t('adminBilling.col.family')}>${f.civility} ${f.firstName} ${f.lastName}</td>
                <td class="money" data-label=${t('adminBilling.col.due')}>${formatCents(f.dueCents)}</td>
                <td class="money" data-label=${t('adminBilling.col.unpaid')}>${f.unpaidInvoices}</td>
              </tr>`)}
            </tbody>
          </table>`
        : html`<p>${t('adminBilling.noBalances')}</p>`}
    </section>`;
  }

  private attemptList(): TemplateResult {
    const status = (a: Attempt) =>
      a.status === 'mismatch' ? t('adminBilling.status.mismatch', { problems: a.problems.join(' ; ') }) : t(`adminBilling.status.${a.status}` as MessageKey);
    return html`<section aria-labelledby="attempts-title">
      <h2 id="attempts-title">${t('adminBilling.attempts')}</h2>
      ${this.attempts.length
        ? html`<table class="reflow">
            <caption class="visually-hidden">${t('adminBilling.attempts')}</caption>
            <thead><tr>
              <th scope="col">${t('adminBilling.col.date')}</th><th scope="col">${t('adminBilling.col.family')}</th><th scope="col">${t('adminBilling.col.invoice')}</th>
              <th scope="col" class="money">${t('adminBilling.col.amount')}</th><th scope="col">${t('adminBilling.col.status')}</th><th scope="col">${t('adminBilling.col.numauto')}</th>
            </tr></thead>
            <tbody>
              ${this.attempts.map((a) => html`<tr>
                <td data-label=${t('adminBilling.col.date')}>${formatDateTime(a.createdAt)}</td>
                <td data-label=${t('adminBilling.col.family')}>${a.familyFirstName} ${a.familyLastName}</td>
                <td data-label=${t('adminBilling.col.invoice')}>${a.invoiceNumber}</td>
                <td class="money" data-label=${t('adminBilling.col.amount')}>${formatCents(a.amountCents)}</td>
                <td data-label=${t('adminBilling.col.status')}>${status(a)}</td>
                <td data-label=${t('adminBilling.col.numauto')}>${a.numauto ?? ''}</td>
              </tr>`)}
            </tbody>
          </table>`
        : html`<p>${t('adminBilling.noAttempts')}</p>`}
    </section>`;
  }

  private select(name: string, label: string, value: string, options: Array<[string, string]>, error: string | undefined, onChange: (v: string) => void): TemplateResult {
    return html`<div class="field">
      <label for=${name}>${label}<span aria-hidden="true"> *</span></label>
      ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : nothing}
      <select id=${name} name=${name} required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(error ? `${name}-error` : undefined)}
        .value=${live(value)} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        ${options.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
      </select>
    </div>`;
  }

  private forms(families: FamilyBalance[]): TemplateResult {
    const d = this.detail;
    const invoiceOptions: Array<[string, string]> = [['', t('adminBilling.chooseInvoice')], ...(d?.invoices ?? []).map((i) => [i.id, t('adminBilling.invoiceOption', { number: i.number, label: i.label, due: formatCents(Math.max(0, i.dueCents)) })] as [string, string])];
    const e = this.errors;
    return html`
      <section aria-labelledby="family-title">
        <h2 id="family-title">${t('adminBilling.family')}</h2>
        <form @submit=${(ev: Event) => ev.preventDefault()}>
          ${this.select('family', t('adminBilling.family'), this.familyId, [['', t('adminBilling.chooseFamily')], ...families.map((f) => [f.id, `${f.lastName} ${f.firstName}`] as [string, string])], undefined, (v) => void this._onFamily(v))}
          <p class="hint">${t('adminBilling.familyHint')}</p>
        </form>
      </section>
      ${d
        ? html`
            <section aria-labelledby="inv-title">
              <h2 id="inv-title">${t('adminBilling.createInvoice')}</h2>
              <form novalidate @submit=${this._onCreateInvoice}>
                ${this.summary('inv')}
                ${textField({ name: 'inv-schoolYear', label: t('adminBilling.schoolYear'), value: this.inv.schoolYear, required: true, error: e.inv.schoolYear, onInput: (_, v) => (this.inv = { ...this.inv, schoolYear: v }) })}
                ${textField({ name: 'inv-label', label: t('adminBilling.label'), value: this.inv.label, required: true, error: e.inv.label, onInput: (_, v) => (this.inv = { ...this.inv, label: v }) })}
                ${textField({ name: 'inv-date', label: t('adminBilling.date'), type: 'date', value: this.inv.date, required: true, error: e.inv.date, onInput: (_, v) => (this.inv = { ...this.inv, date: v }) })}
                ${textField({ name: 'inv-dueDate', label: t('adminBilling.dueDate'), type: 'date', value: this.inv.dueDate, required: true, error: e.inv.dueDate, onInput: (_, v) => (this.inv = { ...this.inv, dueDate: v }) })}
                ${this.inv.lines.map((l, i) => {
                  const n = i + 1;
                  const set = (patch: Partial<LineDraft>) => (this.inv = { ...this.inv, lines: this.inv.lines.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                  return html`<fieldset>
                    <legend>${t('adminBilling.lineLabel', { n })}</legend>
                    ${textField({ name: `inv-lines.${i}.label`, label: t('adminBilling.lineLabel', { n }), value: l.label, required: true, error: e.inv[`lines.${i}.label`], onInput: (_, v) => set({ label: v }) })}
                    ${textField({ name: `inv-lines.${i}.quantity`, label: t('adminBilling.lineQuantity', { n }), value: l.quantity, inputmode: 'numeric', required: true, error: e.inv[`lines.${i}.quantity`], onInput: (_, v) => set({ quantity: v }) })}
                    ${textField({ name: `inv-lines.${i}.unitPrice`, label: t('adminBilling.linePrice', { n }), value: l.unitPrice, inputmode: 'decimal', hint: t('adminBilling.amountHint'), required: true, error: e.inv[`lines.${i}.unitPrice`], onInput: (_, v) => set({ unitPrice: v }) })}
                    ${this.inv.lines.length > 1
                      ? html`<div><button type="button" class="secondary" @click=${() => (this.inv = { ...this.inv, lines: this.inv.lines.filter((_, j) => j !== i) })}>${t('adminBilling.removeLine', { n })}</button></div>`
                      : nothing}
                  </fieldset>`;
                })}
                <div class="actions">
                  <button type="button" class="secondary" @click=${() => (this.inv = { ...this.inv, lines: [...this.inv.lines, { label: '', quantity: '1', unitPrice: '' }] })}>${t('adminBilling.addLine')}</button>
                  <button type="submit">${t('adminBilling.submitInvoice')}</button>
                </div>
              </form>
            </section>
            <section aria-labelledby="pay-title">
              <h2 id="pay-title">${t('adminBilling.recordPayment')}</h2>
              <form novalidate @submit=${this._onRecordPayment}>
                ${this.summary('pay')}
                ${this.select('pay-invoiceId', t('adminBilling.invoiceField'), this.pay.invoiceId, invoiceOptions, e.pay.invoiceId, (v) => (this.pay = { ...this.pay, invoiceId: v }))}
                ${this.select('pay-mode', t('adminBilling.mode'), this.pay.mode, (['cheque', 'cash', 'direct_debit'] as const).map((m) => [m, paymentModeLabel(m)]), e.pay.mode, (v) => (this.pay = { ...this.pay, mode: v }))}
                ${textField({ name: 'pay-date', label: t('adminBilling.date'), type: 'date', value: this.pay.date, required: true, error: e.pay.date, onInput: (_, v) => (this.pay = { ...this.pay, date: v }) })}
                ${textField({ name: 'pay-amount', label: t('adminBilling.amount'), value: this.pay.amount, inputmode: 'decimal', hint: t('adminBilling.amountHint'), required: true, error: e.pay.amount, onInput: (_, v) => (this.pay = { ...this.pay, amount: v }) })}
                ${textField({ name: 'pay-operationNumber', label: t('adminBilling.operationNumber'), value: this.pay.operationNumber, error: e.pay.operationNumber, onInput: (_, v) => (this.pay = { ...this.pay, operationNumber: v }) })}
                <div class="actions"><button type="submit">${t('adminBilling.submitPayment')}</button></div>
              </form>
            </section>
            <section aria-labelledby="disc-title">
              <h2 id="disc-title">${t('adminBilling.recordDiscount')}</h2>
              <form novalidate @submit=${this._onRecordDiscount}>
                ${this.summary('disc')}
                ${this.select('disc-invoiceId', t('adminBilling.invoiceField'), this.disc.invoiceId, invoiceOptions, e.disc.invoiceId, (v) => (this.disc = { ...this.disc, invoiceId: v }))}
                ${textField({ name: 'disc-date', label: t('adminBilling.date'), type: 'date', value: this.disc.date, required: true, error: e.disc.date, onInput: (_, v) => (this.disc = { ...this.disc, date: v }) })}
                ${textField({ name: 'disc-label', label: t('adminBilling.reason'), value: this.disc.label, required: true, error: e.disc.label, onInput: (_, v) => (this.disc = { ...this.disc, label: v }) })}
                ${textField({ name: 'disc-amount', label: t('adminBilling.amount'), value: this.disc.amount, inputmode: 'decimal', hint: t('adminBilling.amountHint'), required: true, error: e.disc.amount, onInput: (_, v) => (this.disc = { ...this.disc, amount: v }) })}
                <div class="actions"><button type="submit">${t('adminBilling.submitDiscount')}</button></div>
              </form>
            </section>`
        : nothing}
    `;
  }

  private summary(form: FormName) {
    const items: SummaryItem[] = Object.entries(this.errors[form]).map(([field, message]) => ({ field: `${form}-${field}`, message }));
    return items.length || this.formMessage[form] ? errorSummary(items, this.shadowRoot, this.formMessage[form]) : nothing;
  }

  private async _onFamily(familyId: string) {
    this.familyId = familyId;
    this.detail = null;
    this.pay = { ...this.pay, invoiceId: '' };
    this.disc = { ...this.disc, invoiceId: '' };
    if (familyId) await this.load();
  }

  private async send(form: FormName, path: string, body: unknown, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, success: (r: never) => string) {
    this.done = '';
    // One error summary on the page at a time (its id is unique): the form just sent.
    this.errors = { inv: {}, pay: {}, disc: {} };
    this.formMessage = {};
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error!.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
      this.errors = { ...this.errors, [form]: fields };
      await focusErrorSummary(this);
      return false;
    }
    try {
      const created = await api<never>(path, { body });
      this.done = success(created);
      await this.load();
      return true;
    } catch (error) {
      if (error instanceof HttpError) {
        this.errors = { ...this.errors, [form]: error.body.error.fields ?? {} };
        this.formMessage = { ...this.formMessage, [form]: error.body.error.message };
        await focusErrorSummary(this);
      } else if (error instanceof OfflineError) {
        this.formMessage = { ...this.formMessage, [form]: t('common.offlineAction') };
        await focusErrorSummary(this);
      } else throw error;
      return false;
    }
  }

  private _onCreateInvoice = async (ev: Event) => {
    ev.preventDefault();
    const body = { familyId: this.familyId, ...this.inv };
    const ok = await this.send('inv', '/api/admin/billing/invoices', body, createInvoiceSchema, (r: { number: string; amountCents: number }) =>
      t('adminBilling.invoiceCreated', { number: r.number, amount: formatCents(r.amountCents) }));
    if (ok) this.inv = { ...this.inv, label: '', lines: [{ label: '', quantity: '1', unitPrice: '' }] };
  };

  private _onRecordPayment = async (ev: Event) => {
    ev.preventDefault();
    const number = this.detail?.invoices.find((i) => i.id === this.pay.invoiceId)?.number ?? '';
    const ok = await this.send('pay', '/api/admin/billing/payments', this.pay, deskPaymentSchema, (r: { amountCents: number }) =>
      t('adminBilling.paymentRecorded', { amount: formatCents(r.amountCents), number }));
    if (ok) this.pay = { ...this.pay, amount: '', operationNumber: '' };
  };

  private _onRecordDiscount = async (ev: Event) => {
    ev.preventDefault();
    const number = this.detail?.invoices.find((i) => i.id === this.disc.invoiceId)?.number ?? '';
    const ok = await this.send('disc', '/api/admin/billing/discounts', this.disc, discountSchema, (r: { amountCents: number }) =>
      t('adminBilling.discountRecorded', { amount: formatCents(r.amountCents), number }));
    if (ok) this.disc = { ...this.disc, label: '', amount: '' };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-billing-page': PoAdminBillingPage;
  }
}

import { css, html, nothing, type TemplateResult } from 'lit';
import type { z } from 'zod';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { createInvoiceSchema, deskPaymentSchema, discountSchema } from '../../../shared/billing-schemas.ts';
import { formatCents } from '../../../shared/money.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { deskPaymentFields, discountFields, invoiceFields, invoiceLineFields } from '../../../shared/fields/billing-fields.ts';
import type { FieldDescription } from '../../../shared/fields/field.ts';
import {
  createInvoice,
  fetchBillingFamilies,
  fetchBillingFamily,
  fetchPayFipAttempts,
  grantDiscount,
  recordDeskPayment,
  type BillingFamily,
  type FamilyBalance,
  type PayFipAttempt,
} from '../data/admin-billing.ts';
import { OfflineError } from '../../data/command-errors.ts';
import { textField } from '../../components/form-fields.ts';
import { PageElement } from '../../components/page-element.ts';
import { FormController, type FieldValue } from '../../forms/form-controller.ts';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages-fr.ts';
import { pageStyles } from '../../styles/shared-styles.ts';
import { paymentModeLabel } from '../../billing/pages/billing-labels.ts';
import { billingTableStyles } from '../../billing/pages/billing-table-styles.ts';
import { offlineNotice } from '../../components/offline-notice.ts';

// A type, not an interface: a form's values are records of strings.
type LineDraft = { label: string; quantity: string; unitPrice: string };
/** A desk payment's mode (the route's). */
type DeskMode = Parameters<typeof recordDeskPayment>[0]['mode'];
const newLine = (): LineDraft => ({ label: '', quantity: '1', unitPrice: '' });

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
  @state() private attempts: PayFipAttempt[] = [];
  @state() private offline = false;
  @state() private familyId = '';
  @state() private detail: BillingFamily | null = null;
  /** The three desk forms; the ids are prefixed so they stay unique on the page. */
  private readonly inv = new FormController(this, {
    name: 'billing-invoice',
    idPrefix: 'inv-',
    fields: ['schoolYear', 'label', 'date', 'dueDate'],
    // Each line's fields (`lines.0.label`): shown next to them, listed after the invoice's own.
    extraPaths: (path) => /^lines\.\d+\.(label|quantity|unitPrice)$/.test(path),
    initial: { schoolYear: schoolYearOf(new Date()), label: '', date: today(), dueDate: inAMonth(), lines: [newLine()] as readonly LineDraft[] },
  });
  private readonly pay = new FormController(this, {
    name: 'billing-payment',
    idPrefix: 'pay-',
    fields: ['invoiceId', 'mode', 'date', 'amount', 'operationNumber'],
    initial: { invoiceId: '', mode: 'cheque' as DeskMode, date: today(), amount: '', operationNumber: '' },
  });
  private readonly disc = new FormController(this, {
    name: 'billing-discount',
    idPrefix: 'disc-',
    fields: ['invoiceId', 'date', 'label', 'amount'],
    initial: { invoiceId: '', date: today(), label: '', amount: '' },
  });

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  protected pageTitle() {
    return t('adminBilling.title');
  }

  private async load() {
    try {
      [this.families, this.attempts] = await Promise.all([fetchBillingFamilies(), fetchPayFipAttempts()]);
      if (this.familyId) this.detail = await fetchBillingFamily(this.familyId);
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
        ${[this.inv, this.pay, this.disc].map((f) => (f.succeeded && f.announcement ? html`<p class="notice success">${f.announcement}</p>` : nothing))}
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
    const status = (a: PayFipAttempt) =>
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
    const { inv, pay, disc } = this;
    const lines = inv.values.lines;
    const setLines = (next: readonly LineDraft[]) => inv.set('lines', next);
    const amountHint = { hint: t('adminBilling.amountHint') };
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
                ${inv.renderSummary()}
                ${inv.textField(invoiceFields.schoolYear)}
                ${inv.textField(invoiceFields.label)}
                ${inv.textField(invoiceFields.date)}
                ${inv.textField(invoiceFields.dueDate)}
                ${lines.map((l, i) => {
                  const n = i + 1;
                  const set = (patch: Partial<LineDraft>) => setLines(lines.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                  const lineField = (f: FieldDescription & { name: keyof LineDraft }, extra: { hint?: string } = {}) =>
                    textField({
                      name: inv.fieldId(`lines.${i}.${f.name}`),
                      label: t(f.labelKey as MessageKey, { n }),
                      value: l[f.name],
                      inputmode: f.inputmode,
                      required: f.required,
                      error: inv.error(`lines.${i}.${f.name}`),
                      ...extra,
                      onInput: (_, v) => set({ [f.name]: v }),
                    });
                  return html`<fieldset>
                    <legend>${t('adminBilling.lineLabel', { n })}</legend>
                    ${lineField(invoiceLineFields.label)}
                    ${lineField(invoiceLineFields.quantity)}
                    ${lineField(invoiceLineFields.unitPrice, amountHint)}
                    ${lines.length > 1
                      ? html`<div><button type="button" class="secondary" @click=${() => setLines(lines.filter((_, j) => j !== i))}>${t('adminBilling.removeLine', { n })}</button></div>`
                      : nothing}
                  </fieldset>`;
                })}
                <div class="actions">
                  <button type="button" class="secondary" @click=${() => setLines([...lines, newLine()])}>${t('adminBilling.addLine')}</button>
                  <button type="submit">${t('adminBilling.submitInvoice')}</button>
                </div>
              </form>
            </section>
            <section aria-labelledby="pay-title">
              <h2 id="pay-title">${t('adminBilling.recordPayment')}</h2>
              <form novalidate @submit=${this._onRecordPayment}>
                ${pay.renderSummary()}
                ${this.select(pay.fieldId('invoiceId'), t('adminBilling.invoiceField'), pay.values.invoiceId, invoiceOptions, pay.error('invoiceId'), (v) => pay.set('invoiceId', v))}
                ${this.select(pay.fieldId('mode'), t('adminBilling.mode'), pay.values.mode, (['cheque', 'cash', 'direct_debit'] as const).map((m) => [m, paymentModeLabel(m)]), pay.error('mode'), (v) => pay.set('mode', v as DeskMode))}
                ${pay.textField(deskPaymentFields.date)}
                ${pay.textField(deskPaymentFields.amount, amountHint)}
                ${pay.textField(deskPaymentFields.operationNumber)}
                <div class="actions"><button type="submit">${t('adminBilling.submitPayment')}</button></div>
              </form>
            </section>
            <section aria-labelledby="disc-title">
              <h2 id="disc-title">${t('adminBilling.recordDiscount')}</h2>
              <form novalidate @submit=${this._onRecordDiscount}>
                ${disc.renderSummary()}
                ${this.select(disc.fieldId('invoiceId'), t('adminBilling.invoiceField'), disc.values.invoiceId, invoiceOptions, disc.error('invoiceId'), (v) => disc.set('invoiceId', v))}
                ${disc.textField(discountFields.date)}
                ${disc.textField(discountFields.label)}
                ${disc.textField(discountFields.amount, amountHint)}
                <div class="actions"><button type="submit">${t('adminBilling.submitDiscount')}</button></div>
              </form>
            </section>`
        : nothing}
    `;
  }

  private async _onFamily(familyId: string) {
    this.familyId = familyId;
    this.detail = null;
    this.pay.patch({ invoiceId: '' });
    this.disc.patch({ invoiceId: '' });
    if (familyId) await this.load();
  }

  /**
   * Validates one form with its shared schema and sends it; the success goes to the status line.
   * One error summary on the page at a time (its id is unique): the other forms' errors and the
   * last success are cleared first.
   */
  private async send<V extends Record<string, FieldValue>, B, R>(
    form: FormController<V>,
    schema: z.ZodType,
    body: B,
    command: (body: B) => Promise<R>,
    success: (r: R) => string,
  ) {
    for (const f of [this.inv, this.pay, this.disc]) f.announce('');
    if (!form.validate(schema, body)) return false;
    const sent = await form.submit(() => command(body));
    if (!sent.ok) return false;
    form.announce(success(sent.value), { success: true });
    await this.load();
    return true;
  }

  private _onCreateInvoice = async (ev: Event) => {
    ev.preventDefault();
    const body = { familyId: this.familyId, ...this.inv.values, lines: [...this.inv.values.lines] };
    const ok = await this.send(this.inv, createInvoiceSchema, body, createInvoice, (r) =>
      t('adminBilling.invoiceCreated', { number: r.number, amount: formatCents(r.amountCents) }));
    if (ok) this.inv.reset({ ...this.inv.values, label: '', lines: [newLine()] });
  };

  private _onRecordPayment = async (ev: Event) => {
    ev.preventDefault();
    const number = this.detail?.invoices.find((i) => i.id === this.pay.values.invoiceId)?.number ?? '';
    const ok = await this.send(this.pay, deskPaymentSchema, this.pay.values, recordDeskPayment, (r) =>
      t('adminBilling.paymentRecorded', { amount: formatCents(r.amountCents), number }));
    if (ok) this.pay.reset({ ...this.pay.values, amount: '', operationNumber: '' });
  };

  private _onRecordDiscount = async (ev: Event) => {
    ev.preventDefault();
    const number = this.detail?.invoices.find((i) => i.id === this.disc.values.invoiceId)?.number ?? '';
    const ok = await this.send(this.disc, discountSchema, this.disc.values, grantDiscount, (r) =>
      t('adminBilling.discountRecorded', { amount: formatCents(r.amountCents), number }));
    if (ok) this.disc.reset({ ...this.disc.values, label: '', amount: '' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'po-admin-billing-page': PoAdminBillingPage;
  }
}

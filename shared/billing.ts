/** What an invoice still asks for: its amount less the payments and discounts attached to it. */
export interface InvoiceLike {
  id: string;
  amountCents: number;
}
export interface CreditLike {
  invoiceId: string | null;
  amountCents: number;
}

export function invoiceBalanceCents(invoice: InvoiceLike, payments: CreditLike[], discounts: CreditLike[]): number {
  const paid = payments.filter((p) => p.invoiceId === invoice.id).reduce((sum, p) => sum + p.amountCents, 0);
  const discounted = discounts.filter((d) => d.invoiceId === invoice.id).reduce((sum, d) => sum + d.amountCents, 0);
  return invoice.amountCents - paid - discounted;
}

/** The amount due: what every invoice still asks for (overpayments do not offset other invoices). */
export function amountDueCents(invoices: InvoiceLike[], payments: CreditLike[], discounts: CreditLike[]): number {
  return invoices.reduce((sum, inv) => sum + Math.max(0, invoiceBalanceCents(inv, payments, discounts)), 0);
}

/* ---------------------------------------------------------------------------------------------
 * The billing statement of one school year, as the old extranet's "Facturation cotisations" tab
 * shows it: one row per invoice (Débit), payment (Crédit) and discount (Remise), then the totals.
 * Pure, so the page, the PDFs and the tests compute it the same way.
 * ------------------------------------------------------------------------------------------- */

export interface StatementInvoice extends InvoiceLike {
  number: string;
  date: string;
  schoolYear: string;
  label: string;
}
export interface StatementPayment extends CreditLike {
  id: string;
  date: string;
  mode: string;
  operationNumber: string;
  label: string;
  schoolYear: string;
}
export interface StatementDiscount extends CreditLike {
  id: string;
  date: string;
  label: string;
  schoolYear: string;
}

export interface StatementRow {
  kind: 'invoice' | 'payment' | 'discount';
  id: string;
  /** The invoice the row belongs to (its own id for an invoice row). */
  invoiceId: string | null;
  date: string;
  /** Payment mode ('payfip', 'cheque', 'cash', 'direct_debit'), empty for invoices and discounts. */
  mode: string;
  /** "Numéro d'opération": the invoice number, or the payment's operation number. */
  operationNumber: string;
  label: string;
  debitCents: number;
  creditCents: number;
  discountCents: number;
}

export interface YearStatement {
  schoolYear: string;
  rows: StatementRow[];
  /** "Montant total facturé". */
  totalInvoicedCents: number;
  /** "Montant total réglé": payments only (discounts are shown apart, in "Remise"). */
  totalPaidCents: number;
  totalDiscountCents: number;
  /** "Solde": paid + discounts − invoiced; negative while something is owed. */
  balanceCents: number;
  /** "Montant à payer": what the year's invoices still ask for (never negative). */
  amountDueCents: number;
}

/** One statement per school year that has any billing record, the most recent year first. */
export function yearStatements(
  invoices: StatementInvoice[],
  payments: StatementPayment[],
  discounts: StatementDiscount[],
): YearStatement[] {
  const years = new Set<string>([...invoices, ...payments, ...discounts].map((r) => r.schoolYear));
  return [...years].sort((a, b) => b.localeCompare(a)).map((year) => yearStatement(year, invoices, payments, discounts));
}

export function yearStatement(
  schoolYear: string,
  allInvoices: StatementInvoice[],
  allPayments: StatementPayment[],
  allDiscounts: StatementDiscount[],
): YearStatement {
  const invoices = allInvoices.filter((i) => i.schoolYear === schoolYear);
  const payments = allPayments.filter((p) => p.schoolYear === schoolYear);
  const discounts = allDiscounts.filter((d) => d.schoolYear === schoolYear);
  const order = { invoice: 0, discount: 1, payment: 2 } as const;
  const rows: StatementRow[] = [
    ...invoices.map((i) => ({
      kind: 'invoice' as const, id: i.id, invoiceId: i.id, date: i.date, mode: '', operationNumber: i.number,
      label: i.label, debitCents: i.amountCents, creditCents: 0, discountCents: 0,
    })),
    ...payments.map((p) => ({
      kind: 'payment' as const, id: p.id, invoiceId: p.invoiceId, date: p.date, mode: p.mode, operationNumber: p.operationNumber,
      label: p.label, debitCents: 0, creditCents: p.amountCents, discountCents: 0,
    })),
    ...discounts.map((d) => ({
      kind: 'discount' as const, id: d.id, invoiceId: d.invoiceId, date: d.date, mode: '', operationNumber: '',
      label: d.label, debitCents: 0, creditCents: 0, discountCents: d.amountCents,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const totalInvoicedCents = sum(invoices.map((i) => i.amountCents));
  const totalPaidCents = sum(payments.map((p) => p.amountCents));
  const totalDiscountCents = sum(discounts.map((d) => d.amountCents));
  return {
    schoolYear,
    rows,
    totalInvoicedCents,
    totalPaidCents,
    totalDiscountCents,
    balanceCents: totalPaidCents + totalDiscountCents - totalInvoicedCents,
    amountDueCents: amountDueCents(invoices, allPayments, allDiscounts),
  };
}

/** Invoices that still ask for something, with what they ask for (the "Paiement en ligne" buttons). */
export function unpaidInvoices<T extends InvoiceLike>(invoices: T[], payments: CreditLike[], discounts: CreditLike[]): Array<{ invoice: T; dueCents: number }> {
  return invoices
    .map((invoice) => ({ invoice, dueCents: invoiceBalanceCents(invoice, payments, discounts) }))
    .filter((u) => u.dueCents > 0);
}

/** The payment modes recorded at the desk (the fourth, 'payfip', is the online payment). */
export const DESK_PAYMENT_MODES = ['cheque', 'cash', 'direct_debit'] as const;

/**
 * PayFiP attempt statuses (docs/payfip.md): pending until resultrans is known; 'expired' when the
 * idOp expired and PayFiP still knows no result (P5) or no longer knows the idOp (P1).
 */
/**
 * PayFiP refuses a payment below 1,00 €: such an amount is paid at the desk. Here, not beside the
 * PayFiP schemas, so the family's billing pages read it without loading zod and its schemas.
 */
export const PAYFIP_MIN_CENTS = 100;

export const PAYFIP_STATUSES = ['pending', 'paid', 'refused', 'abandoned', 'mismatch', 'error', 'expired'] as const;
export type PayfipStatus = (typeof PAYFIP_STATUSES)[number];

/** The status an attempt takes from PayFiP's resultrans (P, V paid; R, Z refused; A abandoned). */
export function statusOfResultrans(resultrans: string): PayfipStatus | null {
  if (resultrans === 'P' || resultrans === 'V') return 'paid';
  if (resultrans === 'R' || resultrans === 'Z') return 'refused';
  if (resultrans === 'A') return 'abandoned';
  return null;
}

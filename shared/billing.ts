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

import type { BillingPdfData } from '../pdf/billing-pdf.ts';
import { db } from '../../data/db.ts';

/** Everything the family's billing screen reads: invoices, payments, discounts, PayFiP attempts. */
export async function familyBilling() {
  const [invoices, payments, discounts, attempts] = await Promise.all([
    db.invoices.toArray(),
    db.payments.toArray(),
    db.discounts.toArray(),
    db.payfipAttempts.toArray(),
  ]);
  return { invoices, payments, discounts, attempts };
}

/** One invoice with its lines, payments, discounts, family and site (the screen and its PDFs); null if unknown. */
export async function invoiceSheet(invoiceId: string): Promise<BillingPdfData | null> {
  const invoice = await db.invoices.get(invoiceId);
  if (!invoice) return null;
  const [lines, payments, discounts, family, sites] = await Promise.all([
    db.invoiceLines.where('invoiceId').equals(invoice.id).sortBy('position'),
    db.payments.where('invoiceId').equals(invoice.id).sortBy('date'),
    db.discounts.where('invoiceId').equals(invoice.id).sortBy('date'),
    db.families.get(invoice.familyId),
    db.sites.toArray(),
  ]);
  return { invoice, lines, payments, discounts, family, site: sites.find((s) => s.id === family?.siteId) ?? sites[0] };
}

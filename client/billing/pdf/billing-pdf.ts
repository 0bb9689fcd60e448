import { invoiceBalanceCents } from '../../../shared/billing.ts';
import type { Discount, Family, Invoice, InvoiceLine, Payment, Site } from '../../data/records.ts';
import { tFr as t } from '../../i18n/i18n.ts';
import { date, footer, header, MARGIN, money, newDocument, paymentModeFr, RIGHT, text, type PdfFile } from './pdf-drawing.ts';

export { downloadFile, type PdfFile } from './pdf-drawing.ts';

/**
 * The invoice and the payment receipt as PDFs, drawn by jsPDF from the device's data (so they
 * work offline). This module is only ever loaded by a dynamic import() when a PDF is asked for:
 * jsPDF stays out of the first load. Title, language and author are set; the text is real text
 * (not an image), with amounts whose spaces the built-in fonts can draw (pdf-drawing.ts).
 */
export interface BillingPdfData {
  site: Site | undefined;
  family: Family | undefined;
  invoice: Invoice;
  lines: InvoiceLine[];
  payments: Payment[];
  discounts: Discount[];
}

const KEYWORDS = 'facture, reçu, cotisation';

export function invoicePdf(d: BillingPdfData): PdfFile {
  const inv = d.invoice;
  const doc = newDocument(t('pdf.invoiceTitle', { number: inv.number }), t('pdf.subjectInvoice'), d.site, KEYWORDS);
  let y = header(doc, d.site, d.family, t('pdf.billedTo'));

  doc.setFontSize(16).setFont('helvetica', 'bold').text(text(t('pdf.invoiceNumber', { number: inv.number })), MARGIN, y);
  doc.setFontSize(10).setFont('helvetica', 'normal');
  y += 7;
  doc.text(text(inv.label), MARGIN, y);
  y += 5;
  doc.text(text(t('pdf.date', { date: date(inv.date) })), MARGIN, y);
  doc.text(text(t('pdf.dueDate', { date: date(inv.dueDate) })), 80, y);
  doc.text(text(t('pdf.schoolYear', { year: inv.schoolYear })), 135, y);
  y += 10;

  // Lines: label (wrapped), quantity, unit price, amount.
  doc.setFont('helvetica', 'bold');
  doc.text(text(t('invoice.col.label')), MARGIN, y);
  doc.text(text(t('invoice.col.quantity')), 128, y, { align: 'right' });
  doc.text(text(t('invoice.col.unit')), 158, y, { align: 'right' });
  doc.text(text(t('invoice.col.amount')), RIGHT, y, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  doc.line(MARGIN, y + 2, RIGHT, y + 2);
  y += 7;
  for (const line of [...d.lines].sort((a, b) => a.position - b.position)) {
    const wrapped = doc.splitTextToSize(text(line.label), 95) as string[];
    doc.text(wrapped, MARGIN, y);
    doc.text(String(line.quantity), 128, y, { align: 'right' });
    doc.text(money(line.unitCents), 158, y, { align: 'right' });
    doc.text(money(line.amountCents), RIGHT, y, { align: 'right' });
    y += 5 * wrapped.length + 2;
  }
  doc.line(MARGIN, y - 3, RIGHT, y - 3);
  y += 3;
  const paid = d.payments.filter((p) => p.invoiceId === inv.id).reduce((s, p) => s + p.amountCents, 0);
  const discounted = d.discounts.filter((x) => x.invoiceId === inv.id).reduce((s, x) => s + x.amountCents, 0);
  const remaining = Math.max(0, invoiceBalanceCents(inv, d.payments, d.discounts));
  doc.setFont('helvetica', 'bold').text(text(t('pdf.total', { amount: money(inv.amountCents) })), RIGHT, y, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  if (discounted) doc.text(text(t('pdf.discounts', { amount: money(discounted) })), RIGHT, (y += 6), { align: 'right' });
  doc.text(text(t('pdf.paid', { amount: money(paid) })), RIGHT, (y += 6), { align: 'right' });
  doc.setFont('helvetica', 'bold').text(text(t('pdf.remaining', { amount: money(remaining) })), RIGHT, (y += 6), { align: 'right' });
  footer(doc);
  return { blob: doc.output('blob'), fileName: `facture-${inv.number}.pdf` };
}

export function receiptPdf(d: BillingPdfData, paymentId: string): PdfFile {
  const inv = d.invoice;
  const p = d.payments.find((x) => x.id === paymentId);
  if (!p) throw new Error('payment not found');
  const doc = newDocument(t('pdf.receiptTitle', { number: inv.number }), t('pdf.subjectReceipt'), d.site, KEYWORDS);
  let y = header(doc, d.site, d.family, t('pdf.receivedFrom'));
  doc.setFontSize(16).setFont('helvetica', 'bold').text(text(t('pdf.receiptTitle', { number: inv.number })), MARGIN, y);
  doc.setFontSize(11).setFont('helvetica', 'normal');
  y += 10;
  const sentence = doc.splitTextToSize(text(t('pdf.receiptText', { amount: money(p.amountCents), number: inv.number, date: date(inv.date) })), RIGHT - MARGIN) as string[];
  doc.text(sentence, MARGIN, y);
  y += 6 * sentence.length + 4;
  const mode = paymentModeFr(p.mode);
  for (const line of [
    t('pdf.paymentDate', { date: date(p.date) }),
    t('pdf.paymentMode', { mode }),
    ...(p.operationNumber ? [t('pdf.operation', { number: p.operationNumber })] : []),
    p.label,
    t('pdf.schoolYear', { year: inv.schoolYear }),
  ]) {
    doc.text(text(line), MARGIN, y);
    y += 6;
  }
  y += 4;
  doc.setFont('helvetica', 'bold').text(text(t('pdf.remaining', { amount: money(Math.max(0, invoiceBalanceCents(inv, d.payments, d.discounts))) })), MARGIN, y);
  footer(doc);
  return { blob: doc.output('blob'), fileName: `recu-${inv.number}-${p.date}.pdf` };
}

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { amountDueCents, invoiceBalanceCents, statusOfResultrans, unpaidInvoices, yearStatement, yearStatements } from '../../shared/billing.ts';
import { createInvoiceSchema, deskPaymentSchema, discountSchema, parseEurosToCents } from '../../shared/billing-schemas.ts';
import { formatCents } from '../../shared/money.ts';

const inv = (id: string, amountCents: number, schoolYear = '2026/2027', date = '2026-10-05') => ({ id, number: `FACT2026${id}`, date, schoolYear, label: `Cotisation ${id}`, amountCents });
const pay = (id: string, invoiceId: string | null, amountCents: number, schoolYear = '2026/2027', date = '2026-11-01') => ({ id, invoiceId, amountCents, schoolYear, date, mode: 'cheque', operationNumber: `CHQ${id}`, label: 'Chèque' });
const disc = (id: string, invoiceId: string | null, amountCents: number, schoolYear = '2026/2027', date = '2026-10-05') => ({ id, invoiceId, amountCents, schoolYear, date, label: 'Remise' });

describe('billing totals and balances', () => {
  test('an invoice less a partial payment and a discount', () => {
    const invoices = [inv('0412', 22700)];
    const payments = [pay('p1', '0412', 10000)];
    const discounts = [disc('d1', '0412', 3000)];
    assert.equal(invoiceBalanceCents(invoices[0], payments, discounts), 9700);
    assert.equal(amountDueCents(invoices, payments, discounts), 9700);
    const s = yearStatement('2026/2027', invoices, payments, discounts);
    assert.equal(s.totalInvoicedCents, 22700);
    assert.equal(s.totalPaidCents, 10000);
    assert.equal(s.totalDiscountCents, 3000);
    assert.equal(s.balanceCents, -9700);
    assert.equal(s.amountDueCents, 9700);
    assert.deepEqual(s.rows.map((r) => [r.kind, r.debitCents, r.creditCents, r.discountCents]), [
      ['invoice', 22700, 0, 0],
      ['discount', 0, 0, 3000],
      ['payment', 0, 10000, 0],
    ]);
    assert.equal(s.rows[0].operationNumber, 'FACT20260412');
  });

  test('an overpaid invoice does not offset another one', () => {
    const invoices = [inv('a', 5000), inv('b', 8000)];
    const payments = [pay('p1', 'a', 7000)];
    assert.equal(amountDueCents(invoices, payments, []), 8000);
    const s = yearStatement('2026/2027', invoices, payments, []);
    assert.equal(s.balanceCents, -6000);
    assert.equal(s.amountDueCents, 8000);
    assert.deepEqual(unpaidInvoices(invoices, payments, []).map((u) => [u.invoice.id, u.dueCents]), [['b', 8000]]);
  });

  test('a settled year: balance zero shown as 0,00 €, never -0,00 €', () => {
    const s = yearStatement('2026/2027', [inv('a', 18400)], [pay('p', 'a', 15400)], [disc('d', 'a', 3000)]);
    assert.equal(s.balanceCents, 0);
    assert.equal(s.amountDueCents, 0);
    assert.equal(formatCents(s.balanceCents).replace(/\s/g, ' '), '0,00 €');
    assert.equal(formatCents(-0).includes('-'), false);
  });

  test('one statement per school year, the most recent first; rows stay in their year', () => {
    const invoices = [inv('old', 17300, '2025/2026', '2025-10-15'), inv('new', 18400)];
    const payments = [pay('p-old', 'old', 17300, '2025/2026', '2025-10-28')];
    const years = yearStatements(invoices, payments, []);
    assert.deepEqual(years.map((y) => y.schoolYear), ['2026/2027', '2025/2026']);
    assert.equal(years[0].amountDueCents, 18400);
    assert.equal(years[1].amountDueCents, 0);
    assert.equal(years[1].rows.length, 2);
  });

  test('resultrans → attempt status', () => {
    assert.equal(statusOfResultrans('P'), 'paid');
    assert.equal(statusOfResultrans('V'), 'paid');
    assert.equal(statusOfResultrans('R'), 'refused');
    assert.equal(statusOfResultrans('Z'), 'refused');
    assert.equal(statusOfResultrans('A'), 'abandoned');
    assert.equal(statusOfResultrans('X'), null);
  });
});

describe('amounts typed by the secretariat', () => {
  test('euros to cents', () => {
    assert.equal(parseEurosToCents('184'), 18400);
    assert.equal(parseEurosToCents('184,5'), 18450);
    assert.equal(parseEurosToCents('1 234,56 €'), 123456);
    assert.equal(parseEurosToCents('12.05'), 1205);
    assert.equal(parseEurosToCents('12,345'), null);
    assert.equal(parseEurosToCents('-3'), null);
    assert.equal(parseEurosToCents('abc'), null);
  });

  test('desk payment and discount schemas: French messages per field', () => {
    const bad = deskPaymentSchema.safeParse({ invoiceId: '', mode: 'carte', date: '2026-13-40', amount: '0' });
    assert.equal(bad.success, false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    assert.match(fields.invoiceId, /Facture/);
    assert.match(fields.mode, /chèque, espèces ou prélèvement/);
    assert.match(fields.date, /date/);
    assert.match(fields.amount, /compris entre/);
    const ok = deskPaymentSchema.parse({ invoiceId: 'x', mode: 'cheque', date: '2026-11-28', amount: '50,00', operationNumber: '123' });
    assert.equal(ok.amount, 5000);
    assert.equal(discountSchema.parse({ invoiceId: 'x', date: '2026-11-28', label: 'Famille nombreuse', amount: '30' }).amount, 3000);
  });

  test('invoice schema: lines, school year, due date after the date', () => {
    const ok = createInvoiceSchema.parse({
      familyId: 'f', schoolYear: '2026/2027', label: 'Cotisation', date: '2026-11-28', dueDate: '2026-12-28',
      lines: [{ label: 'Piano', quantity: '2', unitPrice: '62,00' }],
    });
    assert.equal(ok.lines[0].unitPrice, 6200);
    assert.equal(ok.lines[0].quantity, 2);
    const bad = createInvoiceSchema.safeParse({ familyId: 'f', schoolYear: '2026/2028', label: '', date: '2026-11-28', dueDate: '2026-11-01', lines: [] });
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    assert.ok(paths.includes('schoolYear') && paths.includes('label') && paths.includes('lines'));
  });
});

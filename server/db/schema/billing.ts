import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PayfipStatus } from '../../../shared/billing.ts';
import { createdAt, id, version } from './columns.ts';
import { family } from './people.ts';

/** Money is integer cents everywhere. */
export const invoice = sqliteTable(
  'invoice',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    number: text('number').notNull().unique(),
    date: text('date').notNull(),
    dueDate: text('due_date').notNull(),
    schoolYear: text('school_year').notNull(),
    label: text('label').notNull(),
    amountCents: integer('amount_cents').notNull(),
    version: version(),
  },
  (t) => [index('invoice_family_idx').on(t.familyId)],
);

export const invoiceLine = sqliteTable(
  'invoice_line',
  {
    id: id(),
    invoiceId: text('invoice_id').notNull().references(() => invoice.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    studentId: text('student_id'),
    quantity: integer('quantity').notNull().default(1),
    unitCents: integer('unit_cents').notNull(),
    amountCents: integer('amount_cents').notNull(),
    version: version(),
  },
  (t) => [index('invoice_line_invoice_idx').on(t.invoiceId)],
);

/** mode: 'payfip' | 'cheque' | 'cash' | 'direct_debit'. */
export const payment = sqliteTable(
  'payment',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    invoiceId: text('invoice_id').references(() => invoice.id),
    date: text('date').notNull(),
    mode: text('mode').notNull(),
    operationNumber: text('operation_number').notNull().default(''),
    label: text('label').notNull().default(''),
    amountCents: integer('amount_cents').notNull(),
    schoolYear: text('school_year').notNull(),
    version: version(),
  },
  // By invoice: an invoice's balance (the desk's list, a desk payment's check, PayFiP) sums its payments.
  (t) => [index('payment_family_idx').on(t.familyId), index('payment_invoice_idx').on(t.invoiceId)],
);

export const discount = sqliteTable(
  'discount',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    invoiceId: text('invoice_id').references(() => invoice.id),
    date: text('date').notNull(),
    label: text('label').notNull(),
    amountCents: integer('amount_cents').notNull(),
    schoolYear: text('school_year').notNull(),
    version: version(),
  },
  (t) => [index('discount_family_idx').on(t.familyId), index('discount_invoice_idx').on(t.invoiceId)],
);

/**
 * One PayFiP transaction attempt (docs/payfip.md): status 'pending' until resultrans is known,
 * then 'paid' (P/V), 'refused' (R/Z), 'abandoned' (A) or 'mismatch'.
 */
export const payfipAttempt = sqliteTable(
  'payfip_attempt',
  {
    id: id(),
    invoiceId: text('invoice_id').notNull().references(() => invoice.id),
    familyId: text('family_id').notNull().references(() => family.id),
    idOp: text('id_op').unique(),
    amountCents: integer('amount_cents').notNull(),
    status: text('status').notNull().default('pending').$type<PayfipStatus>(),
    resultrans: text('resultrans'),
    numauto: text('numauto'),
    paidAt: text('paid_at'),
    paymentId: text('payment_id'),
    createdAt: createdAt(),
    expiresAt: text('expires_at').notNull(),
    version: version(),
  },
  (t) => [
    index('payfip_attempt_invoice_idx').on(t.invoiceId),
    index('payfip_attempt_status_idx').on(t.status),
    // A family's pull reads its attempts (docs/performance.md: it scanned them all).
    index('payfip_attempt_family_idx').on(t.familyId),
  ],
);

import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { writeTransaction } from '../db/write-transaction.ts';
import { Hono } from 'hono';
import { invoiceBalanceCents } from '../../shared/billing.ts';
import { createInvoiceSchema, deskPaymentSchema, discountSchema } from '../../shared/billing-schemas.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, discount, family, invoice, invoiceLine, payfipAttempt, payment, student } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { AppEnv, SessionUser } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { validateJson } from '../http/validate.ts';
import { invoiceDue, openPayfipAttempt, parisTime } from '../payfip/payments.ts';
import { compareFr } from '../../shared/french-order.ts';

const DESK_LABELS = { cheque: 'Chèque', cash: 'Espèces', direct_debit: 'Prélèvement' } as const;

/**
 * What each family of the site still owes, summed in SQL: an invoice's balance is its amount less
 * its payments and discounts (shared/billing.ts's invoiceBalanceCents), an overpaid invoice counts
 * nothing and offsets no other. Loading the site's ~27,000 invoices to sum them in JavaScript took
 * 5.6 s at size (docs/performance.md).
 */
async function siteBalances(db: Db, siteId: string): Promise<Array<{ familyId: string; dueCents: number; unpaidInvoices: number }>> {
  const credited = (table: typeof payment | typeof discount) =>
    sql`coalesce((select sum(${table.amountCents}) from ${table} where ${table.invoiceId} = ${invoice.id}), 0)`;
  // MATERIALIZED: flattened, SQLite copied the balance into both aggregates and ran each credit
  // lookup twice an invoice (0.6 s at size; once: a tenth of that).
  const rows = await db.all<{ familyId: string; dueCents: number; unpaidInvoices: number }>(sql`
    with per_invoice as materialized (
      select ${invoice.familyId} as family_id, ${invoice.amountCents} - ${credited(payment)} - ${credited(discount)} as due
      from ${invoice} join ${family} on ${family.id} = ${invoice.familyId}
      where ${family.siteId} = ${siteId}
    )
    select family_id as familyId, sum(max(0, due)) as dueCents, count(case when due > 0 then 1 end) as unpaidInvoices
    from per_invoice group by family_id`);
  return rows.map((r) => ({ familyId: r.familyId, dueCents: Number(r.dueCents), unpaidInvoices: Number(r.unpaidInvoices) }));
}

/** The family's invoices (if it is one of the site's) with what each still asks for. */
async function siteInvoices(db: Db | Tx, siteId: string, familyId: string) {
  const families = await db.select().from(family).where(and(eq(family.siteId, siteId), eq(family.id, familyId)));
  const familyIds = families.map((f) => f.id);
  if (!familyIds.length) return { families, invoices: [] };
  const [invoices, payments, discounts] = await Promise.all([
    db.select().from(invoice).where(inArray(invoice.familyId, familyIds)).orderBy(desc(invoice.date)),
    db.select({ invoiceId: payment.invoiceId, amountCents: payment.amountCents }).from(payment).where(inArray(payment.familyId, familyIds)),
    db.select({ invoiceId: discount.invoiceId, amountCents: discount.amountCents }).from(discount).where(inArray(discount.familyId, familyIds)),
  ]);
  // Credits grouped by invoice once: each invoice searching every credit of the site was quadratic
  // (40,000 invoices: 40 s, docs/performance.md).
  const creditsOf = new Map<string | null, { payments: typeof payments; discounts: typeof discounts }>();
  const credits = (id: string | null) => creditsOf.get(id) ?? creditsOf.set(id, { payments: [], discounts: [] }).get(id)!;
  for (const p of payments) credits(p.invoiceId).payments.push(p);
  for (const d of discounts) credits(d.invoiceId).discounts.push(d);
  const none = { payments: [], discounts: [] };
  return {
    families,
    invoices: invoices.map((i) => {
      const own = creditsOf.get(i.id) ?? none;
      return { ...i, dueCents: invoiceBalanceCents(i, own.payments, own.discounts) };
    }),
  };
}

/** The invoice, if it belongs to a family of the secretariat's site (else 404, never the record). */
async function siteInvoice(db: Db | Tx, siteId: string, invoiceId: string) {
  const [row] = await db
    .select({ invoice, siteId: family.siteId })
    .from(invoice)
    .innerJoin(family, eq(family.id, invoice.familyId))
    .where(and(eq(invoice.id, invoiceId), eq(family.siteId, siteId)));
  if (!row) throw notFound('Facture');
  return row.invoice;
}

/**
 * No desk payment or discount while an online payment is open (page valid, or its result not
 * known yet): the family could pay, or have paid, the old amount there.
 */
async function refuseWhilePayfipOpen(tx: Tx, invoiceId: string) {
  const open = await openPayfipAttempt(tx, invoiceId);
  if (!open) return;
  throw new ApiError(
    409,
    'payfip_open',
    open.pageOpen
      ? `La famille a une page de paiement en ligne ouverte pour cette facture. Réessayez après ${parisTime(new Date(open.attempt.expiresAt).getTime())}, quand elle aura expiré ou abouti.`
      : `Le résultat d’un paiement en ligne de cette facture n’est pas encore connu. Réessayez après ${parisTime(open.until)}.`,
  );
}

type Invoice = Awaited<ReturnType<typeof siteInvoice>>;

/**
 * A desk payment or a discount: set against one invoice of the site, never above what it still
 * asks for nor while an online payment is open, and written with its audit row in one transaction.
 */
async function creditInvoice<R extends { id: string; familyId: string }>(
  db: Db,
  actor: SessionUser,
  invoiceId: string,
  amount: number,
  write: (tx: Tx, inv: Invoice, version: number) => Promise<{ row: R; action: string; kind: string; details: Record<string, unknown> }>,
): Promise<R> {
  const inv = await siteInvoice(db, actor.siteId, invoiceId);
  return writeTransaction(db, async (tx) => {
    await refuseWhilePayfipOpen(tx, inv.id);
    const due = await invoiceDue(tx, inv);
    if (amount > due) throw tooMuch(due);
    const { row, action, kind, details } = await write(tx, inv, await nextVersion(tx));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action, targetKind: kind, targetId: row.id, familyId: row.familyId, siteId: actor.siteId, details });
    return row;
  });
}

const tooMuch = (due: number) =>
  new ApiError(422, 'validation', 'Certains champs sont à corriger.', {
    amount: `Le montant dépasse ce que la facture demande encore (${(due / 100).toFixed(2).replace('.', ',')} €).`,
  });

/**
 * The secretariat's billing API (/api/admin/billing): invoices, desk payments, discounts, PayFiP
 * attempts and balances due, all limited to its site and written to the audit log.
 */
export const adminBillingRoutes = new Hono<AppEnv>()
  .get('/families', async (c) => {
    const siteId = c.var.user.siteId;
    const [families, balances] = await Promise.all([
      c.var.deps.db.select({ id: family.id, civility: family.civility, lastName: family.lastName, firstName: family.firstName }).from(family).where(eq(family.siteId, siteId)),
      siteBalances(c.var.deps.db, siteId),
    ]);
    const balanceOf = new Map(balances.map((b) => [b.familyId, b]));
    const rows = families
      .map((f) => ({ ...f, dueCents: balanceOf.get(f.id)?.dueCents ?? 0, unpaidInvoices: balanceOf.get(f.id)?.unpaidInvoices ?? 0 }))
      .sort((a, b) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName));
    return sendJson(c, rows, 200);
  })
  .get('/families/:id', async (c) => {
    const { db } = c.var.deps;
    const { families, invoices } = await siteInvoices(db, c.var.user.siteId, c.req.param('id'));
    if (!families.length) throw notFound('Famille');
    const students = await db.select({ id: student.id, firstName: student.firstName, lastName: student.lastName }).from(student).where(eq(student.familyId, families[0].id));
    return sendJson(c, { family: families[0], students, invoices }, 200);
  })
  .post('/invoices', validateJson(createInvoiceSchema), async (c) => {
    const { db } = c.var.deps;
    const input = c.req.valid('json');
    const siteId = c.var.user.siteId;
    const [fam] = await db.select({ id: family.id }).from(family).where(and(eq(family.id, input.familyId), eq(family.siteId, siteId)));
    if (!fam) throw notFound('Famille');
    if (input.lines.some((l) => l.studentId)) {
      const ids = (await db.select({ id: student.id }).from(student).where(eq(student.familyId, fam.id))).map((s) => s.id);
      const bad = input.lines.findIndex((l) => l.studentId && !ids.includes(l.studentId));
      if (bad >= 0) throw new ApiError(422, 'validation', 'Certains champs sont à corriger.', { [`lines.${bad}.studentId`]: 'Cet élève n’appartient pas à la famille.' });
    }
    const created = await writeTransaction(db, async (tx) => {
      const version = await nextVersion(tx);
      const prefix = `FACT${input.schoolYear.slice(0, 4)}`;
      const existing = await tx.select({ number: invoice.number }).from(invoice).where(like(invoice.number, `${prefix}%`));
      const serial = existing.reduce((max, r) => Math.max(max, Number(r.number.slice(prefix.length)) || 0), 0) + 1;
      const number = `${prefix}${String(serial).padStart(4, '0')}`;
      const id = crypto.randomUUID();
      const lines = input.lines.map((l, i) => ({
        id: crypto.randomUUID(), invoiceId: id, position: i + 1, label: l.label, studentId: l.studentId, quantity: l.quantity,
        unitCents: l.unitPrice, amountCents: l.unitPrice * l.quantity, version,
      }));
      const row = {
        id, familyId: fam.id, number, date: input.date, dueDate: input.dueDate, schoolYear: input.schoolYear, label: input.label,
        amountCents: lines.reduce((s, l) => s + l.amountCents, 0), version,
      };
      await tx.insert(invoice).values(row);
      await tx.insert(invoiceLine).values(lines);
      await tx.insert(auditLog).values({
        actorUserId: c.var.user.id, action: 'billing.invoice.create', targetKind: 'invoice', targetId: id, familyId: fam.id, siteId,
        details: { number, amountCents: row.amountCents, lines: lines.length },
      });
      return row;
    });
    return sendJson(c, created, 201);
  })
  .post('/payments', validateJson(deskPaymentSchema), async (c) => {
    const input = c.req.valid('json');
    const label = input.operationNumber ? `${DESK_LABELS[input.mode]} n° ${input.operationNumber}` : DESK_LABELS[input.mode];
    const created = await creditInvoice(c.var.deps.db, c.var.user, input.invoiceId, input.amount, async (tx, inv, version) => {
      const row = {
        id: crypto.randomUUID(), familyId: inv.familyId, invoiceId: inv.id, date: input.date, mode: input.mode, operationNumber: input.operationNumber,
        label, amountCents: input.amount, schoolYear: inv.schoolYear, version,
      };
      await tx.insert(payment).values(row);
      return { row, action: 'billing.payment.create', kind: 'payment', details: { invoiceNumber: inv.number, mode: input.mode, amountCents: input.amount } };
    });
    return sendJson(c, created, 201);
  })
  .post('/discounts', validateJson(discountSchema), async (c) => {
    const input = c.req.valid('json');
    const created = await creditInvoice(c.var.deps.db, c.var.user, input.invoiceId, input.amount, async (tx, inv, version) => {
      const row = {
        id: crypto.randomUUID(), familyId: inv.familyId, invoiceId: inv.id, date: input.date, label: input.label,
        amountCents: input.amount, schoolYear: inv.schoolYear, version,
      };
      await tx.insert(discount).values(row);
      return { row, action: 'billing.discount.create', kind: 'discount', details: { invoiceNumber: inv.number, amountCents: input.amount, label: input.label } };
    });
    return sendJson(c, created, 201);
  })
  .get('/payfip-attempts', async (c) => {
    const { db } = c.var.deps;
    const rows = await db
      .select({
        id: payfipAttempt.id, idOp: payfipAttempt.idOp, status: payfipAttempt.status, resultrans: payfipAttempt.resultrans,
        numauto: payfipAttempt.numauto, amountCents: payfipAttempt.amountCents, createdAt: payfipAttempt.createdAt, paidAt: payfipAttempt.paidAt,
        invoiceId: invoice.id, invoiceNumber: invoice.number, familyId: family.id, familyLastName: family.lastName, familyFirstName: family.firstName,
      })
      .from(payfipAttempt)
      .innerJoin(invoice, eq(invoice.id, payfipAttempt.invoiceId))
      .innerJoin(family, eq(family.id, payfipAttempt.familyId))
      .where(eq(family.siteId, c.var.user.siteId))
      .orderBy(desc(payfipAttempt.createdAt))
      .limit(500);
    const mismatchIds = rows.filter((r) => r.status === 'mismatch').map((r) => r.id);
    const problems = mismatchIds.length
      ? await db.select({ targetId: auditLog.targetId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, 'payfip.mismatch'), inArray(auditLog.targetId, mismatchIds)))
      : [];
    return sendJson(
      c,
      rows.map((r) => ({ ...r, problems: (problems.find((p) => p.targetId === r.id)?.details as { problems?: string[] } | undefined)?.problems ?? [] })),
      200,
    );
  });

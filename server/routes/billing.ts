import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { payfipNotificationSchema, payfipReturnSchema, startPayfipSchema } from '../../shared/billing-schemas.ts';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import { invoice, payfipAttempt } from '../db/schema/index.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { notFound } from '../http/errors.ts';
import { validateJson } from '../http/validate.ts';
import { logEvent } from '../log.ts';
import { settleAttempt, startPayfipPayment } from '../payfip/payments.ts';

/** The body of a notification: PayFiP posts a form; JSON and the query string are read too. */
async function notifiedIdop(req: Request, query: Record<string, string>): Promise<string | null> {
  const type = req.headers.get('content-type') ?? '';
  let fields: Record<string, unknown> = { ...query };
  try {
    if (type.includes('application/json')) fields = { ...fields, ...((await req.json()) as Record<string, unknown>) };
    else if (type.includes('form')) fields = { ...fields, ...Object.fromEntries(await req.formData()) };
  } catch {
    // An unreadable body: fall back to the query string.
  }
  const parsed = payfipNotificationSchema.safeParse({ idop: fields.idop, idOp: fields.idOp });
  return parsed.success ? parsed.data : null;
}

/**
 * The family's billing API (its records themselves come through the sync pull) and PayFiP's
 * notification endpoint, which carries no session: it only makes us ask PayFiP for the result.
 */
export const billingRoutes = new Hono<AppEnv>()
  .post('/payfip/notification', async (c) => {
    const idop = await notifiedIdop(c.req.raw, c.req.query());
    if (!idop) return c.text('idop manquant ou invalide', 400);
    const { db, env } = c.var.deps;
    const result = await settleAttempt(db, env, idop, 'notification');
    if (result.status === 'unknown') logEvent('warn', 'payfip notification for an unknown idop', { idop });
    return c.text('OK', 200);
  })
  .post('/invoices/:id/payfip', requireSession, requireRole('family'), validateJson(startPayfipSchema), async (c) => {
    const { db, env } = c.var.deps;
    const started = await startPayfipPayment(db, env, c.var.user, c.req.param('id'), c.req.valid('json').amountCents);
    return sendJson(c, started, 201);
  })
  .post('/payfip/return', requireSession, requireRole('family'), validateJson(payfipReturnSchema), async (c) => {
    const { db, env } = c.var.deps;
    const { idop } = c.req.valid('json');
    const familyId = c.var.user.familyId ?? '';
    const [attempt] = await db.select().from(payfipAttempt).where(and(eq(payfipAttempt.idOp, idop), eq(payfipAttempt.familyId, familyId)));
    if (!attempt) throw notFound('Paiement');
    await settleAttempt(db, env, idop, 'return');
    const [row] = await db
      .select({
        status: payfipAttempt.status, resultrans: payfipAttempt.resultrans, invoiceId: payfipAttempt.invoiceId, amountCents: payfipAttempt.amountCents, numauto: payfipAttempt.numauto,
        paidAt: payfipAttempt.paidAt, paymentId: payfipAttempt.paymentId, invoiceNumber: invoice.number,
      })
      .from(payfipAttempt)
      .innerJoin(invoice, eq(invoice.id, payfipAttempt.invoiceId))
      .where(eq(payfipAttempt.id, attempt.id));
    return sendJson(c, row, 200);
  });

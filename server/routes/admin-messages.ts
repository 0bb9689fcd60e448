import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { mailOutbox, smsOutbox } from '../db/schema/index.ts';
import { mailOfSite } from '../mail/site-mails.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateQuery } from '../http/validate.ts';
import { resendMail, resendSms } from '../messaging/resend.ts';

/** `?kind=sms|mail&limit=`: newest first, at most 200 (50 by default). */
const messagesQuery = z.object({
  kind: z.enum(['sms', 'mail']).default('sms'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * What the app sent, for the secretariat (GET /api/admin/messages): the site's SMS with their
 * state (queued, sent, delivered, failed, unconfirmed…), or the mails. A mail's body is left out:
 * it may hold a single-use password link meant for the family alone. A failed one can be sent
 * again (server/messaging/resend.ts).
 */
export const adminMessageRoutes = new Hono<AppEnv>()
  .get('/messages', validateQuery(messagesQuery), async (c) => {
    const { db } = c.var.deps;
    const { kind, limit } = c.req.valid('query');
    const siteId = c.var.user.siteId;
    c.header('Cache-Control', 'no-store');
    if (kind === 'sms') {
      const sms = await db
        .select({
          id: smsOutbox.id,
          createdAt: smsOutbox.createdAt,
          familyId: smsOutbox.familyId,
          to: smsOutbox.to,
          text: smsOutbox.text,
          status: smsOutbox.status,
          attempts: smsOutbox.attempts,
          nextAttemptAt: smsOutbox.nextAttemptAt,
          error: smsOutbox.error,
          sentAt: smsOutbox.sentAt,
          deliveredAt: smsOutbox.deliveredAt,
        })
        .from(smsOutbox)
        .where(eq(smsOutbox.siteId, siteId))
        .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
        .limit(limit);
      return sendJson(c, { kind, sms, mail: [] }, 200);
    }
    const mail = await db
      .select({
        id: mailOutbox.id,
        createdAt: mailOutbox.createdAt,
        to: mailOutbox.to,
        subject: mailOutbox.subject,
        status: mailOutbox.status,
        attempts: mailOutbox.attempts,
        nextAttemptAt: mailOutbox.nextAttemptAt,
        error: mailOutbox.error,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(mailOfSite(db, siteId))
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(limit);
    return sendJson(c, { kind, sms: [], mail }, 200);
  })
  .post('/messages/sms/:id/resend', async (c) => {
    await resendSms(c.var.deps.db, c.var.user, c.req.param('id'));
    return sendJson(c, { ok: true }, 200);
  })
  .post('/messages/mail/:id/resend', async (c) => {
    const { db, mailer } = c.var.deps;
    await resendMail(db, mailer, c.var.user, c.req.param('id'), mailOfSite(db, c.var.user.siteId));
    return sendJson(c, { ok: true }, 200);
  });

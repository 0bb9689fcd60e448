import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, mailOutbox, smsOutbox } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { SessionUser } from '../http/context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { outsideQuietHours } from '../sms/quiet-hours.ts';

/** What the desk may send again: what did not reach its recipient, or may not have. */
const RESENDABLE_SMS = ['failed', 'unconfirmed'];

/**
 * The secretariat sends a failed SMS again: the row goes back to the queue (the sender's lease and
 * quiet hours apply as to any SMS), its attempts counted from zero. An 'unconfirmed' one may have
 * arrived: the desk decides, having seen its state. Audited.
 */
export async function resendSms(db: Db, actor: SessionUser, id: string) {
  await writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(smsOutbox).where(and(eq(smsOutbox.id, id), eq(smsOutbox.siteId, actor.siteId)));
    if (!row) throw notFound('SMS');
    if (!RESENDABLE_SMS.includes(row.status)) throw new ApiError(409, 'not_failed', 'Seul un SMS en échec ou non confirmé peut être renvoyé.');
    await tx
      .update(smsOutbox)
      .set({ status: 'queued', attempts: 0, error: null, messageId: null, nextAttemptAt: outsideQuietHours(new Date()).toISOString() })
      .where(eq(smsOutbox.id, row.id));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'sms.resend', targetKind: 'sms', targetId: row.id, familyId: row.familyId, siteId: actor.siteId, details: { previous: row.status } });
  });
}

/**
 * The secretariat sends a failed e-mail again: a new row of the outbox (with its own state and
 * tries), queued in the transaction that marks the failed one 'resent', so it is not sent twice.
 * Only a mail addressed to the site (`toSite`) may be; audited.
 */
export async function resendMail(db: Db, mailer: Mailer, actor: SessionUser, id: string, toSite: SQL | undefined) {
  const mail = await writeTransaction(db, async (tx) => {
    const [found] = await tx.select().from(mailOutbox).where(and(eq(mailOutbox.id, id), toSite));
    if (!found) throw notFound('E-mail');
    if (found.status !== 'failed') throw new ApiError(409, 'not_failed', 'Seul un e-mail en échec peut être renvoyé.');
    await tx.update(mailOutbox).set({ status: 'resent' }).where(eq(mailOutbox.id, found.id));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'mail.resend', targetKind: 'mail', targetId: found.id, siteId: actor.siteId, details: { to: found.to } });
    return mailer.queue(tx, { to: found.to, subject: found.subject, text: found.text }, found.siteId ?? actor.siteId);
  });
  await mailer.deliver([mail]);
}

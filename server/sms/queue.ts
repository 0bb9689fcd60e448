import type { Db, Tx } from '../db/client.ts';
import { smsOutbox } from '../db/schema/index.ts';
import { logEvent } from '../log.ts';
import { fitSms } from './gsm7.ts';
import { toInternationalMobile } from './phone.ts';
import { outsideQuietHours } from './quiet-hours.ts';

/**
 * Queues one SMS for the sender job (server/sms/sender.ts); call it inside the write transaction
 * that records what the SMS tells (a `Tx` from writeTransaction) so both commit together, or with
 * the database. The number is put in international form and the text fitted to one GSM-7 SMS;
 * the row is due at once, or at 08:00 Paris when queued during quiet hours (21:00–08:00).
 *
 * Returns true when a row was added; false when one with the same `dedupeKey` exists already (the
 * same notice queued twice is sent once) or when `to` is not a mobile number (logged, nothing
 * stored: check with toInternationalMobile beforehand to tell the two apart).
 */
export async function queueSms(
  db: Db | Tx,
  msg: { siteId: string; familyId?: string | null; to: string; text: string; dedupeKey: string; now?: Date },
): Promise<boolean> {
  const to = toInternationalMobile(msg.to);
  if (!to) {
    logEvent('info', 'sms skipped: not a mobile number', { dedupeKey: msg.dedupeKey });
    return false;
  }
  const now = msg.now ?? new Date();
  const added = await db
    .insert(smsOutbox)
    .values({
      createdAt: now.toISOString(),
      siteId: msg.siteId,
      familyId: msg.familyId ?? null,
      to,
      text: fitSms(msg.text),
      dedupeKey: msg.dedupeKey,
      status: 'queued',
      nextAttemptAt: outsideQuietHours(now).toISOString(),
    })
    .onConflictDoNothing({ target: smsOutbox.dedupeKey })
    .returning({ id: smsOutbox.id });
  return added.length > 0;
}

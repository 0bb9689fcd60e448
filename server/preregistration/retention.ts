import { hostname } from 'node:os';
import { and, eq, inArray, lt, ne, notExists, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, mailOutbox, preRegistration, rateEvent } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { releaseLease, renewLease, takeLease } from '../jobs/lease.ts';
import { periodicRounds, type Rounds } from '../jobs/rounds.ts';
import { logEvent } from '../log.ts';
import { eraseBefore } from '../../shared/preregistration-retention.ts';
import { PER_IP_WINDOW_MS } from './submit.ts';

/**
 * What the privacy notice (/confidentialite) promises the applicants: "Une pré-inscription refusée
 * ou sans suite est effacée au plus tard un an après sa réception." Accepted, an application became
 * a family's file and stays. The others are erased with what repeats them: the row (the application
 * as typed), the mails written for it (each names its reference in its subject: received, refused;
 * the reference is the server's own, unique, all of one length, and no other subject holds one),
 * the details of the audit rows about it or its mails (a refusal's reason, a resent mail's address),
 * and the sender's address kept by the per-address limit. The audit rows themselves stay, and one
 * more says it was erased, so the desk can still tell who decided what, and when.
 *
 * A day early (shared/preregistration-retention.ts, which the desk shows): the job runs every hour
 * and may have been stopped for a while, and the notice says "at the latest". An application with
 * a mail still to send (a refusal written just before) waits for the next round, so the family is
 * told before it is erased.
 */

/** Applications erased per transaction (each also deletes its mails), and the most per round. */
const BATCH = 50;
const ROUND_MAX = 2_000;

/** Mails naming one of these references in their subject (instr, not LIKE: nothing in a reference is a pattern). */
const namingOneOf = (references: string[]) => or(...references.map((reference) => sql`instr(${mailOutbox.subject}, ${reference}) > 0`));

/**
 * Erases one batch of expired applications in one write transaction: all of an application's
 * traces go together, or none. `guard` runs first in it (the job's lease); false: nothing is done.
 * Returns how many were erased, or null when the guard refused.
 */
export async function eraseExpiredBatch(db: Db, now: Date, limit = BATCH, guard?: (tx: Tx) => Promise<boolean>): Promise<number | null> {
  return writeTransaction(db, async (tx) => {
    if (guard && !(await guard(tx))) return null;
    // The sender's address is kept only while the per-address limit counts it.
    await tx.delete(rateEvent).where(and(eq(rateEvent.kind, 'preregistration'), lt(rateEvent.at, now.getTime() - PER_IP_WINDOW_MS)));
    const unsent = tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(and(inArray(mailOutbox.status, ['queued', 'sending']), sql`instr(${mailOutbox.subject}, ${preRegistration.reference}) > 0`));
    const expired = await tx
      .select({ id: preRegistration.id, siteId: preRegistration.siteId, reference: preRegistration.reference, status: preRegistration.status })
      .from(preRegistration)
      .where(and(ne(preRegistration.status, 'accepted'), lt(preRegistration.createdAt, eraseBefore(now)), notExists(unsent)))
      .orderBy(preRegistration.createdAt)
      .limit(limit);
    if (!expired.length) return 0;
    const ids = expired.map((row) => row.id);
    // Any site, or none: mails written before migration 0010 name no site, and a reference is unique.
    const mails = await tx.delete(mailOutbox).where(namingOneOf(expired.map((row) => row.reference))).returning({ id: mailOutbox.id });
    const mailIds = mails.map((mail) => mail.id);
    await tx
      .update(auditLog)
      .set({ details: null })
      .where(or(and(eq(auditLog.targetKind, 'pre_registration'), inArray(auditLog.targetId, ids)), mailIds.length ? and(eq(auditLog.targetKind, 'mail'), inArray(auditLog.targetId, mailIds)) : undefined));
    await tx.delete(preRegistration).where(inArray(preRegistration.id, ids));
    await tx.insert(auditLog).values(
      expired.map((row) => ({
        actorUserId: null,
        action: 'preregistration.erased',
        targetKind: 'pre_registration',
        targetId: row.id,
        siteId: row.siteId,
        details: { reference: row.reference, status: row.status },
      })),
    );
    return expired.length;
  });
}

/** The retention job: a round every hour, under the 'retention' lease (one server process runs it). */
export type RetentionJob = Rounds<{ erased: number }>;

const LEASE = 'retention';

export function createRetentionJob(opts: { db: Db; log?: typeof logEvent; now?: () => Date; holder?: string; leaseMs?: number }): RetentionJob {
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 60_000;

  async function round() {
    let erased = 0;
    if (!(await takeLease(db, LEASE, holder, now(), leaseMs))) return { erased };
    while (erased < ROUND_MAX) {
      const done = await eraseExpiredBatch(db, now(), BATCH, (tx) => renewLease(tx, LEASE, holder, now(), leaseMs));
      if (done === null) break; // the lease went to another process
      erased += done;
      if (done < BATCH) break;
    }
    return { erased };
  }

  return periodicRounds('retention', round, () => releaseLease(db, LEASE, holder).catch(() => undefined), opts.log ?? logEvent);
}

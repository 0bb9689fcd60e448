import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';
import { releaseLease, renewLease, takeLease } from '../jobs/lease.ts';
import { periodicRounds, type Rounds } from '../jobs/rounds.ts';
import { logEvent } from '../log.ts';
import type { Mailer } from './mailer.ts';

/**
 * The mail sender job (docs/mail.md): sends what the request that queued a mail did not, because
 * SMTP failed (tried again with back-off) or the process died between the commit and the send.
 * Each round takes the 'mail-sender' lease in job_lease, and every claim of rows renews it in the
 * claim's transaction, so of several server processes only one runs the job; a request's own
 * delivery claims its rows atomically too, so nothing is sent twice by two senders.
 */
/** runOnce: what went out and what failed this round; nothing when another process holds the lease. */
export type MailSender = Rounds;

const LEASE = 'mail-sender';
/** Rows claimed per transaction, and the most one round sends. */
const CLAIM = 20;
const ROUND_MAX = 500;

export function createMailSender(opts: { db: Db; mailer: Mailer; log?: typeof logEvent; now?: () => Date; holder?: string; leaseMs?: number }): MailSender {
  const { db, mailer } = opts;
  const log = opts.log ?? logEvent;
  const now = opts.now ?? (() => new Date());
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const leaseMs = opts.leaseMs ?? 60_000;

  async function round() {
    const total = { sent: 0, failed: 0 };
    if (!(await takeLease(db, LEASE, holder, now(), leaseMs))) return total;
    await mailer.requeueStale();
    while (total.sent + total.failed < ROUND_MAX) {
      const done = await mailer.deliverDue(Math.min(CLAIM, ROUND_MAX - total.sent - total.failed), (tx) => renewLease(tx, LEASE, holder, now(), leaseMs));
      if (!done) break; // the lease went to another process
      total.sent += done.sent;
      total.failed += done.failed;
      if (done.sent + done.failed < CLAIM || done.failed) break; // nothing more due, or SMTP is failing: wait for the next round
    }
    return total;
  }

  return periodicRounds('mail sender', round, () => releaseLease(db, LEASE, holder).catch(() => undefined), log);
}

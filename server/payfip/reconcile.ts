import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import { logEvent } from '../log.ts';
import { releaseLease, takeLease } from '../jobs/lease.ts';
import { reconcilePayfip } from './payments.ts';

export { reconcilePayfip };

/** The job's name in job_lease. */
export const RECONCILE_LEASE = 'payfip-reconciliation';

/**
 * Starts the reconciliation job on an interval (server/main.ts). One run at a time; errors are
 * logged and the next run tries again. Returns a function that stops it and gives the lease up.
 *
 * One process at a time: with several server processes on one database, each run first takes (or
 * renews) the 'payfip-reconciliation' lease in job_lease (server/jobs/lease.ts), so only its holder
 * asks PayFiP; the others take it over once it expired (holder stopped or died: two intervals plus
 * a minute). Settling an attempt is idempotent anyway (server/payfip/payments.ts, settleAttempt):
 * the lease keeps two processes from asking PayFiP the same thing twice and from writing twice the
 * same 'expired' row's audit, not from paying twice, which the database already prevents.
 */
export function startPayfipReconciliation(db: Db, env: Env, opts: { holder?: string } = {}): () => Promise<void> {
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const intervalMs = env.PAYFIP_RECONCILE_SECONDS * 1000;
  const leaseMs = 2 * intervalMs + 60_000;
  const keepLease = () => takeLease(db, RECONCILE_LEASE, holder, new Date(), leaseMs);
  let running: Promise<void> | null = null;
  async function run() {
    try {
      if (!(await keepLease())) return;
      const { settled } = await reconcilePayfip(db, env, { keepLease });
      if (settled) logEvent('info', 'payfip reconciliation settled attempts', { settled });
    } catch (error) {
      logEvent('error', 'payfip reconciliation failed', { error });
    }
  }
  const timer = setInterval(() => {
    running ??= run().finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await releaseLease(db, RECONCILE_LEASE, holder).catch((error) => logEvent('warn', 'payfip reconciliation lease not released', { error }));
  };
}

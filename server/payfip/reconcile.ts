import type { Db } from '../db/client.ts';
import type { Env } from '../env.ts';
import { logEvent } from '../log.ts';
import { reconcilePayfip } from './payments.ts';

export { reconcilePayfip };

/**
 * Starts the reconciliation job on an interval (server/main.ts). One run at a time; errors are
 * logged and the next run tries again. Returns a function that stops it.
 */
export function startPayfipReconciliation(db: Db, env: Env): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { settled } = await reconcilePayfip(db, env);
      if (settled) logEvent('info', 'payfip reconciliation settled attempts', { settled });
    } catch (error) {
      logEvent('error', 'payfip reconciliation failed', { error });
    } finally {
      running = false;
    }
  }, env.PAYFIP_RECONCILE_SECONDS * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { rateEvent } from './schema/index.ts';

/**
 * Whether `key` has used up its `limit` for now, by a read only: a caller refused here costs no
 * write lock (a flood of refused requests does not wait in line with the writes).
 */
export async function overRate(db: Db | Tx, kind: string, key: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(rateEvent).where(and(eq(rateEvent.kind, kind), eq(rateEvent.key, key), gt(rateEvent.at, now - windowMs)));
  return n >= limit;
}

/**
 * Counts an event of `kind` for `key` and says whether it is within `limit` per `windowMs`. Kept in
 * the database (rate_event), inside the caller's write transaction, so every server process counts
 * the same events. Old events of this kind are pruned as it goes.
 */
export async function withinRate(tx: Tx, kind: string, key: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
  await tx.delete(rateEvent).where(and(eq(rateEvent.kind, kind), lt(rateEvent.at, now - windowMs)));
  const [{ n }] = await tx.select({ n: count() }).from(rateEvent).where(and(eq(rateEvent.kind, kind), eq(rateEvent.key, key), gt(rateEvent.at, now - windowMs)));
  if (n >= limit) return false;
  await tx.insert(rateEvent).values({ kind, key, at: now });
  return true;
}

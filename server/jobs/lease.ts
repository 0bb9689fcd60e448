import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { jobLease } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';

/**
 * A background job's lease in the database (job_lease), so that of several server processes on
 * one database only one runs the job at a time: the holder writes its name and an expiry, renews
 * it while it works, and another process may take it only once it has expired (its holder died or
 * stalled). Taking it is one BEGIN IMMEDIATE transaction, so two processes cannot both succeed.
 */
export async function takeLease(db: Db, name: string, holder: string, at: Date, ms: number): Promise<boolean> {
  // Read first: a process that sees another's live lease writes nothing (a read never waits in WAL
  // mode), so only the holder writes while it holds it.
  const [seen] = await db.select().from(jobLease).where(eq(jobLease.name, name));
  if (seen && seen.holder !== holder && seen.expiresAt > at.toISOString()) return false;
  // Ours with more than half its time left: nothing to write (an idle job costs only this read).
  if (seen && seen.holder === holder && Date.parse(seen.expiresAt) - at.getTime() > ms / 2) return true;
  return writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(jobLease).where(eq(jobLease.name, name));
    if (row && row.holder !== holder && row.expiresAt > at.toISOString()) return false;
    const expiresAt = new Date(at.getTime() + ms).toISOString();
    await tx.insert(jobLease).values({ name, holder, expiresAt }).onConflictDoUpdate({ target: jobLease.name, set: { holder, expiresAt } });
    return true;
  });
}

/**
 * Extends a lease still written in `holder`'s name (inside the caller's write transaction, with the
 * work it guards); false when another process has taken it over.
 */
export async function renewLease(tx: Tx, name: string, holder: string, at: Date, ms: number): Promise<boolean> {
  const renewed = await tx
    .update(jobLease)
    .set({ expiresAt: new Date(at.getTime() + ms).toISOString() })
    .where(and(eq(jobLease.name, name), eq(jobLease.holder, holder)))
    .returning({ name: jobLease.name });
  return renewed.length > 0;
}

/** Gives the lease up (on shutdown), so another process need not wait for it to expire. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await writeTransaction(db, (tx) => tx.delete(jobLease).where(and(eq(jobLease.name, name), eq(jobLease.holder, holder))));
}

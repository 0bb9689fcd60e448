import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { signInFailure } from '../db/schema/index.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 50;

/**
 * Failed sign-ins counted in the database, so they survive a restart: 5 failures of one identifiant
 * within 15 minutes lock it until fewer than 5 remain in the window; 50 from one IP likewise.
 * Identifiants that do not exist are counted too, so a lock says nothing about whether one exists.
 */
export function createThrottle(db: Db, now: () => number = Date.now) {
  async function lockedFor(q: Db | Tx, column: typeof signInFailure.username | typeof signInFailure.ip, value: string, max: number) {
    const since = now() - THROTTLE_WINDOW_MS;
    const rows = await q
      .select({ at: signInFailure.at })
      .from(signInFailure)
      .where(and(eq(column, value), gt(signInFailure.at, since)))
      .orderBy(signInFailure.at);
    if (rows.length < max) return 0;
    // Unlocked when the failure that makes the count reach `max` leaves the window.
    const releasing = rows[rows.length - max];
    return releasing.at + THROTTLE_WINDOW_MS - now();
  }

  async function retryAfter(q: Db | Tx, username: string, ip: string) {
    const [account, address] = await Promise.all([
      lockedFor(q, signInFailure.username, username, ACCOUNT_MAX_FAILURES),
      lockedFor(q, signInFailure.ip, ip, IP_MAX_FAILURES),
    ]);
    return Math.max(account, address);
  }

  // Keep the table small: rows older than the window never matter again.
  const prune = () => db.delete(signInFailure).where(lt(signInFailure.at, now() - THROTTLE_WINDOW_MS));

  return {
    /** Milliseconds before another try is accepted (0 when none is locked). */
    async retryAfterMs(username: string, ip: string): Promise<number> {
      return retryAfter(db, username, ip);
    },
    /**
     * A sign-in attempt takes its place before the password is checked: counted as a failure at
     * once, in the same write transaction as the lock check, so tries sent together cannot all
     * pass the check (the password check takes a tenth of a second). Returns the wait in ms, or 0
     * when the attempt may go on; a success then clears it (recordSuccess).
     */
    async reserve(username: string, ip: string): Promise<number> {
      return writeTransaction(db, async (tx) => {
        const wait = await retryAfter(tx, username, ip);
        if (wait === 0) await tx.insert(signInFailure).values({ username, ip, at: now() });
        return wait;
      });
    },
    async recordFailure(username: string, ip: string) {
      await db.insert(signInFailure).values({ username, ip, at: now() });
      await prune();
    },
    /** A success clears the account's failures (not the IP's: others may be guessing from it). */
    async recordSuccess(username: string) {
      await db.delete(signInFailure).where(eq(signInFailure.username, username));
    },
    /** After a refused attempt already reserved: only the housekeeping is left. */
    prune: async () => void (await prune()),
  };
}

export type Throttle = ReturnType<typeof createThrottle>;

import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
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
  async function lockedFor(column: typeof signInFailure.username | typeof signInFailure.ip, value: string, max: number) {
    const since = now() - THROTTLE_WINDOW_MS;
    const rows = await db
      .select({ at: signInFailure.at })
      .from(signInFailure)
      .where(and(eq(column, value), gt(signInFailure.at, since)))
      .orderBy(signInFailure.at);
    if (rows.length < max) return 0;
    // Unlocked when the failure that makes the count reach `max` leaves the window.
    const releasing = rows[rows.length - max];
    return releasing.at + THROTTLE_WINDOW_MS - now();
  }

  return {
    /** Milliseconds before another try is accepted (0 when none is locked). */
    async retryAfterMs(username: string, ip: string): Promise<number> {
      const [account, address] = await Promise.all([
        lockedFor(signInFailure.username, username, ACCOUNT_MAX_FAILURES),
        lockedFor(signInFailure.ip, ip, IP_MAX_FAILURES),
      ]);
      return Math.max(account, address);
    },
    async recordFailure(username: string, ip: string) {
      await db.insert(signInFailure).values({ username, ip, at: now() });
      // Keep the table small: rows older than the window never matter again.
      await db.delete(signInFailure).where(lt(signInFailure.at, now() - THROTTLE_WINDOW_MS));
    },
    /** A success clears the account's failures (not the IP's: others may be guessing from it). */
    async recordSuccess(username: string) {
      await db.delete(signInFailure).where(eq(signInFailure.username, username));
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;

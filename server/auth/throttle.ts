import { and, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { signInFailure } from '../db/schema/index.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_MAX_FAILURES = 5;
export const IP_MAX_FAILURES = 50;
export const DEVICE_MAX_FAILURES = 5;

/**
 * Failed sign-ins counted in the database, so they survive a restart: 5 failures of one identifiant
 * from unknown devices within 15 minutes lock it for unknown devices until fewer than 5 remain in
 * the window; 50 from one IP likewise. Identifiants that do not exist are counted too, so a lock
 * says nothing about whether one exists.
 *
 * A trusted device (one that signed in to this account before: see devices.ts) is held back only
 * by its own failures (5 in 15 minutes), so a stranger who locks an account does not lock out its
 * owner, and a stolen device cookie still cannot guess more than an unknown device.
 */
export function createThrottle(db: Db, now: () => number = Date.now) {
  async function lockedFor(q: Db | Tx, where: SQL | undefined, max: number) {
    const since = now() - THROTTLE_WINDOW_MS;
    const rows = await q
      .select({ at: signInFailure.at })
      .from(signInFailure)
      .where(and(where, gt(signInFailure.at, since)))
      .orderBy(signInFailure.at);
    if (rows.length < max) return 0;
    // Unlocked when the failure that makes the count reach `max` leaves the window.
    const releasing = rows[rows.length - max];
    return releasing.at + THROTTLE_WINDOW_MS - now();
  }

  /** The failures that lock an account for unknown devices. */
  const ofAccount = (username: string) => and(eq(signInFailure.username, username), isNull(signInFailure.deviceId));
  const accountLock = (q: Db | Tx, username: string) => lockedFor(q, ofAccount(username), ACCOUNT_MAX_FAILURES);

  async function retryAfter(q: Db | Tx, username: string, ip: string, deviceId: string | null) {
    if (deviceId) return lockedFor(q, eq(signInFailure.deviceId, deviceId), DEVICE_MAX_FAILURES);
    const [account, address] = await Promise.all([accountLock(q, username), lockedFor(q, eq(signInFailure.ip, ip), IP_MAX_FAILURES)]);
    return Math.max(account, address);
  }

  // Keep the table small: rows older than the window never matter again.
  const prune = () => db.delete(signInFailure).where(lt(signInFailure.at, now() - THROTTLE_WINDOW_MS));

  return {
    /** Milliseconds before another try is accepted (0 when none is locked); `deviceId`: a trusted device. */
    async retryAfterMs(username: string, ip: string, deviceId: string | null = null): Promise<number> {
      return retryAfter(db, username, ip, deviceId);
    },
    /** Milliseconds before the account accepts unknown devices again (what the desk sees as "Bloqué"). */
    accountLockMs: (username: string) => accountLock(db, username),
    /**
     * A sign-in attempt takes its place before the password is checked: counted as a failure at
     * once, in the same write transaction as the lock check, so tries sent together cannot all
     * pass the check (the password check takes a tenth of a second). Returns the wait in ms, or 0
     * when the attempt may go on; a success then clears it (recordSuccess).
     */
    async reserve(username: string, ip: string, deviceId: string | null = null): Promise<number> {
      return writeTransaction(db, async (tx) => {
        const wait = await retryAfter(tx, username, ip, deviceId);
        if (wait === 0) await tx.insert(signInFailure).values({ username, ip, at: now(), deviceId });
        return wait;
      });
    },
    async recordFailure(username: string, ip: string, deviceId: string | null = null) {
      await db.insert(signInFailure).values({ username, ip, at: now(), deviceId });
      await prune();
    },
    /**
     * A success clears the failures it could have been held back by: a trusted device's own, or
     * the account's from unknown devices (never the IP's: others may be guessing from it). A
     * trusted device's success leaves the lock against unknown devices in place.
     */
    async recordSuccess(username: string, deviceId: string | null = null) {
      await db.delete(signInFailure).where(deviceId ? eq(signInFailure.deviceId, deviceId) : ofAccount(username));
    },
    /** The desk lifts every lock of the account (unknown and trusted devices). */
    async unlock(username: string) {
      await db.delete(signInFailure).where(eq(signInFailure.username, username));
    },
    /** After a refused attempt already reserved: only the housekeeping is left. */
    prune: async () => void (await prune()),
  };
}

export type Throttle = ReturnType<typeof createThrottle>;

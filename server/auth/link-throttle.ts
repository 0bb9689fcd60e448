import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { passwordLinkRequest } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';

export const LINK_WINDOW_MS = 60 * 60 * 1000;
/** Links e-mailed to one account per hour by "Mot de passe perdu". */
export const LINKS_PER_ACCOUNT = 3;
/** Lost-password requests accepted from one address per hour, whether or not they match an account. */
export const REQUESTS_PER_IP = 20;

/**
 * Limits of "Mot de passe perdu", counted in the database (they survive a restart and are shared by
 * every server process). A request over a limit is answered like any other and sends nothing: the
 * answer never depends on the account, so it tells nothing about one.
 */
export function createLinkThrottle(db: Db, now: () => number = Date.now) {
  return {
    /**
     * Takes a place for one request from `ip`, for the account `userId` when the details matched
     * (null otherwise). True when a link may be sent. Check and insert share one write
     * transaction, so requests sent together cannot all pass.
     */
    async reserve(userId: string | null, ip: string): Promise<boolean> {
      const since = now() - LINK_WINDOW_MS;
      return writeTransaction(db, async (tx) => {
        const [fromIp] = await tx.select({ n: count() }).from(passwordLinkRequest).where(and(eq(passwordLinkRequest.ip, ip), gt(passwordLinkRequest.at, since)));
        if (fromIp.n >= REQUESTS_PER_IP) return false;
        if (userId) {
          const [forAccount] = await tx.select({ n: count() }).from(passwordLinkRequest).where(and(eq(passwordLinkRequest.userId, userId), gt(passwordLinkRequest.at, since)));
          if (forAccount.n >= LINKS_PER_ACCOUNT) {
            // Still counted against the address: a refused request is a request.
            await tx.insert(passwordLinkRequest).values({ userId: null, ip, at: now() });
            return false;
          }
        }
        await tx.insert(passwordLinkRequest).values({ userId, ip, at: now() });
        await tx.delete(passwordLinkRequest).where(lt(passwordLinkRequest.at, since));
        return true;
      });
    },
  };
}


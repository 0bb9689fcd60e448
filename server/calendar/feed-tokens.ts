import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, calendarFeed } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { withinRate } from '../db/rate-limit.ts';

/**
 * The personal calendar feed's secret (docs/calendar.md). The feed answers without a session (a
 * phone's calendar app has none), so its token is the only key: 32 random bytes (256 bits, well
 * over the 128 asked), written base64url in the URL. Only its SHA-256 is stored, so a copy of the
 * database opens nobody's calendar, and the lookup is by that hash through the unique index: the
 * database never compares the secret itself, so its timing tells nothing about it. One live link
 * per account: a new link revokes the old one, "Révoquer" revokes it.
 */

const TOKEN_BYTES = 32;
/** base64url of 32 bytes: 43 characters. Anything else is refused before hashing. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashFeedToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

async function revokeLive(tx: Tx, userId: string, now: string): Promise<number> {
  const revoked = await tx
    .update(calendarFeed)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeed.userId, userId), isNull(calendarFeed.revokedAt)))
    .returning({ id: calendarFeed.id });
  return revoked.length;
}

async function auditFeed(tx: Tx, user: SessionUser, action: string, id: string) {
  await tx.insert(auditLog).values({
    actorUserId: user.id,
    action,
    targetKind: 'calendar_feed',
    targetId: id,
    familyId: user.familyId,
    siteId: user.siteId,
    details: {},
  });
}

/** New links one account may make in an hour: enough for any mistake, not for filling the table. */
const CREATE_LIMIT = { count: 10, windowMs: 3_600_000 };

/** A new link for the account (the one before it stops answering): the token, shown once. */
export async function createFeed(db: Db, user: SessionUser, now = new Date()): Promise<{ token: string; createdAt: string }> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const createdAt = now.toISOString();
  await writeTransaction(db, async (tx) => {
    if (!(await withinRate(tx, 'calendar-feed', user.id, CREATE_LIMIT.count, CREATE_LIMIT.windowMs, now.getTime()))) {
      throw new ApiError(429, 'too_many', 'Trop de liens créés : réessayez dans une heure.');
    }
    await revokeLive(tx, user.id, createdAt);
    const [row] = await tx.insert(calendarFeed).values({ userId: user.id, tokenHash: hashFeedToken(token), createdAt }).returning({ id: calendarFeed.id });
    await auditFeed(tx, user, 'calendar.feed.create', row.id);
  });
  return { token, createdAt };
}

/** Revokes the account's link: its URL answers 404 from now on. True when there was one. */
export async function revokeFeed(db: Db, user: SessionUser, now = new Date()): Promise<boolean> {
  return writeTransaction(db, async (tx) => {
    const live = await tx.select({ id: calendarFeed.id }).from(calendarFeed).where(and(eq(calendarFeed.userId, user.id), isNull(calendarFeed.revokedAt)));
    if (!live.length) return false;
    await revokeLive(tx, user.id, now.toISOString());
    for (const row of live) await auditFeed(tx, user, 'calendar.feed.revoke', row.id);
    return true;
  });
}

/** Whether the account has a live link, and since when (the token itself is not known any more). */
export async function feedStatus(db: Db, userId: string): Promise<{ active: boolean; createdAt: string | null }> {
  const [row] = await db
    .select({ createdAt: calendarFeed.createdAt })
    .from(calendarFeed)
    .where(and(eq(calendarFeed.userId, userId), isNull(calendarFeed.revokedAt)));
  return { active: !!row, createdAt: row?.createdAt ?? null };
}

/** The account a token opens, or null (unknown, malformed or revoked: the caller answers one 404 for all). */
export async function feedOwner(db: Db, token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ userId: calendarFeed.userId })
    .from(calendarFeed)
    .where(and(eq(calendarFeed.tokenHash, hashFeedToken(token)), isNull(calendarFeed.revokedAt)));
  return row?.userId ?? null;
}

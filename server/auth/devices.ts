import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { trustedDevice, user } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Env } from '../env.ts';
import { readCookie } from './session-reader.ts';

/** A device stays trusted for a year after its last successful sign-in to the account. */
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** `__Host-` in production like the session cookie (Secure, Path=/, no Domain). */
export const deviceCookieName = (env: Env) => (env.production ? '__Host-portee.device' : 'portee.device');

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** The device token the request carries, if any. */
export function readDeviceToken(cookieHeader: string | undefined, env: Env): string | null {
  return (cookieHeader && readCookie(cookieHeader, deviceCookieName(env))) || null;
}

/** The trusted-device row of this token for this identifiant, or null (unknown device). */
export async function trustedDeviceId(db: Db, token: string | null, username: string): Promise<string | null> {
  if (!token) return null;
  const [row] = await db
    .select({ id: trustedDevice.id })
    .from(trustedDevice)
    .innerJoin(user, eq(user.id, trustedDevice.userId))
    .where(and(eq(trustedDevice.tokenHash, hashOf(token)), eq(user.username, username), gt(trustedDevice.expiresAt, new Date())));
  return row?.id ?? null;
}

/**
 * After a successful sign-in: the device is trusted for this account for a year, under a new
 * token (the accounts it was already trusted for move to the new token, so a copy of the old
 * cookie is worth nothing). Returns the Set-Cookie value to send.
 */
export async function trustDevice(db: Db, env: Env, userId: string, previousToken: string | null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hash = hashOf(token);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + DEVICE_COOKIE_MAX_AGE_S * 1000);
  await writeTransaction(db, async (tx) => {
    await tx.delete(trustedDevice).where(lt(trustedDevice.expiresAt, now));
    if (previousToken) await tx.update(trustedDevice).set({ tokenHash: hash }).where(eq(trustedDevice.tokenHash, hashOf(previousToken)));
    await tx
      .insert(trustedDevice)
      .values({ id: randomUUID(), tokenHash: hash, userId, createdAt: now, lastSignInAt: now, expiresAt })
      .onConflictDoUpdate({ target: [trustedDevice.tokenHash, trustedDevice.userId], set: { lastSignInAt: now, expiresAt } });
  });
  const attributes = [`Max-Age=${DEVICE_COOKIE_MAX_AGE_S}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(env.production ? ['Secure'] : [])];
  return [`${deviceCookieName(env)}=${token}`, ...attributes].join('; ');
}

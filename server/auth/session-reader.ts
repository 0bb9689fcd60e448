import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, ReadConnection } from '../db/client.ts';
import { preparedGet } from '../db/prepared-read.ts';
import { session, user } from '../db/schema/index.ts';
import type { SessionRecord, SessionUser } from '../http/context.ts';

/**
 * Reads a session without going through better-auth's endpoint machinery: checks the cookie's
 * HMAC signature (better-auth's format, `token.base64(HMAC-SHA256(secret, token))`) and loads the
 * unexpired session with its user in one indexed query (a disabled account's session is no session:
 * disabling deletes them, and this holds for one made in the meantime). Used for every request; better-auth is
 * only called when the session is due for extension (so its cookie is re-issued the usual way).
 */
export function createSessionReader(db: Db, reads: ReadConnection | null, secret: string, cookieName: () => Promise<string>) {
  const fields = {
    session: { id: session.id, token: session.token, userId: session.userId, createdAt: session.createdAt, expiresAt: session.expiresAt },
    user: {
      id: user.id, name: user.name, email: user.email, username: user.username, role: user.role, siteId: user.siteId,
      familyId: user.familyId, studentId: user.studentId, teacherId: user.teacherId, a11yMode: user.a11yMode, locale: user.locale,
    },
  };
  // Prepared once (kept prepared on the read connection): building and preparing a query costs
  // more than running this one.
  const lookup = preparedGet(
    reads,
    db.select(fields).from(session).innerJoin(user, eq(user.id, session.userId))
      .where(and(eq(session.token, sql.placeholder('token')), gt(session.expiresAt, sql.placeholder('now')), eq(user.disabled, false))),
    fields,
  );
  let cachedName: string | undefined; // fixed once better-auth is configured
  return async (cookieHeader: string | undefined): Promise<{ session: SessionRecord; user: SessionUser } | null> => {
    if (!cookieHeader) return null;
    const name = (cachedName ??= await cookieName());
    const raw = readCookie(cookieHeader, name);
    if (!raw) return null;
    const value = safeDecode(raw);
    const dot = value.lastIndexOf('.');
    if (dot < 1) return null;
    const token = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1), 'base64');
    const expected = createHmac('sha256', secret).update(token).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const row = await lookup({ token, now: Date.now() });
    if (!row) return null;
    return { session: row.session as SessionRecord, user: row.user as unknown as SessionUser };
  };
}

/** The value of the cookie `name` in a Cookie header, or null. */
export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

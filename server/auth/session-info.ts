import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { site } from '../db/schema/index.ts';
import type { SessionInfo } from '../../shared/session.ts';
import type { SessionUser } from '../http/context.ts';
import type { Env } from '../env.ts';

export async function sessionInfo(db: Db, env: Env, user: SessionUser, expiresAt: Date): Promise<SessionInfo> {
  const [siteRow] = await db.select({ name: site.name }).from(site).where(eq(site.id, user.siteId));
  return {
    user: {
      id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      siteId: user.siteId,
      siteName: siteRow?.name ?? '',
      familyId: user.familyId ?? null,
      teacherId: user.teacherId ?? null,
      a11yMode: Boolean(user.a11yMode),
      locale: user.locale === 'en' ? 'en' : 'fr',
    },
    expiresAt: new Date(expiresAt).toISOString(),
    idleTimeoutSeconds: env.SESSION_IDLE_SECONDS,
    idleWarningSeconds: env.SESSION_IDLE_WARNING_SECONDS,
  };
}

/** Copies better-auth's Set-Cookie headers onto our response. */
export function forwardCookies(from: Headers, to: { header: (name: string, value: string, o?: { append?: boolean }) => void }) {
  for (const cookie of from.getSetCookie()) to.header('set-cookie', cookie, { append: true });
}

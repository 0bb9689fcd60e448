import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins/username';
import { and, eq, like, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { verification } from '../db/schema/index.ts';
import type { Env } from '../env.ts';
import type { Mailer } from '../mail/mailer.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/password-policy.ts';
import { resetPasswordMail } from './mails.ts';
import { createThrottle } from './throttle.ts';

/** The header our own middleware sets from the socket address (any client value is overwritten). */
export const CLIENT_IP_HEADER = 'x-portee-client-ip';

/** A session is extended at most this often (seconds): activity keeps it alive without a write per request. */
export const sessionUpdateAgeSeconds = (env: Env) => Math.min(60, Math.floor(env.SESSION_IDLE_SECONDS / 10));

export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
export const RESET_TOKEN_SECONDS = 60 * 60;
/** The page where the e-mailed link lets a person choose a new password. */
export const RESET_PAGE = '/mot-de-passe-perdu/nouveau';

/**
 * better-auth, configured for a family portal: sign-in by identifiant (username plugin), sessions
 * that end after 30 idle minutes, reset links valid one hour that revoke every session, and
 * `__Host-` cookies in production. Its HTTP handler is not mounted: our routes call `auth.api`
 * after the checks better-auth does not make (site of the account, throttling stored in the database).
 */
export function createAuth(db: Db, env: Env, mailer: Mailer) {
  const hostCookie = (name: string) => ({ name: `__Host-portee.${name}` });
  return betterAuth({
    appName: 'Portée',
    baseURL: env.PUBLIC_URL,
    secret: env.AUTH_SECRET,
    database: drizzleAdapter(db, { provider: 'sqlite', schema }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      resetPasswordTokenExpiresIn: RESET_TOKEN_SECONDS,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, token }) {
        // The newest link is the only one: the earlier ones of the account end here (lost password
        // and the desk's link alike), before the mail leaves.
        await endEarlierLinks(db, user.id, token);
        const link = `${env.PUBLIC_URL}${RESET_PAGE}?jeton=${encodeURIComponent(token)}`;
        // Not awaited by the route: the answer must not take longer when the account exists.
        // The account's site, read from its row: the callback's `user` is typed with better-auth's core fields only.
        const [account] = await db.select({ siteId: schema.user.siteId }).from(schema.user).where(eq(schema.user.id, user.id));
        await mailer.send(resetPasswordMail(user.email, user.name, link), account.siteId);
      },
      // A reset ends every other link of the account, even one made at the same moment, and lifts
      // the lock against unknown devices: the link is the way in offered to a locked-out owner.
      async onPasswordReset({ user }) {
        await endEarlierLinks(db, user.id, null);
        const username = (user as { username?: string | null }).username;
        if (username) await createThrottle(db).recordSuccess(username);
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'family' },
        siteId: { type: 'string', input: false, fieldName: 'siteId' },
        familyId: { type: 'string', input: false, required: false },
        studentId: { type: 'string', input: false, required: false },
        teacherId: { type: 'string', input: false, required: false },
        a11yMode: { type: 'boolean', input: false, defaultValue: false },
        locale: { type: 'string', input: false, defaultValue: 'fr' },
      },
    },
    session: {
      expiresIn: env.SESSION_IDLE_SECONDS,
      // Extend at most once a minute: activity keeps the session, without a write per request.
      updateAge: sessionUpdateAgeSeconds(env),
      cookieCache: { enabled: false },
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 100 })],
    // Throttling of failed sign-ins is ours (per account and per IP, in the database).
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      ...(env.production
        ? {
            useSecureCookies: false, // the names below carry __Host-, which implies Secure
            cookies: {
              session_token: hostCookie('session_token'),
              session_data: hostCookie('session_data'),
              dont_remember: hostCookie('dont_remember'),
            },
            defaultCookieAttributes: { secure: true, httpOnly: true, sameSite: 'lax', path: '/' },
          }
        : { cookiePrefix: 'portee', defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' } }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const RESET_PREFIX = 'reset-password:';

/**
 * Deletes the account's reset links (better-auth stores `reset-password:<token>` → user id): all of
 * them (`keep` null), or those made before the link `keep` (one made at the same millisecond stays).
 */
async function endEarlierLinks(db: Db, userId: string, keep: string | null) {
  const ofAccount = and(eq(verification.value, userId), like(verification.identifier, `${RESET_PREFIX}%`));
  if (keep === null) {
    await db.delete(verification).where(ofAccount);
    return;
  }
  const [kept] = await db.select({ createdAt: verification.createdAt }).from(verification).where(eq(verification.identifier, RESET_PREFIX + keep));
  if (!kept) return;
  await db.delete(verification).where(and(ofAccount, ne(verification.identifier, RESET_PREFIX + keep), lt(verification.createdAt, kept.createdAt)));
}

/** E-mails the account's owner a single-use link to choose a password (lost password, or sent by the desk). */
export const sendPasswordLink = (auth: Auth, email: string) => auth.api.requestPasswordReset({ body: { email, redirectTo: RESET_PAGE } });

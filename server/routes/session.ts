import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { preferencesSchema, signInSchema } from '../../shared/auth-schemas.ts';
import type { SignedOut } from '../../shared/session.ts';
import { readDeviceToken, trustDevice, trustedDeviceId } from '../auth/devices.ts';
import { authHeaders, requireSession } from '../auth/session-middleware.ts';
import { forwardCookies, sessionInfo } from '../auth/session-info.ts';
import { user as userTable } from '../db/schema/index.ts';
import { checkPasswordAnyway, disabledCredential } from '../families/desk-accounts.ts';
import type { AppEnv, SessionUser } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { ApiError } from '../http/errors.ts';
import { logEvent } from '../log.ts';
import { validateJson } from '../http/validate.ts';

const SIGNED_OUT: SignedOut = { user: null };

const BAD_CREDENTIALS = new ApiError(
  401,
  'bad_credentials',
  'Identifiant ou mot de passe incorrect, ou compte rattaché à un autre site.',
);

/**
 * Sign-in, session and preferences. Sign-in checks, before better-auth verifies the password,
 * that the identifiant is not throttled (for this device: see throttle.ts); after, that the account
 * belongs to the chosen site. Every refusal but throttling gives the same answer, so nothing tells
 * whether an identifiant exists. A success makes the device trusted for the account (device cookie).
 */
export const sessionRoutes = new Hono<AppEnv>()
  .post('/sign-in', validateJson(signInSchema), async (c) => {
    const { auth, throttle, db, env } = c.var.deps;
    const { siteId, username, password } = c.req.valid('json');
    const ip = c.var.clientIp;
    // A device that signed in to this account before is held back only by its own failures.
    const deviceToken = readDeviceToken(c.req.header('cookie'), env);
    const deviceId = await trustedDeviceId(db, deviceToken, username);

    // Counted as a failure from here until it succeeds: see throttle.reserve.
    const waitMs = await throttle.reserve(username, ip, deviceId);
    if (waitMs > 0) {
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      const wait = `Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}`;
      throw new ApiError(
        429,
        'throttled',
        deviceId
          ? `Trop de tentatives de connexion depuis cet appareil. ${wait}.`
          : `Trop de tentatives de connexion. ${wait}, ou choisissez un nouveau mot de passe avec « Mot de passe perdu ».`,
        undefined,
        { retryAfterMinutes: minutes },
      );
    }

    // A disabled account: the password is checked all the same (the same scrypt work as a wrong
    // one) and the answer is a wrong password's; no session is ever made for it.
    const disabledHash = await disabledCredential(db, username);
    if (disabledHash !== null) {
      await checkPasswordAnyway(disabledHash, password);
      await throttle.prune().catch((error: unknown) => logEvent('error', 'throttle prune failed', { error }));
      throw BAD_CREDENTIALS;
    }

    const headers = authHeaders(c.req.raw.headers, ip);
    let result;
    try {
      result = await auth.api.signInUsername({ body: { username, password, rememberMe: true }, headers, returnHeaders: true });
    } catch {
      await throttle.prune().catch((error: unknown) => logEvent('error', 'throttle prune failed', { error }));
      throw BAD_CREDENTIALS;
    }
    const signedIn = result.response;
    const u = signedIn?.user as unknown as SessionUser | undefined;
    if (!signedIn || !u || u.siteId !== siteId) {
      // Right password, wrong site: end the session just made and answer as for a wrong password.
      // revokeSession needs the session itself: pass the cookie just made, not an empty one.
      if (signedIn?.token) await auth.api.revokeSession({ headers: new Headers({ cookie: cookieHeader(result.headers) }), body: { token: signedIn.token } }).catch(() => undefined);
      await throttle.prune().catch((error: unknown) => logEvent('error', 'throttle prune failed', { error }));
      throw BAD_CREDENTIALS;
    }
    await throttle.recordSuccess(username, deviceId);
    forwardCookies(result.headers, c);
    c.header('set-cookie', await trustDevice(db, env, u.id, deviceToken), { append: true });
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieHeader(result.headers) }), query: { disableRefresh: true } });
    return sendJson(c, await sessionInfo(db, c.var.deps.env, u, session?.session.expiresAt ?? new Date()), 200);
  })
  // Asked by every start of the app: without a session the answer is a signed-out state, not a
  // 401, which the browser would log as an error on every visit of the sign-in page. Every other
  // resource still answers 401. Never cached: it says who is signed in.
  .get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const signedIn = await requireSession(c, async () => undefined).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return false;
        throw error;
      },
    );
    if (!signedIn) return sendJson(c, SIGNED_OUT, 200);
    return sendJson(c, await sessionInfo(c.var.deps.db, c.var.deps.env, c.var.user, c.var.session.expiresAt), 200);
  })
  .post('/sign-out', requireSession, async (c) => {
    const { auth } = c.var.deps;
    const result = await auth.api.signOut({ headers: authHeaders(c.req.raw.headers, c.var.clientIp), returnHeaders: true });
    forwardCookies(result.headers, c);
    return c.body(null, 204);
  })
  .put('/preferences', requireSession, validateJson(preferencesSchema), async (c) => {
    const prefs = c.req.valid('json');
    if (Object.keys(prefs).length) {
      await c.var.deps.db.update(userTable).set({ ...prefs, updatedAt: new Date() }).where(eq(userTable.id, c.var.user.id));
    }
    return c.body(null, 204);
  });

/** The Cookie header a browser would send back after receiving these Set-Cookie headers. */
function cookieHeader(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

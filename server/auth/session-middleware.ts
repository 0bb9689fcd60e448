import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/session.ts';
import type { AppEnv, SessionRecord, SessionUser } from '../http/context.ts';
import { forbidden, unauthorized } from '../http/errors.ts';
import { CLIENT_IP_HEADER, SESSION_MAX_AGE_MS, sessionUpdateAgeSeconds } from './auth.ts';

/** Request headers for better-auth, carrying the client IP that our middleware took from the socket. */
export function authHeaders(raw: Headers, clientIp: string): Headers {
  const headers = new Headers(raw);
  headers.set(CLIENT_IP_HEADER, clientIp);
  return headers;
}

/**
 * Requests that say `X-Portee-Background: 1` (the periodic sync) read the session without
 * extending it: only what the person does keeps the session alive (the idle timeout is real).
 */
export const BACKGROUND_HEADER = 'x-portee-background';

/**
 * Loads the session or answers 401; sessions older than 12 hours are ended whatever the activity.
 * The session is read directly (signed cookie + one query); better-auth is asked only when the
 * session is due for extension, so it re-issues the cookie as it normally does.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  // Already read for this request (a route under a guarded sub-app that guards itself too): read once.
  if (c.get('user')) return next();
  const { auth, env, readSession } = c.get('deps');
  const found = await readSession(c.req.header('cookie'));
  if (!found) throw unauthorized();
  let { session, user } = found;
  // Built only when better-auth is called: copying the headers costs on every request otherwise.
  const headers = () => authHeaders(c.req.raw.headers, c.var.clientIp);
  if (Date.now() - new Date(session.createdAt).getTime() > SESSION_MAX_AGE_MS) {
    await auth.api.revokeSession({ headers: headers(), body: { token: session.token } }).catch(() => undefined);
    throw unauthorized();
  }
  const background = c.req.header(BACKGROUND_HEADER) === '1';
  const lastExtended = new Date(session.expiresAt).getTime() - env.SESSION_IDLE_SECONDS * 1000;
  if (!background && Date.now() - lastExtended >= sessionUpdateAgeSeconds(env) * 1000) {
    const result = await auth.api.getSession({ headers: headers(), returnHeaders: true });
    if (!result.response) throw unauthorized();
    session = result.response.session as unknown as SessionRecord;
    user = result.response.user as unknown as SessionUser;
    for (const cookie of result.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
  }
  c.set('session', session);
  c.set('user', user);
  await next();
});

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw forbidden();
    await next();
  });

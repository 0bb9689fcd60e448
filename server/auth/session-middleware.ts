import { createMiddleware } from 'hono/factory';
import type { Role } from '../../shared/session.ts';
import type { AppEnv, SessionRecord, SessionUser } from '../http/context.ts';
import { forbidden, unauthorized } from '../http/errors.ts';
import { CLIENT_IP_HEADER, SESSION_MAX_AGE_MS } from './auth.ts';

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

/** Loads the session or answers 401; sessions older than 12 hours are ended whatever the activity. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.var.deps;
  const headers = authHeaders(c.req.raw.headers, c.var.clientIp);
  const background = c.req.header(BACKGROUND_HEADER) === '1';
  const result = await auth.api.getSession({ headers, query: { disableRefresh: background }, returnHeaders: true });
  const data = result.response;
  if (!data) throw unauthorized();
  const session = data.session as unknown as SessionRecord;
  if (Date.now() - new Date(session.createdAt).getTime() > SESSION_MAX_AGE_MS) {
    await auth.api.revokeSession({ headers, body: { token: session.token } }).catch(() => undefined);
    throw unauthorized();
  }
  const setCookie = result.headers.get('set-cookie');
  if (setCookie) c.header('set-cookie', setCookie, { append: true });
  c.set('session', session);
  c.set('user', data.user as unknown as SessionUser);
  await next();
});

export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) throw forbidden();
    await next();
  });

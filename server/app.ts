import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { createAuth } from './auth/auth.ts';
import { createSessionReader } from './auth/session-reader.ts';
import { createThrottle } from './auth/throttle.ts';
import type { Db, ReadConnection } from './db/client.ts';
import { createHeadReader } from './db/versioning.ts';
import type { Env } from './env.ts';
import type { AppDeps, AppEnv } from './http/context.ts';
import { ApiError, handleError } from './http/errors.ts';
import { clientAddress } from './http/client-ip.ts';
import { limitJsonBodies, sameOriginWrites } from './http/request-guards.ts';
import { securityHeaders } from './http/security-headers.ts';
import { mountClient } from './http/static.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { requestLog } from './log.ts';
import { createApi } from './api.ts';
import { payfipFormActions } from './payfip/config.ts';
import { mountPayfip } from './payfip/mount.ts';
import { mountCalendarFeed } from './calendar/public-feed.ts';

export interface AppOptions {
  db: Db;
  env: Env;
  mailer?: Mailer;
  /** The embedded database's kept-prepared read connection (openDatabase's `reads`). */
  reads?: ReadConnection | null;
  /** Serve the built client too (false in API tests). */
  serveClient?: boolean;
}

/** Composes the app; server/main.ts only starts it, and tests call `app.request()` on it. */
export function createApp(opts: AppOptions) {
  const { db, env } = opts;
  const mailer = opts.mailer ?? createMailer(db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  const auth = createAuth(db, env, mailer);
  const reads = opts.reads ?? null;
  const readSession = createSessionReader(db, reads, env.AUTH_SECRET, async () => (await auth.$context).authCookies.sessionToken.name);
  const deps: AppDeps = { db, env, mailer, auth, throttle: createThrottle(db), readSession, headVersion: createHeadReader(db, reads) };

  const api = createApi();

  const app = new Hono<AppEnv>();
  app.use(requestId());
  if (env.LOG_REQUESTS === '1') app.use(requestLog());
  app.use(securityHeaders({ formActions: payfipFormActions(env) }));
  // Families on poor connections: the app's files travel compressed. API answers compress
  // themselves when large (http/json-response.ts), so small ones keep the server's direct write.
  const compressFiles = compress();
  app.use((c, next) => (c.req.path.startsWith('/api/') ? next() : compressFiles(c, next)));
  app.use(async (c, next) => {
    c.set('deps', deps);
    // The socket address, never a client-sent header: throttling and better-auth key on it.
    let ip = 'unknown';
    try {
      ip = clientAddress(getConnInfo(c).remote.address ?? 'unknown', c.req.header('x-forwarded-for'), env.TRUST_PROXY_HOPS);
    } catch {
      // app.request() in tests has no socket.
      ip = c.req.header('x-test-client-ip') && env.NODE_ENV === 'test' ? c.req.header('x-test-client-ip')! : '127.0.0.1';
    }
    c.set('clientIp', ip);
    await next();
  });
  app.use('/api/*', sameOriginWrites, limitJsonBodies);
  // PayFiP's return is a cross-site form POST by design (it carries only the idop): bounded too.
  app.use('/famille/facturation/paiement/retour', limitJsonBodies);
  app.route('/api', api);
  mountPayfip(app, env);
  // The personal calendar feed: public, keyed by its secret token (docs/calendar.md).
  mountCalendarFeed(app);
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'Adresse inconnue.');
  });
  if (opts.serveClient !== false) mountClient(app, env.CLIENT_DIST);
  app.onError(handleError);
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'Adresse inconnue.' } }, 404));
  return { app, deps };
}

import { Hono } from 'hono';
import { pushRequestSchema } from '../../shared/push-protocol.ts';
import { requireSession } from '../auth/session-middleware.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { push } from '../sync/push.ts';

/** POST /api/sync/push: the client's queued mutations (docs/sync.md, server/sync/push.ts). */
export const pushRoutes = new Hono<AppEnv>().post('/push', requireSession, validateJson(pushRequestSchema), async (c) => {
  const { db, mailer } = c.var.deps;
  c.header('Cache-Control', 'no-store');
  return sendJson(c, await push(db, mailer, c.var.user, c.req.valid('json')), 200);
});

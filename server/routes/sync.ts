import { Hono } from 'hono';
import { z } from 'zod';
import { pushRequestSchema } from '../../shared/push-protocol.ts';
import { requireSession } from '../auth/session-middleware.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson, validateQuery } from '../http/validate.ts';
import { pull } from '../sync/pull.ts';
import { push } from '../sync/push.ts';

const pullQuery = z.object({ cursor: z.coerce.number().int().min(0).default(0) });

/**
 * The sync protocol (docs/sync.md): GET /api/sync?cursor=N pulls what changed (server/sync/pull.ts),
 * POST /api/sync/push applies the client's queued mutations (server/sync/push.ts).
 */
export const syncRoutes = new Hono<AppEnv>()
  .get('/', requireSession, validateQuery(pullQuery), async (c) => {
    const { cursor } = c.req.valid('query');
    // c.get, not c.var: c.var copies every variable into a new object on each access.
    const deps = c.get('deps');
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await pull(deps.db, c.get('user'), cursor, deps.headVersion));
  })
  .post('/push', requireSession, validateJson(pushRequestSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await push(db, mailer, c.var.user, c.req.valid('json')), 200);
  });

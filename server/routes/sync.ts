import { Hono } from 'hono';
import { z } from 'zod';
import { requireSession } from '../auth/session-middleware.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateQuery } from '../http/validate.ts';
import { pull } from '../sync/pull.ts';

const pullQuery = z.object({ cursor: z.coerce.number().int().min(0).default(0) });

export const syncRoutes = new Hono<AppEnv>().get('/', requireSession, validateQuery(pullQuery), async (c) => {
  const { cursor } = c.req.valid('query');
  // c.get, not c.var: c.var copies every variable into a new object on each access.
  const deps = c.get('deps');
  c.header('Cache-Control', 'no-store');
  return sendJson(c, await pull(deps.db, c.get('user'), cursor, deps.headVersion));
});

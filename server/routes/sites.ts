import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { site } from '../db/schema/index.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';

/** The sites, for the sign-in and lost-password forms (public: names only). */
export const siteRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const rows = await c.var.deps.db.select({ id: site.id, name: site.name }).from(site).orderBy(asc(site.name));
  c.header('Cache-Control', 'public, max-age=300');
  return sendJson(c, rows, 200);
});

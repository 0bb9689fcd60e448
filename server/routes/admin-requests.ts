import { Hono } from 'hono';
import { approveSchema, refuseSchema } from '../../shared/identity-schemas.ts';
import { decide, listPending } from '../change-requests/review.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';

/**
 * The secretariat's side of the change requests (its direct edits are in admin-families.ts).
 * Every query is limited to the secretariat's site (another site's request is 404, never its data).
 */
export const adminRequestRoutes = new Hono<AppEnv>()
  .get('/requests', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { requests: await listPending(c.var.deps.db, c.var.user.siteId) }, 200);
  })
  .post('/requests/:id/approve', validateJson(approveSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    const { fields } = c.req.valid('json');
    return sendJson(c, await decide(db, mailer, c.var.user, c.req.param('id'), { approve: true, fields }), 200);
  })
  .post('/requests/:id/refuse', validateJson(refuseSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    const { fields, reason } = c.req.valid('json');
    return sendJson(c, await decide(db, mailer, c.var.user, c.req.param('id'), { approve: false, fields, reason }), 200);
  });

import { Hono } from 'hono';
import { z } from 'zod';
import { approveSchema, refuseSchema } from '../../shared/identity-schemas.ts';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import { decide, directEdit, familyRecord, listPending } from '../change-requests/review.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';

const anyJson = z.record(z.string(), z.unknown());

/**
 * The secretariat's side of the change requests, and its direct edits of a family or student.
 * Role-checked on every route; every query is limited to the secretariat's site (another site's
 * request or family is 404, never its data).
 */
export const adminRequestRoutes = new Hono<AppEnv>()
  .use('/requests/*', requireSession, requireRole('secretariat'))
  .use('/families/*', requireSession, requireRole('secretariat'))
  .use('/students/*', requireSession, requireRole('secretariat'))
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
  })
  .get('/families/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await familyRecord(c.var.deps.db, c.var.user.siteId, c.req.param('id')), 200);
  })
  .put('/families/:id', validateJson(anyJson), async (c) => {
    return sendJson(c, await directEdit(c.var.deps.db, c.var.user, 'family', c.req.param('id'), c.req.valid('json')), 200);
  })
  .put('/students/:id', validateJson(anyJson), async (c) => {
    return sendJson(c, await directEdit(c.var.deps.db, c.var.user, 'student', c.req.param('id'), c.req.valid('json')), 200);
  });

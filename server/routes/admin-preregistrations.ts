import { Hono } from 'hono';
import { z } from 'zod';
import { PREREGISTRATION_STATUSES, preregistrationAcceptSchema, preregistrationRefuseSchema } from '../../shared/preregistration-schemas.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson, validateQuery } from '../http/validate.ts';
import { acceptApplication, applicationDetail, listApplications, markInProgress, refuseApplication } from '../preregistration/review.ts';

const listQuery = z.object({ status: z.enum(PREREGISTRATION_STATUSES).optional() });

/**
 * The secretariat's pre-registrations (/api/admin/preregistrations), limited to its site: list,
 * details with possible duplicates, mark in progress, refuse with a reason, accept in one step.
 */
export const adminPreregistrationRoutes = new Hono<AppEnv>()
  .get('/preregistrations', validateQuery(listQuery), async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { applications: await listApplications(c.var.deps.db, c.var.user.siteId, c.req.valid('query').status) }, 200);
  })
  .get('/preregistrations/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await applicationDetail(c.var.deps.db, c.var.user.siteId, c.req.param('id')), 200);
  })
  .post('/preregistrations/:id/in-progress', async (c) => {
    await markInProgress(c.var.deps.db, c.var.user, c.req.param('id'));
    return sendJson(c, { ok: true }, 200);
  })
  .post('/preregistrations/:id/refuse', validateJson(preregistrationRefuseSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    await refuseApplication(db, mailer, c.var.user, c.req.param('id'), c.req.valid('json').reason);
    return sendJson(c, { ok: true }, 200);
  })
  .post('/preregistrations/:id/accept', validateJson(preregistrationAcceptSchema), async (c) => {
    const { db, mailer, auth } = c.var.deps;
    return sendJson(c, await acceptApplication(db, mailer, auth, c.var.user, c.req.param('id'), c.req.valid('json').attachToFamilyId), 200);
  });

import { Hono } from 'hono';
import { z } from 'zod';
import { preregistrationSchema } from '../../shared/preregistration-schemas.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson, validateQuery } from '../http/validate.ts';
import { formToken } from '../preregistration/form-token.ts';
import { siteDisciplines, submitPreregistration } from '../preregistration/submit.ts';

const formQuery = z.object({ siteId: z.string().min(1).max(64) });

/**
 * Pre-registration (/api/preregistration), public: the form's token and the site's disciplines,
 * then the application itself (server/preregistration/submit.ts keeps abuse out).
 */
export const preregistrationRoutes = new Hono<AppEnv>()
  .get('/form', validateQuery(formQuery), async (c) => {
    const { db, env } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { formToken: formToken(env.AUTH_SECRET), disciplines: await siteDisciplines(db, c.req.valid('query').siteId) }, 200);
  })
  .post('/', validateJson(preregistrationSchema), async (c) => {
    const { db, mailer, env } = c.var.deps;
    return sendJson(c, await submitPreregistration(db, mailer, env.AUTH_SECRET, c.var.clientIp, c.req.valid('json')), 201);
  });

import { Hono } from 'hono';
import { accountEmailSchema, newFamilyAccountSchema, newFamilySchema, newTeacherSchema } from '../../shared/desk-schemas.ts';
import { addFamilyAccount, createFamily, type Portal } from '../families/create-family.ts';
import { changeAccountEmail, deskAccount, setAccountDisabled, welcomeLetter } from '../families/desk-accounts.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { createTeacher } from '../teachers/create-teacher.ts';

const portalOf = (deps: AppEnv['Variables']['deps']): Portal => ({ mailer: deps.mailer, auth: deps.auth, portalUrl: deps.env.PUBLIC_URL });

/**
 * The desk creates families, teachers and sign-in accounts, and holds the site's accounts: disable
 * and enable them, change their e-mail, read what their welcome letter says (issue 14). Under the
 * secretariat's guard (server/routes/admin.ts); every query is limited to the secretariat's site.
 */
export const adminAccountRoutes = new Hono<AppEnv>()
  .post('/families', validateJson(newFamilySchema), async (c) => {
    return sendJson(c, await createFamily(c.var.deps.db, portalOf(c.var.deps), c.var.user, c.req.valid('json')), 201);
  })
  .post('/families/:familyId/accounts', validateJson(newFamilyAccountSchema), async (c) => {
    return sendJson(c, await addFamilyAccount(c.var.deps.db, portalOf(c.var.deps), c.var.user, c.req.param('familyId'), c.req.valid('json')), 201);
  })
  .post('/teachers', validateJson(newTeacherSchema), async (c) => {
    return sendJson(c, await createTeacher(c.var.deps.db, portalOf(c.var.deps), c.var.user, c.req.valid('json')), 201);
  })
  .get('/accounts/:id', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await deskAccount(c.var.deps.db, c.var.user, c.req.param('id')), 200);
  })
  .post('/accounts/:id/disable', async (c) => {
    return sendJson(c, await setAccountDisabled(c.var.deps.db, c.var.user, c.req.param('id'), true), 200);
  })
  .post('/accounts/:id/enable', async (c) => {
    return sendJson(c, await setAccountDisabled(c.var.deps.db, c.var.user, c.req.param('id'), false), 200);
  })
  .patch('/accounts/:id/email', validateJson(accountEmailSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, await changeAccountEmail(db, mailer, c.var.user, c.req.param('id'), c.req.valid('json').email), 200);
  })
  .get('/accounts/:id/welcome', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await welcomeLetter(c.var.deps.db, c.var.deps.env.PUBLIC_URL, c.var.user, c.req.param('id')), 200);
  });

import { Hono } from 'hono';
import { z } from 'zod';
import { familySearchQuery } from '../../shared/family-search.ts';
import { directEdit, familyRecord } from '../change-requests/review.ts';
import { familyAccounts, sendResetLink, staffAccounts, unlockAccount, unlockStaffAccount } from '../families/accounts.ts';
import { searchFamilies } from '../families/search.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson, validateQuery } from '../http/validate.ts';

const anyJson = z.record(z.string(), z.unknown());

/**
 * The secretariat's families: search them, open one, edit it or one of its students directly (no
 * request; audited), unlock its accounts or send them a password link; list and unlock the site's
 * staff accounts. Every query is limited to the secretariat's site: another site's family or staff is 404.
 */
export const adminFamilyRoutes = new Hono<AppEnv>()
  .get('/families', validateQuery(familySearchQuery), async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await searchFamilies(c.var.deps.db, c.var.user.siteId, c.req.valid('query').q), 200);
  })
  .get('/families/:id', async (c) => {
    const { db, throttle } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    const record = await familyRecord(db, c.var.user.siteId, c.req.param('id'));
    return sendJson(c, { ...record, accounts: await familyAccounts(db, throttle, record.family.id) }, 200);
  })
  .post('/accounts/:id/unlock', async (c) => {
    const { db, throttle } = c.var.deps;
    return sendJson(c, await unlockAccount(db, throttle, c.var.user, c.req.param('id')), 200);
  })
  .post('/accounts/:id/reset-link', async (c) => {
    const { db, auth } = c.var.deps;
    return sendJson(c, await sendResetLink(db, auth, c.var.user, c.req.param('id')), 200);
  })
  // The site's teachers and secretariat accounts, with their lock state; unlock one of them.
  .get('/staff-accounts', async (c) => {
    const { db, throttle } = c.var.deps;
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await staffAccounts(db, throttle, c.var.user.siteId), 200);
  })
  .post('/staff-accounts/:id/unlock', async (c) => {
    const { db, throttle } = c.var.deps;
    return sendJson(c, await unlockStaffAccount(db, throttle, c.var.user, c.req.param('id')), 200);
  })
  .put('/families/:id', validateJson(anyJson), async (c) => {
    return sendJson(c, await directEdit(c.var.deps.db, c.var.user, 'family', c.req.param('id'), c.req.valid('json')), 200);
  })
  .put('/students/:id', validateJson(anyJson), async (c) => {
    return sendJson(c, await directEdit(c.var.deps.db, c.var.user, 'student', c.req.param('id'), c.req.valid('json')), 200);
  });

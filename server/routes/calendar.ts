import { Hono } from 'hono';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import { createFeed, feedStatus, revokeFeed } from '../calendar/feed-tokens.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';

/** The path of a feed under the app's origin (the public route: server/calendar/public-feed.ts). */
export const feedPath = (token: string) => `/calendrier/${token}.ics`;

/**
 * The family's and the teacher's calendar (/api/calendar): the feed link. Creating one answers
 * its URL once (only its hash is kept, docs/calendar.md); the status says whether a link is live
 * without it. Events are written by the teacher through the push (server/calendar/mutations.ts)
 * and by the secretariat under /api/admin (admin-calendar.ts).
 */
export const calendarRoutes = new Hono<AppEnv>()
  .use(requireSession, requireRole('family', 'teacher'))
  .get('/feed', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, await feedStatus(c.var.deps.db, c.var.user.id), 200);
  })
  .post('/feed', async (c) => {
    const { token, createdAt } = await createFeed(c.var.deps.db, c.var.user);
    c.header('Cache-Control', 'no-store');
    // The path, not a full URL: the browser puts its own origin in front (the address the family
    // actually reaches the app at, whatever PUBLIC_URL says behind a proxy).
    return sendJson(c, { path: feedPath(token), createdAt }, 201);
  })
  .delete('/feed', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { revoked: await revokeFeed(c.var.deps.db, c.var.user) }, 200);
  });

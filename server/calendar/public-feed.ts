import type { Hono } from 'hono';
import { writeTransaction } from '../db/write-transaction.ts';
import type { AppEnv } from '../http/context.ts';
import { overRate, withinRate } from '../db/rate-limit.ts';
import { feedIcs } from './feed-ics.ts';
import { feedAccount, feedEntries } from './feed-scope.ts';
import { feedOwner, hashFeedToken } from './feed-tokens.ts';

/**
 * `GET /calendrier/<token>.ics`: the personal iCalendar feed, outside /api and without a session
 * (a phone's calendar app subscribes to it). The token is the key (server/calendar/feed-tokens.ts);
 * an unknown, malformed or revoked token, or a disabled account, gets the same bare 404, so the
 * answer tells nothing about which. The feed is personal: `private, no-store` keeps it out of
 * shared caches, and no-referrer keeps the URL from leaking.
 *
 * A valid link is read at most FEED_READS_PER_HOUR times an hour (counted in the database, so
 * across server processes, under the token's hash: a new link after revoking a leaked one starts
 * afresh): calendar apps poll every 15 minutes to a few hours, so even several devices subscribed
 * to one link stay far below it, while a leaked link cannot make the server build the feed
 * without end. Over it: 429 with Retry-After, checked by a read first (a flood takes no write lock).
 */
export const FEED_READS_PER_HOUR = 60;
const HOUR_MS = 3600_000;

export function mountCalendarFeed(app: Hono<AppEnv>) {
  app.get('/calendrier/:file{[^/]+\\.ics}', async (c) => {
    c.header('Cache-Control', 'private, no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const db = c.var.deps.db;
    const userId = await feedOwner(db, token);
    const account = userId ? await feedAccount(db, userId) : null;
    if (!account || account.disabled) return c.text('Not found', 404);
    const key = hashFeedToken(token);
    const tooMany = () => c.text('Too many requests', 429, { 'Retry-After': String(HOUR_MS / 4000) });
    if (await overRate(db, 'calendar-feed-read', key, FEED_READS_PER_HOUR, HOUR_MS)) return tooMany();
    if (!(await writeTransaction(db, (tx) => withinRate(tx, 'calendar-feed-read', key, FEED_READS_PER_HOUR, HOUR_MS)))) return tooMany();
    const { year, entries } = await feedEntries(db, account);
    const body = feedIcs(entries, { name: `Portée — ${year}` });
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'inline; filename="portee.ics"' });
  });
}

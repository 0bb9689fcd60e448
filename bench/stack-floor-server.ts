// The least a "nothing new" pull can be on the fixed stack (Hono on @hono/node-server, libSQL),
// for bench/stack-floor.bench.ts. The same body answered by Hono with, as the level says:
//   headers: none, the app's own request-id and security-header middlewares ("app"), or the same
//            header bytes set from a list worked out once at start ("list");
//   reads:   none; the change counter ("counter"); or the session and the counter ("session"):
//            the app's two per-request reads by its own readers (the cookie's signature checked,
//            the session joined to its user, the counter; statements kept prepared on a WAL file:
//            server/auth/session-reader.ts, server/db/versioning.ts), on a database the app's own
//            openDatabase made, with one user, its session and the counter in it;
//   als:     an AsyncLocalStorage entered, as better-auth's run() does in the app's process (on
//            Node 20 it turns on an async-hooks init hook for every async resource of the process).
// The app's pull does more than any level (its other middlewares, the route's validation): a floor.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { createSessionReader } from '../server/auth/session-reader.ts';
import { openDatabase } from '../server/db/client.ts';
import { changeCounter, session, site, user } from '../server/db/schema/index.ts';
import { createHeadReader } from '../server/db/versioning.ts';
import { securityHeaders } from '../server/http/security-headers.ts';

interface Level {
  headers: 'none' | 'app' | 'list';
  reads: 'none' | 'counter' | 'session';
  als: boolean;
  body: string;
  dbFile: string;
  /** The session's token and the secret its cookie is signed with (the bench signs the cookie). */
  token: string;
  secret: string;
  cookieName: string;
}
const level = JSON.parse(process.argv[2] ?? '{}') as Level;
const given = ['body', 'dbFile', 'token', 'secret', 'cookieName'] as const;
if (!['none', 'app', 'list'].includes(level.headers) || !['none', 'counter', 'session'].includes(level.reads) || given.some((key) => typeof level[key] !== 'string')) {
  throw new Error('usage: stack-floor-server.ts \'{"headers":"none|app|list","reads":"none|counter|session","als":false,"body":…,"dbFile":…,"token":…,"secret":…,"cookieName":…}\'');
}

const { db, reads } = await openDatabase(`file:${level.dbFile}`);
const now = new Date();
await db.insert(changeCounter).values({ id: 1, value: 2002 }).onConflictDoNothing();
await db.insert(site).values({ id: 'floor-site', name: 'Mantes' }).onConflictDoNothing();
await db.insert(user).values({ id: 'floor-user', name: 'Famille Floor', email: 'floor@example.org', username: 'famille.floor', siteId: 'floor-site', familyId: 'floor-family', createdAt: now, updatedAt: now }).onConflictDoNothing();
await db.insert(session).values({ id: 'floor-session', token: level.token, userId: 'floor-user', createdAt: now, updatedAt: now, expiresAt: new Date(now.getTime() + 86_400_000) }).onConflictDoNothing();
const head = createHeadReader(db, reads);
if ((await head()) !== 2002) throw new Error('stack-floor-server: the counter is not there to read');
const readSession = createSessionReader(db, reads, level.secret, async () => level.cookieName);

if (level.als) new AsyncLocalStorage().enterWith({});

// The app's middlewares' headers for this request, as they come out of them (the request id apart:
// it is new on each request).
const probe = new Hono().use(requestId(), securityHeaders()).get('/', (c) => c.body(''));
const list = Object.fromEntries([...(await probe.request('http://127.0.0.1/')).headers].filter(([name]) => name !== 'x-request-id' && name !== 'content-type'));

const app = new Hono();
if (level.headers === 'app') app.use(requestId(), securityHeaders());
app.get('/', async (c) => {
  if (level.reads === 'session' && !(await readSession(c.req.header('cookie')))) return c.body('no session', 401);
  if (level.reads !== 'none') await head();
  if (level.headers === 'list') return c.body(level.body, 200, { ...list, 'x-request-id': randomUUID(), 'content-type': 'application/json' });
  return c.body(level.body, 200, { 'content-type': 'application/json' });
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.stdout.write(`PORT ${info.port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// The least a "nothing new" pull can be on the fixed stack (Hono on @hono/node-server, libSQL),
// for bench/stack-floor.bench.ts: the same body answered with nothing else ("hono"), then with the
// app's own request-id and security-header middlewares ("headers"), then with one or two libSQL
// reads per request on top ("one read", "two reads"). The app's pull does more than the last
// (the session's cookie, better-auth, the query's validation, the device's record): this is a floor.
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { securityHeaders } from '../server/http/security-headers.ts';

const [level, body, dbFile] = process.argv.slice(2);
const reads = { hono: 0, headers: 0, 'one read': 1, 'two reads': 2 }[level];
if (reads === undefined || body === undefined || dbFile === undefined) throw new Error('usage: stack-floor-server.ts <hono|headers|one read|two reads> <body> <db file>');

const db = createClient({ url: `file:${dbFile}` });
await db.execute('CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)');
await db.execute('INSERT OR IGNORE INTO counter VALUES (1, 2002)');

const app = new Hono();
if (level !== 'hono') app.use(requestId(), securityHeaders());
app.get('/', async (c) => {
  // A per-request check that another process's sign-out or write cannot slip past needs a read:
  // the session's row, the change counter, or at least SQLite's data_version.
  for (let i = 0; i < reads; i++) await db.execute({ sql: 'SELECT value FROM counter WHERE id = ?', args: [1] });
  return c.body(body, 200, { 'content-type': 'application/json' });
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.stdout.write(`PORT ${info.port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// The least a "nothing new" pull can be on the fixed stack (Hono on @hono/node-server, libSQL),
// for bench/stack-floor.bench.ts. The same body answered by Hono with, as the level says:
//   headers: none, the app's own request-id and security-header middlewares ("app"), or the same
//            header bytes set from a list worked out once at start ("list"): what the headers
//            themselves cost against what the middlewares' way of setting them costs;
//   reads:   0, 1 or 2 reads a request of the change counter, by the app's own reader (a statement
//            kept prepared on a WAL file: server/db/versioning.ts), on a database the app's own
//            openDatabase made. The app's pull reads the session and the counter: two.
// The app's pull does more than any level (the cookie's signature, the route's validation, the
// device's record): this is a floor.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { openDatabase } from '../server/db/client.ts';
import { createHeadReader } from '../server/db/versioning.ts';
import { securityHeaders } from '../server/http/security-headers.ts';

const [headers, readsArg, body, dbFile] = process.argv.slice(2);
const reads = Number(readsArg);
if (!['none', 'app', 'list'].includes(headers) || ![0, 1, 2].includes(reads) || body === undefined || dbFile === undefined) {
  throw new Error('usage: stack-floor-server.ts <none|app|list> <0|1|2> <body> <db file>');
}

const { db, reads: readConnection } = await openDatabase(`file:${dbFile}`);
const head = createHeadReader(db, readConnection);

// The app's middlewares' headers for this request, as they come out of them (the request id apart:
// it is new on each request).
const probe = new Hono().use(requestId(), securityHeaders()).get('/', (c) => c.body(''));
const list = Object.fromEntries([...(await probe.request('http://127.0.0.1/')).headers].filter(([name]) => name !== 'x-request-id' && name !== 'content-type'));

const app = new Hono();
if (headers === 'app') app.use(requestId(), securityHeaders());
app.get('/', async (c) => {
  for (let i = 0; i < reads; i++) await head();
  if (headers === 'list') return c.body(body, 200, { ...list, 'x-request-id': randomUUID(), 'content-type': 'application/json' });
  return c.body(body, 200, { 'content-type': 'application/json' });
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.stdout.write(`PORT ${info.port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

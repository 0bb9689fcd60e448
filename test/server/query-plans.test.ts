// The hot queries use an index: each is recorded as the server really sends it (a drizzle logger
// under the real app), then asked for its plan with EXPLAIN QUERY PLAN. A `SCAN` of a table that
// grows with the families (anything but the few catalogue tables) fails the test, on a freshly
// migrated database. (On the large seed, after ANALYZE, SQLite rightly prefers a scan for the
// desk's site-wide lists, whose IN lists name most families: docs/performance.md.)
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import { createApp } from '../../server/app.ts';
import { openDatabase, schema, type OpenDatabase } from '../../server/db/client.ts';
import { seedDemo } from '../../server/db/seed/demo.ts';
import { parseEnv } from '../../server/env.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { DEMO, TestClient } from '../helpers/test-app.ts';

/** Tables a site has a handful of rows in: scanning them costs nothing. */
const SMALL_TABLES = new Set(['site', 'change_counter', 'document_kind', 'department', 'room', 'teacher']);

const file = join(tmpdir(), `portee-plans-${crypto.randomUUID()}.db`);
const url = `file:${file}`;

let opened: OpenDatabase;
let recorded: Array<{ sql: string; params: unknown[] }> = [];
let family_: TestClient;
let desk: TestClient;

before(async () => {
  opened = await openDatabase(url);
  await seedDemo(opened.db);
  // The same client, a drizzle that writes down every statement: the app's own queries are the ones looked at.
  const db = drizzle(opened.client, { schema, logger: { logQuery: (sql, params) => void recorded.push({ sql, params }) } });
  const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: url, LOG_REQUESTS: '0', PUBLIC_URL: 'http://localhost:3000' });
  // No kept-prepared read connection: the session and counter reads go through drizzle, so they are recorded too.
  const { app } = createApp({ db, env, reads: null, serveClient: false, mailer: createMailer(db, { from: env.MAIL_FROM, log: () => undefined }) });
  family_ = new TestClient(app);
  desk = new TestClient(app);
  assert.equal((await family_.signIn(...DEMO.family)).status, 200);
  assert.equal((await desk.signIn(...DEMO.secretariat)).status, 200);
});

after(() => {
  opened.client.close();
  opened.reads?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

/** The statements `action` sends, each with the big tables its plan scans. */
async function scansOf(action: () => Promise<unknown>) {
  recorded = [];
  await action();
  const statements = recorded.filter((q) => /^\s*(select|with|update|delete|insert)/i.test(q.sql) && !/^\s*insert/i.test(q.sql));
  assert.ok(statements.length > 0, 'the action sent no statement');
  const out: Array<{ sql: string; scans: string[] }> = [];
  for (const q of statements) {
    const plan = await opened.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never });
    const scans = plan.rows
      .map((r) => String(r.detail))
      .filter((d) => /^SCAN /.test(d))
      .filter((d) => !SMALL_TABLES.has(/^SCAN (\S+)/.exec(d)![1]))
      // What a query already narrowed: a window's or a CTE's own rows (the search's count, the site's invoices).
      .filter((d) => !/^SCAN (\(subquery-\d+\)|per_invoice)/.test(d))
      // A partial index of the stale search keys only: its scan reads the few rows a write left to compute.
      .filter((d) => !/ USING (COVERING )?INDEX family_search_stale_idx/.test(d));
    out.push({ sql: q.sql, scans });
  }
  return out;
}

function assertIndexed(results: Awaited<ReturnType<typeof scansOf>>) {
  const bad = results.filter((r) => r.scans.length);
  assert.deepEqual(bad, [], `full scans:\n${bad.map((b) => `${b.scans.join(', ')}\n  ${b.sql}`).join('\n')}`);
}

test('the full family pull reads by index only', async () => {
  const results = await scansOf(async () => assert.equal((await family_.request('/api/sync?cursor=0')).status, 200));
  assert.ok(results.some((r) => /from "invoice"/.test(r.sql)), 'the pull reads the invoices');
  assertIndexed(results);
});

test('an incremental pull (a cursor one change behind) reads by index only', async () => {
  const head = (await family_.json<{ cursor: number }>('/api/sync?cursor=0')).body.cursor;
  // A change elsewhere moves the counter: the family's cursor is behind, its pull looks at everything it may see.
  await opened.db.run(sql`UPDATE change_counter SET value = value + 1 WHERE id = 1`);
  const results = await scansOf(async () => assert.equal((await family_.request(`/api/sync?cursor=${head}`)).status, 200));
  assert.ok(results.some((r) => /from "tombstone"/.test(r.sql)), 'the pull reads the tombstones');
  assertIndexed(results);
});

test('the "nothing new" pull reads the session and the counter by key, and nothing else', async () => {
  const head = (await family_.json<{ cursor: number }>('/api/sync?cursor=0')).body.cursor;
  const results = await scansOf(async () => assert.equal((await family_.request(`/api/sync?cursor=${head}`)).status, 200));
  assert.deepEqual(results.map((r) => (/from "(\w+)"/.exec(r.sql) ?? [])[1]).sort(), ['change_counter', 'session']);
  assertIndexed(results);
});

test('the secretariat’s family search reads by index only, on the stored key', async () => {
  for (const q of ['martin', 'dupont lea', 'famille.demo', '']) {
    const results = await scansOf(async () => assert.equal((await desk.request(`/api/admin/families?q=${encodeURIComponent(q)}`)).status, 200));
    assert.ok(results.some((r) => /from "family_search".*instr|from "family_search".*limit/is.test(r.sql)), 'the search matches and pages in SQL');
    assert.ok(!results.some((r) => /from "student"/.test(r.sql) && !/in \(/.test(r.sql)), 'students are read for the page only');
    assertIndexed(results);
  }
});

test('/admin/demandes and /admin/facturation answers read by index only', async () => {
  assertIndexed(await scansOf(async () => assert.equal((await desk.request('/api/admin/requests')).status, 200)));
  const billing = await scansOf(async () => assert.equal((await desk.request('/api/admin/billing/families')).status, 200));
  assert.ok(billing.some((r) => /sum\(max\(0,/.test(r.sql)), 'the balances are summed in SQL');
  assert.ok(!billing.some((r) => /select .*"invoice"\."label"/is.test(r.sql)), 'no invoice row is loaded');
  assertIndexed(billing);
});

test('a push finds its client and the pending request of a record by index', async () => {
  const me = (await family_.json<{ user: { familyId: string } }>('/api/session')).body.user;
  const clientId = crypto.randomUUID();
  const mutation = { mutationId: 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: me.familyId, values: { city: 'Limay' }, from: {} }, baseVersion: 1 };
  const results = await scansOf(async () => assert.equal((await family_.request('/api/sync/push', { json: { clientId, mutations: [mutation] } })).status, 200));
  assert.ok(results.some((r) => /from "change_request"/.test(r.sql)), 'the push looks for a pending request');
  assertIndexed(results);
});

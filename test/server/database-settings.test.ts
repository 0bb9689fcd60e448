import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import Database from 'libsql';
import { EMBEDDED_PRAGMAS, openDatabase, type OpenDatabase } from '../../server/db/client.ts';
import { writeTransaction } from '../../server/db/write-transaction.ts';

/*
 * The embedded file's durability settings (issue 17, item 3; docs/deployment.md, "Durability") are
 * in effect on every connection the server uses, and a connection that met another process's
 * write lock does not poison a later transaction.
 */

const file = join(tmpdir(), `portee-settings-${crypto.randomUUID()}.db`);
let open: OpenDatabase;
before(async () => {
  open = await openDatabase(`file:${file}`);
});
after(() => {
  open.client.close();
  open.reads?.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

const pragma = async (name: string, run: (q: string) => Promise<{ rows: Array<Record<string, unknown>> }>) => Object.values((await run(`PRAGMA ${name}`)).rows[0])[0];

test('WAL, synchronous=FULL and busy_timeout 0 on the client, inside a write transaction, and on the read connection', async () => {
  assert.deepEqual(EMBEDDED_PRAGMAS, { journal_mode: 'wal', synchronous: 2, busy_timeout: 0 });
  for (const [name, expected] of Object.entries(EMBEDDED_PRAGMAS)) {
    assert.equal(await pragma(name, (q) => open.client.execute(q)), expected, `client: ${name}`);
  }
  // A write transaction runs on a connection of its own.
  const inside = await writeTransaction(open.db, async (tx) => ({
    synchronous: (await tx.get<{ synchronous: number }>(sql.raw('PRAGMA synchronous'))).synchronous,
    busy: Object.values(await tx.get<Record<string, number>>(sql.raw('PRAGMA busy_timeout')))[0],
    journal: (await tx.get<{ journal_mode: string }>(sql.raw('PRAGMA journal_mode'))).journal_mode,
  }));
  assert.deepEqual(inside, { synchronous: 2, busy: 0, journal: 'wal' });
  assert.deepEqual(open.reads!.pragma('synchronous'), [{ synchronous: 2 }]);
  assert.deepEqual(open.reads!.pragma('journal_mode'), [{ journal_mode: 'wal' }]);
});

test('writes wait for another process’s write lock, and the connections that met it still commit afterwards', async () => {
  const other = new Database(file); // another server process, as far as SQLite can tell
  await open.client.execute('CREATE TABLE IF NOT EXISTS probe (n INTEGER)');
  for (let round = 0; round < 5; round++) {
    other.exec('BEGIN IMMEDIATE');
    const waiting = Promise.all([
      open.client.execute({ sql: 'INSERT INTO probe VALUES (?)', args: [round] }),
      writeTransaction(open.db, (tx) => tx.run(sql`INSERT INTO probe VALUES (${round})`)),
    ]);
    await new Promise((r) => setTimeout(r, 30));
    other.exec('COMMIT');
    await waiting;
    // Every pooled connection, used again: a read transaction and a write transaction commit.
    await Promise.all(Array.from({ length: 4 }, () => open.db.transaction(async (tx) => tx.get(sql`SELECT count(*) FROM probe`), { behavior: 'deferred' })));
    await writeTransaction(open.db, (tx) => tx.run(sql`INSERT INTO probe VALUES (-1)`));
  }
  other.close();
  assert.equal((await open.client.execute('SELECT count(*) AS n FROM probe')).rows[0].n, 15);
});

test('servers starting together on a new database migrate it once, without failing', async () => {
  const fresh = join(tmpdir(), `portee-settings-${crypto.randomUUID()}.db`);
  try {
    const opened = await Promise.all(Array.from({ length: 3 }, () => openDatabase(`file:${fresh}`)));
    const applied = await opened[0].client.execute('SELECT count(*) AS n FROM __drizzle_migrations');
    const journal = JSON.parse(readFileSync(new URL('../../server/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    assert.equal(applied.rows[0].n, journal.entries.length);
    for (const o of opened) {
      o.client.close();
      o.reads?.close();
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
  }
});

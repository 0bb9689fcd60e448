import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import Database from 'libsql';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import { createTestApp, DEMO, TestClient } from '../helpers/test-app.ts';

/*
 * Issue 17, item 6 (server half): the migrations of this release run on a database of the previous
 * one. The previous release's database is made here: the migrations up to the one before the
 * newest, whatever its number, filled with the demo data (the columns it had then), then opened by
 * this release's server, which applies the newest migration. A migration that cannot run on data
 * (a NOT NULL column without default, a unique index the data breaks) fails here, not at a
 * conservatory.
 */

const migrations = fileURLToPath(new URL('../../server/db/migrations', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'portee-upgrade-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Journal { entries: Array<{ tag: string; when: number }> }
const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as Journal;

/** The migrations folder as the previous release shipped it: all but the newest. */
function previousRelease(): string {
  const folder = join(dir, 'previous-migrations');
  cpSync(migrations, folder, { recursive: true });
  const newest = journal.entries.at(-1)!;
  rmSync(join(folder, `${newest.tag}.sql`));
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  return folder;
}

const tablesOf = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`).all() as Array<{ name: string }>).map((r) => r.name);
const columnsOf = (db: Database.Database, table: string, schema = 'main') =>
  (db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).all(table, schema) as Array<{ name: string }>).map((r) => r.name);
const rowsOf = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

test('the newest migration runs on a database of the previous release, with its data: rows kept, accounts sign in, a pull answers', async () => {
  assert.ok(journal.entries.length >= 2, 'at least two migrations');

  // This release's demo data, to fill the old database with.
  const current = await createTestApp();
  const currentFile = current.dbUrl.slice('file:'.length);

  // The previous release's database: its migrations, then the demo rows, column by column.
  const oldFile = join(dir, 'previous.db');
  const client = createClient({ url: `file:${oldFile}` });
  await migrate(drizzle(client), { migrationsFolder: previousRelease() });
  client.close();
  const old = new Database(oldFile);
  old.exec('PRAGMA foreign_keys = OFF');
  old.prepare('ATTACH DATABASE ? AS cur').run(currentFile);
  const before: Record<string, number> = {};
  for (const table of tablesOf(old)) {
    const then = columnsOf(old, table);
    const kept = columnsOf(old, table, 'cur').filter((c) => then.includes(c)).map((c) => `"${c}"`).join(', ');
    // OR REPLACE: some tables are filled by triggers as others are copied (family_search); the
    // copied row is the same one.
    if (kept) old.exec(`INSERT OR REPLACE INTO main."${table}" (${kept}) SELECT ${kept} FROM cur."${table}"`);
    before[table] = rowsOf(old, table);
  }
  old.exec('DETACH DATABASE cur');
  const level = (old.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
  old.close();
  current.close();
  assert.equal(level, journal.entries.length - 1, 'the previous release’s migrations only');
  assert.ok(before.user > 0 && before.family > 0, 'with data');

  // This release's server opens it: the newest migration runs.
  const upgraded = await createTestApp({ seed: false, dbFile: oldFile });
  const db = new Database(oldFile);
  try {
    assert.equal((db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n, journal.entries.length);
    assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    assert.deepEqual(db.prepare('PRAGMA foreign_key_check').all(), [], 'no broken reference');
    for (const [table, rows] of Object.entries(before)) assert.equal(rowsOf(db, table), rows, `${table}: rows kept`);
  } finally {
    db.close();
  }

  const family = new TestClient(upgraded.app);
  assert.equal((await family.signIn(...DEMO.family)).status, 200);
  const pulled = await family.json<PullResponse>('/api/sync?cursor=0');
  assert.equal(pulled.status, 200);
  assert.equal(pulled.body.changes.families?.length, 1);
  assert.ok((pulled.body.changes.students?.length ?? 0) > 0);
  const desk = new TestClient(upgraded.app);
  assert.equal((await desk.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await desk.json('/api/admin/requests')).status, 200);
  upgraded.close();
});

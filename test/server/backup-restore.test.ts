import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'libsql';
import { auditLog } from '../../server/db/schema/index.ts';
import { storageFor } from '../../server/documents/storage.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/*
 * Issue 17, item 3: `npm run db:backup -- <file>` while the server writes, then `npm run
 * db:restore -- <file>` into a fresh place: the copy opens, passes integrity_check, has the
 * manifest's row counts and the uploaded documents.
 */

const run = promisify(execFile);
let dir: string;
let t: TestApp;
let uploadDir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portee-backup-'));
  uploadDir = join(dir, 'uploads');
  t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
});
after(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs db:backup or db:restore with DATABASE_URL and UPLOAD_DIR: through npm as an operator would
 * (`npm run db:backup -- <file>`) when `viaNpm`, else the script itself (the same, a second faster).
 */
async function script(name: 'db:backup' | 'db:restore', args: string[], env: Record<string, string>, viaNpm = false) {
  const [command, argv] = viaNpm ? ['npm', ['run', '--silent', name, '--', ...args]] : [process.execPath, ['--import', 'tsx', `scripts/${name.replace(':', '-')}.ts`, ...args]];
  try {
    const { stdout, stderr } = await run(command as string, argv as string[], { env: { ...process.env, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}
const source = () => ({ DATABASE_URL: t.dbUrl, UPLOAD_DIR: uploadDir });
const restoredAt = (name: string) => ({ DATABASE_URL: `file:${join(dir, name, 'portee.db')}`, UPLOAD_DIR: join(dir, name, 'uploads') });

test('a backup taken under write load restores into a fresh place: sound, the manifest’s rows, the documents', async () => {
  const storage = storageFor({ UPLOAD_DIR: uploadDir });
  const documents = new Map<string, string>();
  for (let i = 0; i < 5; i++) documents.set(await storage.put(new TextEncoder().encode(`document ${i}`)), `document ${i}`);

  // Write load: audit rows committed one after another while the backup runs.
  let writing = true;
  let written = 0;
  const load = (async () => {
    while (writing) {
      await t.db.insert(auditLog).values({ actorUserId: null, action: 'test.load', targetKind: 'test', targetId: String(written), details: { n: written } });
      written++;
      await new Promise((r) => setImmediate(r));
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  const before = written;
  const file = join(dir, 'backups', 'portee.db');
  const backup = await script('db:backup', [file], source(), true);
  writing = false;
  await load;
  assert.equal(backup.code, 0, backup.out);
  assert.ok(written > before, `writes went on during the backup (${written - before})`);

  const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'));
  assert.match(manifest.migrations.last, /^\d{4}_/);
  assert.equal(manifest.uploads.files, documents.size);
  assert.match(manifest.database.sha256, /^[0-9a-f]{64}$/);
  const backedUpLoad = manifest.tables.audit_log;
  assert.ok(backedUpLoad > 0 && backedUpLoad <= (await t.db.$count(auditLog)), 'a snapshot taken while rows were added');

  const fresh = restoredAt('fresh');
  const restore = await script('db:restore', [file], fresh, true);
  assert.equal(restore.code, 0, restore.out);
  const db = new Database(join(dir, 'fresh', 'portee.db'));
  try {
    assert.equal((db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    for (const [table, rows] of Object.entries(manifest.tables as Record<string, number>)) {
      assert.equal((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n, rows, table);
    }
  } finally {
    db.close();
  }
  const restored = storageFor({ UPLOAD_DIR: fresh.UPLOAD_DIR });
  for (const [key, text] of documents) assert.equal(new TextDecoder().decode((await restored.get(key))!), text);

  // The server opens it: migrated, and the demo accounts' data there.
  const reopened = await createTestApp({ seed: false, dbFile: join(dir, 'fresh', 'portee.db'), env: { UPLOAD_DIR: fresh.UPLOAD_DIR } });
  assert.equal(await reopened.db.$count(auditLog), backedUpLoad);
  reopened.close();
});

test('restore refuses to replace a database without --force, and keeps the replaced one aside with it', async () => {
  const file = join(dir, 'backups', 'second.db');
  assert.equal((await script('db:backup', [file], source())).code, 0);
  assert.notEqual((await script('db:backup', [file], source())).code, 0, 'a backup never overwrites another');

  const place = restoredAt('occupied');
  assert.equal((await script('db:restore', [file], place)).code, 0);
  const refused = await script('db:restore', [file], place);
  assert.notEqual(refused.code, 0);
  assert.match(refused.out, /--force/);
  const forced = await script('db:restore', [file, '--force'], place);
  assert.equal(forced.code, 0, forced.out);
  assert.match(forced.out, /before-restore-/);
});

test('restore refuses a damaged backup before touching anything', async () => {
  const file = join(dir, 'backups', 'damaged.db');
  assert.equal((await script('db:backup', [file], source())).code, 0);
  const bytes = readFileSync(file);
  bytes[bytes.length - 100] ^= 0xff;
  writeFileSync(file, bytes);
  const place = restoredAt('damaged');
  const refused = await script('db:restore', [file], place);
  assert.notEqual(refused.code, 0);
  assert.match(refused.out, /sha256/);
  assert.equal(existsSync(join(dir, 'damaged', 'portee.db')), false);
});

test('with a libSQL server, both scripts say the server’s own backups are the tool', async () => {
  for (const name of ['db:backup', 'db:restore'] as const) {
    const r = await script(name, [join(dir, 'x.db')], { DATABASE_URL: 'libsql://portee-mantes.example.turso.io', UPLOAD_DIR: uploadDir });
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /libSQL server/);
    assert.match(r.out, /Turso/);
  }
});

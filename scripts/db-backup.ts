// npm run db:backup -- <file>: a consistent copy of the embedded database, taken while the server
// runs, with the uploaded documents and a manifest (docs/deployment.md, "Backups").
// DATABASE_URL and UPLOAD_DIR as for `npm start`.
import { chmodSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'libsql';
import { filesBelow, integrity, manifestOf, migrationLevel, refuseRemote, rowCounts, sha256, sizeOf, targetFromEnv, uploadsOf, type Manifest } from './backup/manifest.ts';

const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const target = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!target) {
  console.error('usage: npm run db:backup -- <file>   (e.g. backups/portee-$(date +%F-%H%M).db)');
  process.exit(64);
}
const { url, dbPath, uploadDir } = targetFromEnv(process.env);
if (!url.startsWith('file:')) refuseRemote(url, 'backup');
if (!dbPath || !existsSync(dbPath)) {
  console.error(`db:backup: no database at ${dbPath ?? url} (DATABASE_URL)`);
  process.exit(66);
}
const file = resolve(target);
for (const taken of [file, uploadsOf(file), manifestOf(file)]) {
  if (existsSync(taken)) {
    console.error(`db:backup: ${taken} already exists: name a new backup (nothing is overwritten)`);
    process.exit(73);
  }
}
mkdirSync(dirname(file), { recursive: true });
const partial = join(dirname(file), `.${basename(file)}.${process.pid}.part`);

try {
  // 1. The database. VACUUM INTO reads one snapshot (a WAL read transaction: the server keeps
  //    writing meanwhile, never waits for it) and writes a compact copy of it; written under a
  //    temporary name, renamed once complete, so a backup that exists is a whole one.
  const source = new Database(dbPath);
  try {
    source.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
  } finally {
    source.close();
  }
  chmodSync(partial, 0o600); // families' data: readable by its owner only, like the database
  const copy = new Database(partial, { readonly: true });
  let tables: Record<string, number>, migrations: Manifest['migrations'], keys: string[];
  try {
    const check = integrity(copy);
    if (check !== 'ok') throw new Error(`the copy fails PRAGMA integrity_check: ${check}`);
    tables = rowCounts(copy);
    migrations = migrationLevel(copy);
    keys = (copy.prepare('SELECT storage_key AS k FROM document').all() as Array<{ k: string }>).map((r) => r.k);
  } finally {
    copy.close();
  }
  renameSync(partial, file);

  // 2. The uploads, after the database: a document added meanwhile is only an extra file; one
  //    deleted meanwhile (a replaced document) is listed in missingUploads. Files being written
  //    (`.part`) are left out: the storage renames a document into place once complete.
  const uploads = uploadsOf(file);
  const uploadsPartial = `${uploads}.${process.pid}.part`;
  mkdirSync(uploadsPartial, { recursive: true, mode: 0o700 });
  if (existsSync(uploadDir)) cpSync(uploadDir, uploadsPartial, { recursive: true, filter: (src) => !src.endsWith('.part') });
  renameSync(uploadsPartial, uploads);
  const files = filesBelow(uploads);
  const present = new Set(files.filter((f) => STORAGE_KEY.test(f)).map((f) => basename(f)));

  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    migrations,
    tables,
    database: { file: basename(file), bytes: statSync(file).size, sha256: await sha256(file) },
    uploads: { dir: basename(uploads), files: files.length, bytes: sizeOf(uploads, files) },
    missingUploads: keys.filter((k) => !present.has(k)),
  };
  writeFileSync(manifestOf(file), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  console.log(
    `db:backup: ${file} (${manifest.database.bytes} bytes, ${rows} rows, migration ${migrations.last}), ` +
      `${files.length} uploaded files (${manifest.uploads.bytes} bytes), manifest ${manifestOf(file)}` +
      (manifest.missingUploads.length ? `; ${manifest.missingUploads.length} documents deleted during the copy are not in it` : ''),
  );
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`db:backup failed: ${(error as Error).message}`);
  process.exit(1);
}

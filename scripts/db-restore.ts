// npm run db:restore -- <file> [--force]: puts a backup made by db:backup back in place of the
// database and the uploads named by DATABASE_URL and UPLOAD_DIR (as for `npm start`). Stop the
// server first. docs/deployment.md, "Backups".
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'libsql';
import { filesBelow, integrity, journal, manifestOf, migrationLevel, refuseRemote, rowCounts, sha256, targetFromEnv, uploadsOf, type Manifest } from './backup/manifest.ts';

function fail(message: string, code = 1): never {
  console.error(`db:restore: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const source = args.find((a) => !a.startsWith('--'));
if (!source) fail('usage: npm run db:restore -- <file> [--force]', 64);
const { url, dbPath, uploadDir } = targetFromEnv(process.env);
if (!url.startsWith('file:')) refuseRemote(url, 'restore');
if (!dbPath) fail(`DATABASE_URL ${url} names no file`, 64);

const file = resolve(source);
if (!existsSync(file)) fail(`no backup at ${file}`, 66);
if (!existsSync(manifestOf(file))) fail(`${manifestOf(file)} is missing: only a backup made by db:backup is restored (its manifest says what to check)`, 66);
const manifest = JSON.parse(readFileSync(manifestOf(file), 'utf8')) as Manifest;

// What is there now: never replaced without --force.
const target = resolve(dbPath);
const uploads = resolve(uploadDir);
const occupied = [target, `${target}-wal`].some((f) => existsSync(f) && statSync(f).size > 0) || (existsSync(uploads) && readdirSync(uploads).length > 0);
if (occupied && !force) {
  fail(`${target} or ${uploads} is not empty: stop the server, then run again with --force to replace them (the current ones are kept beside them, renamed *.before-restore-<time>)`, 73);
}

// 1. Checked before anything is touched: the bytes are the ones backed up, the copy is a sound
//    database, its migrations are ones this release knows (the server applies the newer ones at
//    start), its row counts are the manifest's, and every upload is there.
if ((await sha256(file)) !== manifest.database.sha256) fail(`${file} is not the file the manifest describes (sha256 differs): damaged or replaced`);
mkdirSync(dirname(target), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const staged = join(dirname(target), `.${basename(target)}.restore-${process.pid}`);
copyFileSync(file, staged);
try {
  const db = new Database(staged);
  try {
    const check = integrity(db);
    if (check !== 'ok') throw new Error(`the backup fails PRAGMA integrity_check: ${check}`);
    const level = migrationLevel(db);
    const newest = journal().at(-1)!;
    if (level.lastCreatedAt !== null && level.lastCreatedAt > newest.when) {
      throw new Error(`the backup was made by a newer release (migration ${level.last}; this one knows up to ${newest.tag}): restore it with that release`);
    }
    const counts = rowCounts(db);
    const differ = Object.keys({ ...counts, ...manifest.tables }).filter((t) => counts[t] !== manifest.tables[t]);
    if (differ.length) throw new Error(`row counts differ from the manifest in ${differ.join(', ')}`);
    db.exec('PRAGMA journal_mode = WAL'); // as the server opens it
  } finally {
    db.close();
  }
  const backedUp = filesBelow(uploadsOf(file));
  if (backedUp.length !== manifest.uploads.files) throw new Error(`${uploadsOf(file)} holds ${backedUp.length} files, the manifest ${manifest.uploads.files}`);
} catch (error) {
  rmSync(staged, { force: true });
  fail((error as Error).message);
}

// 2. The uploads staged beside their place, then both swapped in by renames; what was there is
//    kept, renamed, until someone deletes it.
const stagedUploads = `${uploads}.restore-${process.pid}`;
mkdirSync(dirname(uploads), { recursive: true });
cpSync(uploadsOf(file), stagedUploads, { recursive: true });
const keptAside: string[] = [];
for (const suffix of ['', '-wal', '-shm']) {
  if (existsSync(target + suffix)) {
    renameSync(target + suffix, `${target}.before-restore-${stamp}${suffix}`);
    if (suffix === '') keptAside.push(`${target}.before-restore-${stamp}`);
  }
}
renameSync(staged, target);
if (existsSync(uploads)) {
  renameSync(uploads, `${uploads}.before-restore-${stamp}`);
  keptAside.push(`${uploads}.before-restore-${stamp}`);
}
renameSync(stagedUploads, uploads);
for (const f of [`${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });

console.log(
  `db:restore: ${target} and ${uploads} restored from ${file} (made ${manifest.createdAt}, migration ${manifest.migrations.last}, ` +
    `${manifest.uploads.files} uploaded files). Start the server: it applies any newer migration.` +
    (keptAside.length ? `\nThe previous ones are kept: ${keptAside.join(', ')}` : ''),
);

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'libsql';
import { embeddedPath } from '../../server/db/prepared-read.ts';

/**
 * What db:backup writes and db:restore checks (docs/deployment.md, "Backups"). A backup named
 * `portee.db` is three things side by side: `portee.db` (the database, a consistent copy),
 * `portee.db.uploads/` (UPLOAD_DIR's files, same layout) and `portee.db.manifest.json` (this).
 */
export interface Manifest {
  format: 1;
  createdAt: string;
  /** Applied migrations: how many, and the newest one's tag (server/db/migrations/meta/_journal.json). */
  migrations: { count: number; last: string | null; lastCreatedAt: number | null };
  /** Rows per table, at the moment of the copy. */
  tables: Record<string, number>;
  database: { file: string; bytes: number; sha256: string };
  uploads: { dir: string; files: number; bytes: number };
  /** Documents the database names whose file was not found in the uploads copy. */
  missingUploads: string[];
}

export const uploadsOf = (backupFile: string) => `${backupFile}.uploads`;
export const manifestOf = (backupFile: string) => `${backupFile}.manifest.json`;

/** The environment as `npm start` reads it (defaults of server/env.ts). */
export function targetFromEnv(env: NodeJS.ProcessEnv) {
  const url = env.DATABASE_URL ?? 'file:data/portee.db';
  return { url, dbPath: embeddedPath(url), uploadDir: env.UPLOAD_DIR ?? 'data/uploads' };
}

/** For a libSQL server the server's own backups are the tool: said once, the same way by both scripts. */
export function refuseRemote(url: string, what: 'backup' | 'restore'): never {
  console.error(
    `db:${what}: DATABASE_URL (${url.replace(/\/\/[^@/]*@/, '//…@')}) is a libSQL server, not an embedded file.\n` +
      `Use the server's own ${what === 'backup' ? 'backups' : 'restore'}: sqld's bottomless (S3) or snapshots, Turso's point-in-time restore ` +
      `(\`turso db create --from-db … --timestamp …\`). Copy UPLOAD_DIR yourself. See docs/deployment.md, "Backups".`,
  );
  process.exit(2);
}

interface JournalEntry { tag: string; when: number }

export function journal(): JournalEntry[] {
  const file = new URL('../../server/db/migrations/meta/_journal.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }).entries;
}

/** The migrations a database has applied (drizzle's __drizzle_migrations: created_at is the journal's `when`). */
export function migrationLevel(db: Database.Database): Manifest['migrations'] {
  const known = new Map(journal().map((e) => [e.when, e.tag]));
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!hasTable) return { count: 0, last: null, lastCreatedAt: null };
  const rows = db.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as Array<{ at: number }>;
  const last = rows.at(-1)?.at ?? null;
  return { count: rows.length, last: last === null ? null : (known.get(Number(last)) ?? `unknown (${last})`), lastCreatedAt: last === null ? null : Number(last) };
}

export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
}

export function integrity(db: Database.Database): string {
  return (db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
}

export async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file below `dir`, relative to it. */
export function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1));
}

export function sizeOf(dir: string, files: string[]): number {
  return files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

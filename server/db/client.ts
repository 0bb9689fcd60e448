import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { ConnectionPool, Sqlite3Client } from '@libsql/client/sqlite3';
import type Database from 'libsql';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { embeddedPath, openReadConnection } from './prepared-read.ts';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export { schema };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * The embedded client keeps a pool of connections whose calls are synchronous: a statement that
 * meets another connection's write lock cannot wait for it in SQLite (busy_timeout: waiting would
 * block the very thread that must commit, and every other request of the process meanwhile), so
 * busy_timeout stays 0 and the statement fails at once with SQLITE_BUSY. Such a statement did
 * nothing yet, so it is retried after a short asynchronous pause: that pause is our busy timeout
 * (BUSY_WAIT_MS), spent without blocking the event loop. Write transactions are also queued one at
 * a time per process (db/write-transaction.ts), which keeps these retries rare; with several
 * server processes on one file, they are how one process waits for another's commit.
 */
function retryWhenBusy(client: Client): Client {
  const retried = new Set<PropertyKey>(['execute', 'batch', 'transaction', 'executeMultiple']);
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!retried.has(prop)) return value.bind(target);
      return (...args: unknown[]) => retryWhileBusy(() => value.apply(target, args));
    },
  });
}

/**
 * How long a write waits, in all, for the write lock another connection or process holds: a commit
 * takes milliseconds, so this is only reached when something is badly stuck (then the request fails
 * rather than hang).
 */
export const BUSY_WAIT_MS = 10_000;

/**
 * Runs `fn` again while it fails with SQLITE_BUSY (it did nothing then), after pauses that start at
 * 2 ms and grow to at most 50 ms, with jitter so that two processes do not retry in step, until
 * BUSY_WAIT_MS have passed.
 */
export async function retryWhileBusy<T>(fn: () => Promise<T>, waitMs = BUSY_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, Math.min(2 ** (attempt + 1), 50) * (0.5 + Math.random())));
    }
  }
}

export function isBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return /SQLITE_BUSY/.test(`${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.message ?? ''}`);
}

/**
 * A libSQL connection on which a statement failed with SQLITE_BUSY cannot commit anything
 * afterwards ("cannot commit transaction - SQL statements in progress"): the failed statement is
 * never reset, and stays active until the garbage collector finalizes it. The client's pool would
 * hand that connection to the next caller, whose transaction then fails at COMMIT (a pull, a push)
 * at some random later time. So this pool watches its connections, and one that met SQLITE_BUSY is
 * closed when it comes back instead of being reused (the pool opens a fresh one when it needs
 * one). BUSY was rare with one process; with several on one file, every wait for another
 * process's commit begins with one.
 */
class BusyDiscardingPool extends ConnectionPool {
  readonly #watched = new WeakSet<Database.Database>();
  readonly #spoilt = new WeakSet<Database.Database>();

  override acquireSync(forTransaction?: boolean): Database.Database {
    const db = super.acquireSync(forTransaction);
    if (!this.#watched.has(db)) {
      this.#watched.add(db);
      watchForBusy(db, () => this.#spoilt.add(db));
    }
    return db;
  }

  override release(db: Database.Database): void {
    if (this.#spoilt.has(db) && db.open) db.close(); // closed, the pool drops it
    super.release(db);
  }
}

/** Calls `spoilt` when a statement of `db` (prepared or run at once) fails with SQLITE_BUSY. */
function watchForBusy(db: Database.Database, spoilt: () => void) {
  const guard = <F extends (...args: never[]) => unknown>(f: F, self: object): F =>
    ((...args: Parameters<F>) => {
      try {
        return f.apply(self, args);
      } catch (error) {
        if (isBusy(error)) spoilt();
        throw error;
      }
    }) as F;
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    statement.run = guard(statement.run, statement);
    statement.get = guard(statement.get, statement);
    statement.all = guard(statement.all, statement);
    return statement;
  }) as typeof db.prepare;
  db.exec = guard(db.exec, db);
}

/** The embedded client: @libsql/client's own, on the pool above; busy_timeout 0 (see retryWhenBusy). */
function embeddedClient(path: string): Client {
  return new Sqlite3Client(new BusyDiscardingPool(path, { timeout: 0 }, EMBEDDED_CONNECTIONS), 'number');
}
/** @libsql/client's default pool size. */
const EMBEDDED_CONNECTIONS = 20;

/**
 * The embedded file's durability (docs/deployment.md, "Durability"): WAL, so readers never wait
 * for the writer and a commit appends to the log instead of rewriting pages; synchronous=FULL, so
 * a commit is on disk (the WAL fsynced) before the server answers. NORMAL would only sync at
 * checkpoints: a power cut could then lose the last commits although their answers had gone out,
 * and a client deletes a pushed edit from its outbox once the server acknowledged it: the edit
 * would be lost on both sides. FULL costs one fsync per commit; pushes and the SMS sender already
 * group their writes into few transactions. FULL is SQLite's (and libSQL's) compiled default on
 * every new connection, and the client opens more connections as it needs them, where a PRAGMA
 * run here would not reach: so it is checked here, and a build with another default is refused.
 */
export const EMBEDDED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, busy_timeout: 0 } as const;

async function checkDurability(client: Client): Promise<void> {
  // WAL is a property of the file: set once, it holds for every connection.
  await client.execute('PRAGMA journal_mode = WAL');
  for (const [name, expected] of Object.entries(EMBEDDED_PRAGMAS)) {
    const row = (await client.execute(`PRAGMA ${name}`)).rows[0];
    const actual = row ? Object.values(row)[0] : undefined;
    if (actual !== expected) throw new Error(`database: PRAGMA ${name} is ${String(actual)}, ${expected} expected (docs/deployment.md, "Durability")`);
  }
}

/**
 * Opens the database named by a libSQL URL: `file:` is the embedded default (WAL, so readers never
 * wait for the writer); `libsql://` or `http://` point the same code at a libSQL server.
 */
export interface OpenDatabase {
  db: Db;
  client: Client;
  /** Kept-prepared reads for the per-request queries (embedded database only, else null). */
  reads: ReadConnection | null;
}
export type ReadConnection = NonNullable<ReturnType<typeof openReadConnection>>;

export async function openDatabase(url: string, authToken?: string): Promise<OpenDatabase> {
  if (url.startsWith('file:') && url !== 'file::memory:') {
    mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });
  }
  const path = embeddedPath(url);
  const client = retryWhenBusy(path === null ? createClient({ url, authToken }) : embeddedClient(path));
  if (path !== null) await checkDurability(client);
  const db = drizzle(client, { schema });
  await migrateAlongsideOthers(db);
  return { db, client, reads: openReadConnection(url) };
}

/**
 * Several server processes may start at once on one database (a new release deployed to all of
 * them): drizzle reads which migrations are applied, then applies the others in one transaction.
 * A process that read before another committed meets its write lock (SQLITE_BUSY) or its new tables
 * ("already exists"), and its transaction is rolled back whole; run again, it reads the new level
 * and has nothing left to apply. A migration that is really broken fails each time, and stops the
 * start-up with its error.
 */
async function migrateAlongsideOthers(db: Db): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrate(db, { migrationsFolder });
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt * (0.5 + Math.random())));
    }
  }
}

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { openReadConnection } from './prepared-read.ts';
import * as schema from './schema/index.ts';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export { schema };

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * The embedded client keeps a pool of connections whose calls are synchronous: a statement that
 * meets another connection's write lock cannot wait for it (waiting would block the very thread
 * that must commit), so it fails at once with SQLITE_BUSY. Such a statement did nothing yet, so it
 * is retried after a short asynchronous pause. Write transactions are also queued one at a time
 * (db/write-transaction.ts), which keeps these retries rare.
 */
function retryWhenBusy(client: Client): Client {
  const retried = new Set<PropertyKey>(['execute', 'batch', 'transaction', 'executeMultiple']);
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!retried.has(prop)) return value.bind(target);
      return async (...args: unknown[]) => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await value.apply(target, args);
          } catch (error) {
            if (!isBusy(error) || attempt >= 10) throw error;
            await new Promise((r) => setTimeout(r, 2 ** attempt + Math.random() * 5));
          }
        }
      };
    },
  });
}

export function isBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return /SQLITE_BUSY/.test(`${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.message ?? ''}`);
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
  const client = retryWhenBusy(createClient({ url, authToken }));
  // WAL is a property of the file: readers never wait for the writer, on every connection.
  if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db, client, reads: openReadConnection(url) };
}

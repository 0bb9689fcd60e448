import Database from 'libsql';
import { Placeholder } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

type Fields = Record<string, SQLiteColumn | Record<string, SQLiteColumn>>;
type Mapped<F extends Fields> = {
  [K in keyof F]: F[K] extends SQLiteColumn ? F[K]['_']['data'] | (F[K]['_']['notNull'] extends true ? never : null)
    : { [C in keyof F[K]]: F[K][C] extends SQLiteColumn ? F[K][C]['_']['data'] | (F[K][C]['_']['notNull'] extends true ? never : null) : never };
};

/** A drizzle query: its SQL text and parameters (placeholders included) and its own async run. */
interface Query {
  toSQL(): { sql: string; params: unknown[] };
  prepare(): { get(values?: Record<string, unknown>): Promise<unknown> };
}

/**
 * A connection whose statements stay prepared across requests, for the few reads made on every
 * request (the session, the change counter). The async libSQL client prepares each statement again
 * and reads its column list on every call: profiled at about a third of the server's time on a
 * session-checked "nothing new" sync pull. Only for an embedded `file:` database; it is used for
 * reads only (writes keep going through the client and its write queue), and WAL lets it read
 * while another connection writes.
 */
export function openReadConnection(url: string): Database.Database | null {
  const path = embeddedPath(url);
  return path === null ? null : new Database(path);
}

/** The file behind an embedded libSQL URL (`file:data/x.db`, `file:///srv/x.db`), or null (in memory, remote). */
export function embeddedPath(url: string): string | null {
  if (!url.startsWith('file:') || url.includes(':memory:')) return null;
  return decodeURIComponent(url.slice('file:'.length).replace(/^\/\/(localhost)?(?=\/)/, '').split('?')[0]);
}

/**
 * One row of a drizzle select, run on the kept-prepared connection when there is one (columns
 * mapped by drizzle's own column types, e.g. timestamps to Date), else through the drizzle query.
 */
export function preparedGet<F extends Fields>(connection: Database.Database | null, query: Query, fields: F) {
  type Row = Mapped<F>;
  const fallback = query.prepare();
  if (!connection) return async (values: Record<string, unknown>) => (await fallback.get(values)) as Row | undefined;

  const { sql, params } = query.toSQL();
  const statement = connection.prepare(sql).raw(true);
  // drizzle selects the fields in their declaration order, nested objects flattened.
  const columns: Array<[string, string | null, SQLiteColumn]> = [];
  for (const [key, value] of Object.entries(fields)) {
    if (isColumn(value)) columns.push([key, null, value]);
    else for (const [inner, column] of Object.entries(value)) columns.push([key, inner, column]);
  }
  return async (values: Record<string, unknown>): Promise<Row | undefined> => {
    const bound = params.map((p) => (p instanceof Placeholder ? toDriver(values[p.name]) : p));
    let raw: unknown[] | undefined;
    try {
      raw = statement.get(...bound) as unknown[] | undefined;
    } catch (error) {
      // A WAL reader is almost never busy (recovery after a crash): then read the usual way.
      if (!/SQLITE_BUSY/.test(String((error as { code?: string }).code ?? error))) throw error;
      return (await fallback.get(values)) as Row | undefined;
    }
    if (!raw) return undefined;
    const row: Record<string, unknown> = {};
    columns.forEach(([key, inner, column], i) => {
      const value = raw[i] === null ? null : column.mapFromDriverValue(raw[i]);
      if (inner === null) row[key] = value;
      else ((row[key] ??= {}) as Record<string, unknown>)[inner] = value;
    });
    return row as Row;
  };
}

function isColumn(value: unknown): value is SQLiteColumn {
  return typeof (value as SQLiteColumn).mapFromDriverValue === 'function';
}

function toDriver(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

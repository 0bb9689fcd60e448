import type Database from 'libsql';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A prepared INSERT for one drizzle table on the synchronous libsql connection: rows are written
 * with the schema's own property names, defaults and value mapping (booleans, JSON, timestamps),
 * but without the async client's per-statement round trip — the large seed writes about half a
 * million rows, and one prepared statement inside one transaction does it in seconds.
 */
export function inserter<T extends SQLiteTable>(connection: Database.Database, table: T) {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, SQLiteColumn]>;
  const names = columns.map(([, c]) => `"${c.name}"`).join(', ');
  const statement = connection.prepare(`INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`);
  let written = 0;
  const insert = (row: Partial<T['$inferInsert']>) => {
    const values = columns.map(([key, column]) => {
      let value = (row as Record<string, unknown>)[key];
      if (value === undefined) value = column.defaultFn ? column.defaultFn() : (column.default ?? null);
      return value === null ? null : column.mapToDriverValue(value);
    });
    statement.run(...values);
    written++;
  };
  return Object.assign(insert, { count: () => written });
}

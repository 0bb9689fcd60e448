import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The global change counter (one row): every synced write takes the next value as its version. */
export const changeCounter = sqliteTable('change_counter', {
  id: integer('id').primaryKey(),
  value: integer('value').notNull(),
});

/**
 * Deleted rows, so a pull can tell clients to drop them. `familyId`/`siteId` scope who is told.
 */
export const tombstone = sqliteTable(
  'tombstone',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    familyId: text('family_id'),
    siteId: text('site_id'),
    version: integer('version').notNull(),
  },
  (t) => [index('tombstone_version_idx').on(t.version)],
);

/** Replicache's rule: the last mutation id applied per client, written in the same transaction. */
export const syncClient = sqliteTable('sync_client', {
  clientId: text('client_id').primaryKey(),
  userId: text('user_id').notNull(),
  lastMutationId: integer('last_mutation_id').notNull().default(0),
  updatedAt: text('updated_at').notNull(),
});

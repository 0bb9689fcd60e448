import { integer, text } from 'drizzle-orm/sqlite-core';

/** Primary key: a random UUID made on the server (or by the client for outbox-created rows). */
export const id = () => text('id').primaryKey().$defaultFn(() => crypto.randomUUID());

/**
 * Change version: every synced row carries the value of the global change counter at its last
 * write, so `GET /api/sync?cursor=N` returns exactly the rows with version > N.
 */
export const version = () => integer('version').notNull().default(0);

export const createdAt = () =>
  text('created_at').notNull().$defaultFn(() => new Date().toISOString());

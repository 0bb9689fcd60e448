import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, version } from './columns.ts';

/** A site of the conservatory network (e.g. "Mantes"); everything else belongs to one. */
export const site = sqliteTable('site', {
  id: id(),
  name: text('name').notNull().unique(),
  address: text('address').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  city: text('city').notNull().default(''),
  phone: text('phone').notNull().default(''),
  email: text('email').notNull().default(''),
  version: version(),
});

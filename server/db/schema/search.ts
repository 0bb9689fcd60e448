import { sql } from 'drizzle-orm';
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The desk's family search key (server/families/search-key.ts), one row a family: its names,
 * e-mail and town, its students' names and its accounts' identifiants, accent-free and lower case,
 * so the search is a LIMITed query instead of reading the whole site per keystroke.
 *
 * Triggers of migration 0007 add the row with a family and blank the keys (NULL: stale) whenever a
 * searched field of the family, a student or an account changes, whatever code wrote it; the write
 * paths then compute them again in their transaction, the server at start fills any left stale,
 * and the search computes a stale row's key itself meanwhile. A table of its own, not a family
 * column: the family row is synced to the families' devices and this is the desk's alone.
 */
export const familySearch = sqliteTable(
  'family_search',
  {
    familyId: text('family_id').primaryKey(),
    siteId: text('site_id').notNull(),
    /** Last then first name, accent-free and lower case: the list's order, so LIMIT keeps the first. */
    sortKey: text('sort_key'),
    searchKey: text('search_key'),
  },
  (t) => [
    index('family_search_site_sort_idx').on(t.siteId, t.sortKey),
    // The stale rows alone: the search and the refresh look them up at each call, usually to find none.
    index('family_search_stale_idx').on(t.siteId).where(sql`${t.searchKey} IS NULL`),
  ],
);

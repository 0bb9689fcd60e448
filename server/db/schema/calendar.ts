import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns.ts';
import { user } from './auth.ts';

/**
 * A personal iCalendar feed (issue 18, item 5): `GET /calendrier/<token>.ics` answers without a
 * session, for a phone's calendar app, so the token is the only key. Only its SHA-256 is stored
 * (a copy of the database does not open anyone's calendar); revoking sets `revoked_at`, and a
 * new link is a new row. Server-only: never synced.
 */
export const calendarFeed = sqliteTable(
  'calendar_feed',
  {
    id: id(),
    userId: text('user_id').notNull().references(() => user.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('calendar_feed_user_idx').on(t.userId)],
);

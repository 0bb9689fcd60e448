import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns.ts';
import { family } from './people.ts';
import { site } from './sites.ts';

export type SmsStatus = 'stored' | 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'unconfirmed';

/**
 * Every SMS the app sends (server/sms/): queued here, then submitted to the SMPP gateway by the
 * sender job. 'stored' when no SMS_URL is set; 'sending' is committed before submit_sm, so a row
 * found 'sending' after a restart becomes 'unconfirmed' and is never sent again (docs/sms.md).
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: id(),
    createdAt: createdAt(),
    siteId: text('site_id').notNull().references(() => site.id),
    familyId: text('family_id').references(() => family.id),
    /** International form, e.g. +33612345678. */
    to: text('to').notNull(),
    /** Already fitted to one GSM-7 SMS. */
    text: text('text').notNull(),
    /** The caller's key: the same message queued twice is stored once. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    status: text('status').notNull().$type<SmsStatus>(),
    attempts: integer('attempts').notNull().default(0),
    /** ISO instant before which the sender leaves the row alone (quiet hours, back-off). */
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** The SMSC's message_id from submit_sm_resp (delivery receipts are matched on it). */
    messageId: text('message_id'),
    error: text('error'),
    sentAt: text('sent_at'),
    deliveredAt: text('delivered_at'),
  },
  (t) => [
    index('sms_outbox_status_next_idx').on(t.status, t.nextAttemptAt),
    index('sms_outbox_message_idx').on(t.messageId),
    index('sms_outbox_site_created_idx').on(t.siteId, t.createdAt),
  ],
);

/**
 * A lease on a background job in the database: the process whose `holder` is written here with a
 * future `expiresAt` runs the job; others skip their round until it expires.
 */
export const jobLease = sqliteTable('job_lease', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: text('expires_at').notNull(),
});

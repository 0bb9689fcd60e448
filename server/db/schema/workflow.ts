import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, version } from './columns.ts';
import { family } from './people.ts';
import { site } from './sites.ts';

/**
 * An identity edit waiting for the secretariat (one pending per record). `fields` is JSON:
 * { [field]: { from, to, status, reason? } } — `from` is the value the family started from.
 */
export const changeRequest = sqliteTable(
  'change_request',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    siteId: text('site_id').notNull().references(() => site.id),
    targetKind: text('target_kind').notNull().$type<'family' | 'student'>(),
    targetId: text('target_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    fields: text('fields', { mode: 'json' }).notNull().$type<Record<string, { from: unknown; to: unknown; status: string; reason?: string }>>(),
    /** 'pending' | 'approved' | 'rejected' | 'partial' */
    status: text('status').notNull().default('pending'),
    requestedBy: text('requested_by').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('change_request_family_idx').on(t.familyId), index('change_request_site_status_idx').on(t.siteId, t.status)],
);

/** Who did what, when, to which record; a family reads the rows with its family id. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().$defaultFn(() => new Date().toISOString()),
    actorUserId: text('actor_user_id'),
    action: text('action').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    familyId: text('family_id'),
    siteId: text('site_id'),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('audit_log_family_idx').on(t.familyId)],
);

/** Every message the app sends, kept for the secretariat (and the only sink when no SMTP is set). */
export const mailOutbox = sqliteTable('mail_outbox', {
  id: id(),
  createdAt: createdAt(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** 'queued' | 'sent' | 'failed' | 'stored' (no SMTP configured) */
  status: text('status').notNull(),
  error: text('error'),
  sentAt: text('sent_at'),
});

/** Online pre-registration of a new family, reviewed by the secretariat. */
export const preRegistration = sqliteTable('pre_registration', {
  id: id(),
  siteId: text('site_id').notNull().references(() => site.id),
  data: text('data', { mode: 'json' }).notNull(),
  status: text('status').notNull().default('received'),
  createdAt: createdAt(),
});

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
  (t) => [
    index('change_request_family_idx').on(t.familyId),
    index('change_request_site_status_idx').on(t.siteId, t.status),
    // A push looks for the record's pending request (one per record) by its target.
    index('change_request_target_idx').on(t.targetId, t.status),
  ],
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
/**
 * Every mail the app sends, written in the same transaction as the change it tells of (so a crash
 * can neither lose it nor send it for a change that was rolled back), then delivered by
 * server/mail/mailer.ts right after the commit, or by the sender job (server/mail/sender.ts) when
 * that failed or the process died first. docs/mail.md tells the whole flow.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    createdAt: createdAt(),
    /**
     * The site the mail is sent for: its desk lists it (/admin/messages) and may send it again.
     * Null only on rows written before migration 0010, which the desk matches by address.
     */
    siteId: text('site_id').references(() => site.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /**
     * 'queued' (to send, at next_attempt_at) | 'sending' (claimed at claimed_at) | 'sent' |
     * 'failed' (refused for good, or every try failed) | 'stored' (no SMTP configured) | 'resent'
     */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** ISO instant before which nobody sends it (back-off after a failed try); null: at once. */
    nextAttemptAt: text('next_attempt_at'),
    /** When a sender marked it 'sending': a claim older than the stale delay was a process that died. */
    claimedAt: text('claimed_at'),
    /** The claim's own token: a sender writes the outcome only of its own claim, never of a later one. */
    claimToken: text('claim_token'),
    error: text('error'),
    sentAt: text('sent_at'),
  },
  (t) => [index('mail_outbox_status_next_idx').on(t.status, t.nextAttemptAt), index('mail_outbox_site_created_idx').on(t.siteId, t.createdAt)],
);

/**
 * Online pre-registration of a new family (`/preinscription`), reviewed by the secretariat. `data`
 * is the application as typed (shared/preregistration-schemas.ts); the columns beside it are what
 * the desk filters and the duplicate check read. status: 'new' | 'in_progress' | 'accepted' | 'refused'.
 */
export const preRegistration = sqliteTable(
  'pre_registration',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    /** What the family quotes: "PI-2026-4F7K2Q". */
    reference: text('reference').notNull().unique(),
    data: text('data', { mode: 'json' }).notNull(),
    status: text('status').notNull().default('new'),
    /** Normalised (lower case, trimmed) for the duplicate check. */
    email: text('email').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    refuseReason: text('refuse_reason'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    /** The family it became (created, or an existing one it was attached to). */
    familyId: text('family_id'),
    createdAt: createdAt(),
  },
  (t) => [index('pre_registration_site_idx').on(t.siteId, t.status, t.createdAt)],
);

/**
 * Events counted by a rate limit in the database (so every server process sees them): e.g. the
 * pre-registrations sent from one address in the last hour.
 */
export const rateEvent = sqliteTable(
  'rate_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('rate_event_kind_key_idx').on(t.kind, t.key, t.at)],
);

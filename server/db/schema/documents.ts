import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id, version } from './columns.ts';
import { family } from './people.ts';
import { site } from './sites.ts';

/** Kinds of supporting documents, kept as data the secretariat edits. */
export const documentKind = sqliteTable('document_kind', {
  id: id(),
  siteId: text('site_id').notNull().references(() => site.id),
  owner: text('owner').notNull().$type<'family' | 'student'>(),
  label: text('label').notNull(),
  requiredEachYear: integer('required_each_year', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  version: version(),
});

/** status: 'received' | 'accepted' | 'rejected' (with reason). */
export const document = sqliteTable(
  'document',
  {
    id: id(),
    familyId: text('family_id').notNull().references(() => family.id),
    /** Null for a family document, set for a student's. */
    studentId: text('student_id'),
    kindId: text('kind_id').notNull().references(() => documentKind.id),
    schoolYear: text('school_year').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** Server-made storage key, never derived from the client's file name. */
    storageKey: text('storage_key').notNull(),
    status: text('status').notNull().default('received'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at'),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('document_family_idx').on(t.familyId), index('document_status_idx').on(t.status)],
);

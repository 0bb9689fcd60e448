/**
 * The record kinds a pull may carry, by their name in the pull answer and in the local database.
 * Both sides import this list, so a kind added on one side cannot be forgotten on the other.
 */
export const SYNC_TABLES = [
  'sites',
  'families',
  'students',
  'teachers',
  'rooms',
  'departments',
  'courses',
  'enrollments',
  'followUpNotes',
  'evaluations',
  'absences',
  'repertoireEntries',
  'invoices',
  'invoiceLines',
  'payments',
  'discounts',
  'payfipAttempts',
  'documentKinds',
  'documents',
  'changeRequests',
  'rollCalls',
  'teacherAbsences',
  // The family's year (issue 18): announced absences, course events, re-enrolment and consents.
  'absenceNotices',
  'courseEvents',
  'reenrolmentCampaigns',
  'reenrolmentAnswers',
  'reenrolmentConfirmations',
  'consentKinds',
  'consentAnswers',
] as const;

export type SyncTable = (typeof SYNC_TABLES)[number];

/**
 * GET /api/sync?cursor=N — everything visible that changed after N, and deletions. `Rows` is each
 * kind's record (server/sync/rows.ts derives them from the database schema); by default, any row.
 */
export interface PullResponse<Rows extends Record<SyncTable, { id: string }> = Record<SyncTable, Record<string, unknown> & { id: string }>> {
  cursor: number;
  /** True when the answer is a full snapshot: the client replaces its data rather than merging. */
  snapshot: boolean;
  changes: { [K in SyncTable]?: Array<Rows[K]> };
  deleted: Partial<Record<SyncTable, string[]>>;
}

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
] as const;

export type SyncTable = (typeof SYNC_TABLES)[number];

/** GET /api/sync?cursor=N — everything visible that changed after N, and deletions. */
export interface PullResponse {
  cursor: number;
  /** True when the answer is a full snapshot: the client replaces its data rather than merging. */
  snapshot: boolean;
  changes: Partial<Record<SyncTable, Array<Record<string, unknown> & { id: string }>>>;
  deleted: Partial<Record<SyncTable, string[]>>;
}

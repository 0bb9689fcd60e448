import type { PullResponse, SyncTable } from '../../shared/sync-protocol.ts';
import type * as s from '../db/schema/index.ts';

/**
 * The rows a pull carries, derived from the drizzle schema: the one definition of the records the
 * device stores (client/data/records.ts re-exports them by name for the screens). The client
 * imports this module with `import type` only.
 */

/** Server-only columns never sent to a device (where a file is stored, who reviewed it). */
export const HIDDEN_COLUMNS = {
  documents: ['storageKey', 'reviewedBy'],
  changeRequests: ['reviewedBy'],
  teacherAbsences: ['declaredBy'],
  // A teacher's address is the desk's (accounts, password links), not the families'.
  teachers: ['email'],
} as const satisfies Partial<Record<SyncTable, readonly string[]>>;

/** The table behind each record kind (a missing or extra kind fails the typecheck). */
type SyncSources = Sources<{
  sites: typeof s.site;
  families: typeof s.family;
  students: typeof s.student;
  teachers: typeof s.teacher;
  rooms: typeof s.room;
  departments: typeof s.department;
  courses: typeof s.course;
  enrollments: typeof s.enrollment;
  followUpNotes: typeof s.followUpNote;
  evaluations: typeof s.evaluation;
  absences: typeof s.absence;
  repertoireEntries: typeof s.repertoireEntry;
  invoices: typeof s.invoice;
  invoiceLines: typeof s.invoiceLine;
  payments: typeof s.payment;
  discounts: typeof s.discount;
  payfipAttempts: typeof s.payfipAttempt;
  documentKinds: typeof s.documentKind;
  documents: typeof s.document;
  changeRequests: typeof s.changeRequest;
  rollCalls: typeof s.rollCall;
  teacherAbsences: typeof s.teacherAbsence;
  absenceNotices: typeof s.absenceNotice;
  courseEvents: typeof s.courseEvent;
  reenrolmentCampaigns: typeof s.reenrolmentCampaign;
  reenrolmentAnswers: typeof s.reenrolmentAnswer;
  reenrolmentConfirmations: typeof s.reenrolmentConfirmation;
  consentKinds: typeof s.consentKind;
  consentAnswers: typeof s.consentAnswer;
}>;
type Sources<T extends Record<SyncTable, { $inferSelect: { id: string } }> & Record<Exclude<keyof T, SyncTable>, never>> = T;

/** A value as it arrives after JSON.stringify/parse: a Date becomes its ISO string. */
type Jsonified<V> = V extends Date ? string : V;
/** A row as JSON carries it. */
export type JsonRow<T> = { [K in keyof T]: Jsonified<T[K]> };

type Hidden<K extends SyncTable> = K extends keyof typeof HIDDEN_COLUMNS ? (typeof HIDDEN_COLUMNS)[K][number] : never;

/**
 * One record of a kind, as the pull sends it and the device stores it. A teacher's pull sends
 * students with their names only (server/sync/pull.ts); the type is the family's full row.
 */
export type SyncRow<K extends SyncTable> = JsonRow<Omit<SyncSources[K]['$inferSelect'], Hidden<K>>>;

export type SyncRows = { [K in SyncTable]: SyncRow<K> };

/** GET /api/sync's answer with its rows typed. */
export type TypedPullResponse = PullResponse<SyncRows>;

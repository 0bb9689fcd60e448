import type { SyncRow } from '../../server/sync/rows.ts';

/**
 * The records a pull brings and the device stores, by the names the screens use. Their shapes are
 * the server's (server/sync/rows.ts derives them from the database schema), never restated here.
 */
export type Site = SyncRow<'sites'>;
export type Family = SyncRow<'families'>;
export type Student = SyncRow<'students'>;
export type Teacher = SyncRow<'teachers'>;
export type Room = SyncRow<'rooms'>;
export type Department = SyncRow<'departments'>;
export type Course = SyncRow<'courses'>;
export type Enrollment = SyncRow<'enrollments'>;
export type FollowUpNote = SyncRow<'followUpNotes'>;
export type Evaluation = SyncRow<'evaluations'>;
export type Absence = SyncRow<'absences'>;
export type RepertoireEntry = SyncRow<'repertoireEntries'>;
export type Invoice = SyncRow<'invoices'>;
export type InvoiceLine = SyncRow<'invoiceLines'>;
export type Payment = SyncRow<'payments'>;
export type Discount = SyncRow<'discounts'>;
export type PayfipAttempt = SyncRow<'payfipAttempts'>;
export type DocumentKind = SyncRow<'documentKinds'>;
export type DocumentRecord = SyncRow<'documents'>;
export type ChangeRequest = SyncRow<'changeRequests'>;
export type RollCall = SyncRow<'rollCalls'>;
export type TeacherAbsence = SyncRow<'teacherAbsences'>;
export type AbsenceNotice = SyncRow<'absenceNotices'>;
export type CourseEvent = SyncRow<'courseEvents'>;
export type ReenrolmentCampaign = SyncRow<'reenrolmentCampaigns'>;
export type ReenrolmentAnswer = SyncRow<'reenrolmentAnswers'>;
export type ReenrolmentConfirmation = SyncRow<'reenrolmentConfirmations'>;
export type ConsentKind = SyncRow<'consentKinds'>;
export type ConsentAnswer = SyncRow<'consentAnswers'>;

/** A mutation waiting to be pushed (docs/sync.md). */
export interface OutboxMutation {
  mutationId: number;
  name: string;
  args: unknown;
  baseVersion?: number;
  createdAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

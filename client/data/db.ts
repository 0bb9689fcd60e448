import Dexie, { type EntityTable } from 'dexie';
import type {
  Absence, AbsenceNotice, ChangeRequest, ConsentAnswer, ConsentKind, CourseEvent, ReenrolmentAnswer, ReenrolmentCampaign,
  ReenrolmentConfirmation, Course, Department, Discount, DocumentKind, DocumentRecord, Enrollment,
  Evaluation, Family, FollowUpNote, Invoice, InvoiceLine, MetaEntry, OutboxMutation, PayfipAttempt,
  Payment, RepertoireEntry, RollCall, Room, Site, Student, Teacher, TeacherAbsence,
} from './records.ts';
import type { PendingUpload } from './pending-upload.ts';

/**
 * The device's copy of everything the account may see: pages read only from here; the sync
 * fills it. Indexes are the screens' queries (a student's enrollments, an enrollment's notes…).
 */
export class PorteeDb extends Dexie {
  sites!: EntityTable<Site, 'id'>;
  families!: EntityTable<Family, 'id'>;
  students!: EntityTable<Student, 'id'>;
  teachers!: EntityTable<Teacher, 'id'>;
  rooms!: EntityTable<Room, 'id'>;
  departments!: EntityTable<Department, 'id'>;
  courses!: EntityTable<Course, 'id'>;
  enrollments!: EntityTable<Enrollment, 'id'>;
  followUpNotes!: EntityTable<FollowUpNote, 'id'>;
  evaluations!: EntityTable<Evaluation, 'id'>;
  absences!: EntityTable<Absence, 'id'>;
  repertoireEntries!: EntityTable<RepertoireEntry, 'id'>;
  invoices!: EntityTable<Invoice, 'id'>;
  invoiceLines!: EntityTable<InvoiceLine, 'id'>;
  payments!: EntityTable<Payment, 'id'>;
  discounts!: EntityTable<Discount, 'id'>;
  payfipAttempts!: EntityTable<PayfipAttempt, 'id'>;
  documentKinds!: EntityTable<DocumentKind, 'id'>;
  documents!: EntityTable<DocumentRecord, 'id'>;
  changeRequests!: EntityTable<ChangeRequest, 'id'>;
  rollCalls!: EntityTable<RollCall, 'id'>;
  teacherAbsences!: EntityTable<TeacherAbsence, 'id'>;
  absenceNotices!: EntityTable<AbsenceNotice, 'id'>;
  courseEvents!: EntityTable<CourseEvent, 'id'>;
  reenrolmentCampaigns!: EntityTable<ReenrolmentCampaign, 'id'>;
  reenrolmentAnswers!: EntityTable<ReenrolmentAnswer, 'id'>;
  reenrolmentConfirmations!: EntityTable<ReenrolmentConfirmation, 'id'>;
  consentKinds!: EntityTable<ConsentKind, 'id'>;
  consentAnswers!: EntityTable<ConsentAnswer, 'id'>;
  outbox!: EntityTable<OutboxMutation, 'mutationId'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  /** Documents chosen on this device, with their bytes, until the server has them (client/data/document-queue.ts). */
  pendingUploads!: EntityTable<PendingUpload, 'id'>;

  constructor(name = 'portee') {
    super(name);
    // One declaration, the whole schema at its latest version: Dexie (3 and later) upgrades a
    // database at any older version from the schema IndexedDB holds, and only a version with an
    // upgrade() function needs keeping. Declaring each version made a new device's page build
    // every table four times before its first query (about 70 ms at a phone's 4× slowdown).
    // Versions: 1 first release; 4 documents chosen offline; 5 the teachers' roll calls and
    // absences, evaluations by batch (issue 13); 6 the family's year (issue 18).
    // test/components/dexie-upgrade.test.ts opens databases left by versions 1 and 5.
    this.version(6).stores({
      sites: 'id',
      families: 'id',
      students: 'id, familyId, lastName',
      teachers: 'id',
      rooms: 'id',
      departments: 'id',
      courses: 'id, schoolYear, teacherId',
      enrollments: 'id, studentId, courseId, schoolYear',
      followUpNotes: 'id, enrollmentId, date',
      evaluations: 'id, enrollmentId, date, batchId',
      absences: 'id, enrollmentId, date',
      repertoireEntries: 'id, studentId, date, teacherId',
      invoices: 'id, schoolYear, number',
      invoiceLines: 'id, invoiceId',
      payments: 'id, schoolYear, invoiceId',
      discounts: 'id, schoolYear, invoiceId',
      payfipAttempts: 'id, invoiceId',
      documentKinds: 'id, owner',
      documents: 'id, studentId, kindId',
      changeRequests: 'id, targetId, status',
      outbox: '++mutationId',
      meta: 'key',
      pendingUploads: 'id, familyId, studentId, createdAt',
      rollCalls: 'id, courseId, date',
      teacherAbsences: 'id, teacherId, startDate',
      absenceNotices: 'id, enrollmentId, familyId, date',
      courseEvents: 'id, courseId, date',
      reenrolmentCampaigns: 'id, schoolYear',
      reenrolmentAnswers: 'id, campaignId, studentId',
      reenrolmentConfirmations: 'id, campaignId',
      consentKinds: 'id, position',
      consentAnswers: 'id, consentKindId, studentId',
    });
  }
}

export const db = new PorteeDb();

/** Small typed accessors for the sync state and the device's owner, kept in `meta`. */
export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

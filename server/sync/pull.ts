import { and, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { PullResponse, SyncTable } from '../../shared/sync-protocol.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { Db, Tx } from '../db/client.ts';
import * as s from '../db/schema/index.ts';
import { currentVersion } from '../db/versioning.ts';
import { HIDDEN_COLUMNS, type TypedPullResponse } from './rows.ts';
import type { SessionUser } from '../http/context.ts';

type Row = Record<string, unknown> & { id: string };
type Changes = PullResponse['changes'];

const TOMBSTONE_TABLES: Record<string, SyncTable> = {
  family: 'families', student: 'students', enrollment: 'enrollments', course: 'courses',
  follow_up_note: 'followUpNotes', evaluation: 'evaluations', absence: 'absences',
  repertoire_entry: 'repertoireEntries', invoice: 'invoices', invoice_line: 'invoiceLines',
  payment: 'payments', discount: 'discounts', document: 'documents', change_request: 'changeRequests',
  payfip_attempt: 'payfipAttempts', document_kind: 'documentKinds', teacher: 'teachers', room: 'rooms',
  department: 'departments', roll_call: 'rollCalls', teacher_absence: 'teacherAbsences',
};

/**
 * A pull: every row the account may see whose version is above the cursor, plus tombstones.
 * Access is decided here and only here: a family's scope is its family, its students and what
 * hangs under them; courses, teachers, rooms and departments only as far as its students are
 * enrolled. Rows referenced by a newly visible enrollment are sent even when older than the cursor.
 */
export async function pull(db: Db, user: SessionUser, cursor: number, headVersion = () => currentVersion(db)): Promise<TypedPullResponse> {
  // Fast path: the global counter has not moved, so nothing anyone may see has changed.
  const head = await headVersion();
  if (cursor >= head && cursor > 0) return { cursor: head, snapshot: false, changes: {}, deleted: {} };

  return db.transaction(
    async (tx) => {
      const version = await currentVersion(tx);
      const changes: Changes = {};
      if (user.role === 'family' && user.familyId) await familyScope(tx, user, cursor, changes);
      else if (user.role === 'teacher' && user.teacherId) await teacherScope(tx, user, cursor, changes);
      else await siteOnlyScope(tx, user, cursor, changes);
      const deleted = await tombstones(tx, user, cursor);
      // Rows are gathered untyped (a query per kind); each kind's are its table's rows, minus HIDDEN_COLUMNS.
      return { cursor: version, snapshot: cursor === 0, changes: changes as TypedPullResponse['changes'], deleted };
    },
    { behavior: 'deferred' },
  );
}

const newer = (column: SQLiteColumn, cursor: number) => gt(column, cursor);

async function select(tx: Tx, table: SQLiteTable, where: SQL | undefined): Promise<Row[]> {
  return (await tx.select().from(table).where(where)) as Row[];
}


const hiddenColumns: Partial<Record<SyncTable, readonly string[]>> = HIDDEN_COLUMNS;

function put(changes: Changes, name: SyncTable, rows: Row[]) {
  if (!rows.length) return;
  const hidden = hiddenColumns[name];
  if (hidden) for (const row of rows) for (const column of hidden) delete row[column];
  const existing = changes[name] ?? [];
  const seen = new Set(existing.map((r) => r.id));
  for (const row of rows) if (!seen.has(row.id)) existing.push(row);
  changes[name] = existing;
}

async function familyScope(tx: Tx, user: SessionUser, cursor: number, changes: Changes) {
  const familyId = user.familyId!;
  put(changes, 'sites', await select(tx, s.site, and(eq(s.site.id, user.siteId), newer(s.site.version, cursor))));
  put(changes, 'families', await select(tx, s.family, and(eq(s.family.id, familyId), newer(s.family.version, cursor))));

  const students = await tx.select({ id: s.student.id, version: s.student.version }).from(s.student).where(eq(s.student.familyId, familyId));
  const studentIds = students.map((r) => r.id);
  put(changes, 'students', await select(tx, s.student, and(eq(s.student.familyId, familyId), newer(s.student.version, cursor))));

  const enrollments = studentIds.length
    ? await tx.select().from(s.enrollment).where(inArray(s.enrollment.studentId, studentIds))
    : [];
  const enrollmentIds = enrollments.map((e) => e.id);
  const newEnrollments = enrollments.filter((e) => e.version > cursor);
  put(changes, 'enrollments', newEnrollments as Row[]);

  const courseIds = [...new Set(enrollments.map((e) => e.courseId))];
  const freshCourseIds = [...new Set(newEnrollments.map((e) => e.courseId))];
  await courseScope(tx, courseIds, freshCourseIds, cursor, changes);
  await teacherAbsenceScope(tx, courseIds, freshCourseIds, cursor, changes);
  await courseEventScope(tx, courseIds, freshCourseIds, cursor, changes);

  if (enrollmentIds.length) {
    for (const [name, table] of [
      ['followUpNotes', s.followUpNote],
      ['evaluations', s.evaluation],
      ['absences', s.absence],
    ] as const) {
      put(changes, name, await select(tx, table, and(inArray(table.enrollmentId, enrollmentIds), newer(table.version, cursor))));
    }
  }
  if (studentIds.length) {
    put(changes, 'repertoireEntries', await select(tx, s.repertoireEntry, and(inArray(s.repertoireEntry.studentId, studentIds), newer(s.repertoireEntry.version, cursor))));
  }

  for (const [name, table] of [
    ['invoices', s.invoice],
    ['payments', s.payment],
    ['discounts', s.discount],
    ['payfipAttempts', s.payfipAttempt],
    ['documents', s.document],
    ['changeRequests', s.changeRequest],
    ['absenceNotices', s.absenceNotice],
    ['reenrolmentAnswers', s.reenrolmentAnswer],
    ['reenrolmentConfirmations', s.reenrolmentConfirmation],
    ['consentAnswers', s.consentAnswer],
  ] as const) {
    put(changes, name, await select(tx, table, and(eq(table.familyId, familyId), newer(table.version, cursor))));
  }
  const invoiceIds = (await tx.select({ id: s.invoice.id }).from(s.invoice).where(eq(s.invoice.familyId, familyId))).map((r) => r.id);
  if (invoiceIds.length) {
    put(changes, 'invoiceLines', await select(tx, s.invoiceLine, and(inArray(s.invoiceLine.invoiceId, invoiceIds), newer(s.invoiceLine.version, cursor))));
  }
  for (const [name, table] of [
    ['documentKinds', s.documentKind],
    ['reenrolmentCampaigns', s.reenrolmentCampaign],
    ['consentKinds', s.consentKind],
  ] as const) {
    put(changes, name, await select(tx, table, and(eq(table.siteId, user.siteId), newer(table.version, cursor))));
  }
}

/** The concerts, exams and auditions of these courses: changed ones, and all of a course a new enrollment brings in. */
async function courseEventScope(tx: Tx, courseIds: string[], freshCourseIds: string[], cursor: number, changes: Changes) {
  if (!courseIds.length) return;
  const e = s.courseEvent;
  const wanted = freshCourseIds.length ? or(newer(e.version, cursor), inArray(e.courseId, freshCourseIds)) : newer(e.version, cursor);
  put(changes, 'courseEvents', await select(tx, e, and(inArray(e.courseId, courseIds), wanted)));
}

/** Courses and what they reference: changed ones, plus all of those a new enrollment points to. */
async function courseScope(tx: Tx, courseIds: string[], freshCourseIds: string[], cursor: number, changes: Changes) {
  if (!courseIds.length) return;
  const courses = await tx
    .select()
    .from(s.course)
    .where(and(inArray(s.course.id, courseIds), freshCourseIds.length ? or(newer(s.course.version, cursor), inArray(s.course.id, freshCourseIds)) : newer(s.course.version, cursor)));
  put(changes, 'courses', courses as Row[]);

  const all = await tx.select().from(s.course).where(inArray(s.course.id, courseIds));
  const fresh = new Set(freshCourseIds);
  const refs = (pick: (c: (typeof all)[number]) => string | null) => ({
    all: [...new Set(all.map(pick).filter((v): v is string => !!v))],
    fresh: [...new Set(all.filter((c) => fresh.has(c.id)).map(pick).filter((v): v is string => !!v))],
  });
  for (const [name, table, ids] of [
    ['teachers', s.teacher, refs((c) => c.teacherId)],
    ['rooms', s.room, refs((c) => c.roomId)],
    ['departments', s.department, refs((c) => c.departmentId)],
  ] as const) {
    if (!ids.all.length) continue;
    const visible = inArray(table.id, ids.all);
    const wanted = ids.fresh.length ? or(newer(table.version, cursor), inArray(table.id, ids.fresh)) : newer(table.version, cursor);
    put(changes, name, await select(tx, table, and(visible, wanted)));
  }
}

/**
 * The absences of the teachers of these courses (a family's notice: "cours annulé"): changed ones,
 * and all of a teacher a new enrollment brings in.
 */
async function teacherAbsenceScope(tx: Tx, courseIds: string[], freshCourseIds: string[], cursor: number, changes: Changes) {
  if (!courseIds.length) return;
  const rows = await tx.selectDistinct({ teacherId: s.course.teacherId, id: s.course.id }).from(s.course).where(inArray(s.course.id, courseIds));
  const fresh = new Set(freshCourseIds);
  const all = [...new Set(rows.map((r) => r.teacherId).filter((t): t is string => !!t))];
  const freshTeachers = [...new Set(rows.filter((r) => fresh.has(r.id)).map((r) => r.teacherId).filter((t): t is string => !!t))];
  if (!all.length) return;
  const t = s.teacherAbsence;
  const wanted = freshTeachers.length ? or(newer(t.version, cursor), inArray(t.teacherId, freshTeachers)) : newer(t.version, cursor);
  put(changes, 'teacherAbsences', await select(tx, t, and(inArray(t.teacherId, all), wanted)));
}

/**
 * A teacher sees their own record and absences, their classes of the current school year with the
 * students' names, and what is written in those classes: roll calls and absences, and the
 * evaluations, follow-up notes and repertoire entries they wrote themselves.
 */
async function teacherScope(tx: Tx, user: SessionUser, cursor: number, changes: Changes) {
  const teacherId = user.teacherId!;
  put(changes, 'sites', await select(tx, s.site, and(eq(s.site.id, user.siteId), newer(s.site.version, cursor))));
  put(changes, 'teachers', await select(tx, s.teacher, and(eq(s.teacher.id, teacherId), newer(s.teacher.version, cursor))));
  put(changes, 'teacherAbsences', await select(tx, s.teacherAbsence, and(eq(s.teacherAbsence.teacherId, teacherId), newer(s.teacherAbsence.version, cursor))));
  put(changes, 'repertoireEntries', await select(tx, s.repertoireEntry, and(eq(s.repertoireEntry.teacherId, teacherId), newer(s.repertoireEntry.version, cursor))));
  const year = schoolYearOf(new Date());
  const courses = await tx.select().from(s.course).where(and(eq(s.course.teacherId, teacherId), eq(s.course.schoolYear, year)));
  const courseIds = courses.map((c) => c.id);
  if (!courseIds.length) return;
  const enrollments = await tx.select().from(s.enrollment).where(inArray(s.enrollment.courseId, courseIds));
  const newEnrollments = enrollments.filter((e) => e.version > cursor);
  put(changes, 'enrollments', newEnrollments as Row[]);
  const freshCourseIds = [...new Set(newEnrollments.map((e) => e.courseId))];
  await courseScope(tx, courseIds, freshCourseIds, cursor, changes);
  await courseEventScope(tx, courseIds, freshCourseIds, cursor, changes);
  put(changes, 'rollCalls', await select(tx, s.rollCall, and(inArray(s.rollCall.courseId, courseIds), newer(s.rollCall.version, cursor))));
  const enrollmentIds = enrollments.map((e) => e.id);
  if (enrollmentIds.length) {
    put(changes, 'absences', await select(tx, s.absence, and(inArray(s.absence.enrollmentId, enrollmentIds), newer(s.absence.version, cursor))));
    // Absences the families announced (pre-filled on the roll call), those of a new enrollment included.
    const n = s.absenceNotice;
    const freshEnrollmentIds = newEnrollments.map((e) => e.id);
    const wantedNotices = freshEnrollmentIds.length ? or(newer(n.version, cursor), inArray(n.enrollmentId, freshEnrollmentIds)) : newer(n.version, cursor);
    put(changes, 'absenceNotices', await select(tx, n, and(inArray(n.enrollmentId, enrollmentIds), wantedNotices)));
    for (const [name, table] of [
      ['followUpNotes', s.followUpNote],
      ['evaluations', s.evaluation],
    ] as const) {
      put(changes, name, await select(tx, table, and(inArray(table.enrollmentId, enrollmentIds), eq(table.teacherId, teacherId), newer(table.version, cursor))));
    }
  }
  const studentIds = [...new Set(enrollments.map((e) => e.studentId))];
  const fresh = new Set(newEnrollments.map((e) => e.studentId));
  if (studentIds.length) {
    // Names and the validated emergency contacts only (who to call, who may pick the child up):
    // a teacher has no business with a family's address or phone numbers.
    const rows = await tx
      .select({
        id: s.student.id,
        firstName: s.student.firstName,
        lastName: s.student.lastName,
        emergencyContacts: s.student.emergencyContacts,
        version: s.student.version,
      })
      .from(s.student)
      .where(inArray(s.student.id, studentIds));
    put(changes, 'students', rows.filter((r) => r.version > cursor || fresh.has(r.id)) as Row[]);
  }
}

async function siteOnlyScope(tx: Tx, user: SessionUser, cursor: number, changes: Changes) {
  put(changes, 'sites', await select(tx, s.site, and(eq(s.site.id, user.siteId), newer(s.site.version, cursor))));
}

/** The record kinds a teacher's pull carries: deletions of anything else are none of its business. */
const TEACHER_TABLES = new Set<SyncTable>(['teachers', 'courses', 'enrollments', 'students', 'rooms', 'departments', 'followUpNotes', 'evaluations', 'absences', 'rollCalls', 'repertoireEntries', 'teacherAbsences', 'absenceNotices', 'courseEvents']);

async function tombstones(tx: Tx, user: SessionUser, cursor: number): Promise<PullResponse['deleted']> {
  if (cursor === 0) return {};
  let scope: SQL;
  let kinds: (name: SyncTable) => boolean;
  if (user.role === 'family' && user.familyId) {
    scope = eq(s.tombstone.familyId, user.familyId);
    kinds = () => true;
  } else if (user.role === 'teacher' && user.teacherId) {
    scope = eq(s.tombstone.siteId, user.siteId);
    kinds = (name) => TEACHER_TABLES.has(name);
  } else return {}; // the secretariat's pull carries its site only, which is never deleted
  const rows = await tx.select().from(s.tombstone).where(and(scope, gt(s.tombstone.version, cursor)));
  const deleted: PullResponse['deleted'] = {};
  for (const row of rows) {
    const name = TOMBSTONE_TABLES[row.tableName];
    if (name && kinds(name)) (deleted[name] ??= []).push(row.rowId);
  }
  return deleted;
}

import { and, eq, inArray } from 'drizzle-orm';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { MutationError } from '../../shared/push-protocol.ts';
import type { Db, Tx } from '../db/client.ts';
import { course, enrollment, family, student } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';

/** What a teacher's mutation answers; it fits the push's outcome type (server/sync/push.ts). */
export type TeachingOutcome = { ok: true } | { ok: false; error: MutationError };

export const refused = (code: string, message: string, extra: Partial<MutationError> = {}): TeachingOutcome => ({
  ok: false,
  error: { code, message, ...extra },
});

/** Only a teacher account writes these; a family or the secretariat never does. */
export const notATeacher = () => refused('forbidden', 'Réservé aux enseignants.');
export const courseNotFound = () => refused('not_found', 'Cours introuvable.');
export const studentNotFound = () => refused('not_found', 'Élève introuvable.');
export const recordNotFound = () => refused('not_found', 'Enregistrement introuvable.');

export type TeachingCourse = typeof course.$inferSelect;

/**
 * The course as its teacher may write for it: the teacher's own, of the current school year.
 * Anything else (another teacher's class, last year's, an unknown id) is null: "not found".
 */
export async function ownCourse(tx: Db | Tx, user: SessionUser, courseId: string, now = new Date()): Promise<TeachingCourse | null> {
  if (user.role !== 'teacher' || !user.teacherId) return null;
  const [row] = await tx
    .select()
    .from(course)
    .where(and(eq(course.id, courseId), eq(course.teacherId, user.teacherId), eq(course.schoolYear, schoolYearOf(now))));
  return row ?? null;
}

/** A student's place in a course, with what a tombstone needs (family and site). */
export interface Seat {
  enrollmentId: string;
  studentId: string;
  familyId: string;
  siteId: string;
}

/** The active enrollments of a course, by student id. */
export async function seatsOf(tx: Db | Tx, courseId: string): Promise<Map<string, Seat>> {
  const rows = await tx
    .select({ enrollmentId: enrollment.id, studentId: enrollment.studentId, familyId: student.familyId, siteId: family.siteId })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .innerJoin(family, eq(family.id, student.familyId))
    .where(and(eq(enrollment.courseId, courseId), eq(enrollment.active, true)));
  return new Map(rows.map((r) => [r.studentId, r]));
}

/** The teacher's current-year courses in which this student is actively enrolled. */
export async function sharedCourses(tx: Db | Tx, user: SessionUser, studentId: string, now = new Date()): Promise<Seat[]> {
  if (user.role !== 'teacher' || !user.teacherId) return [];
  const courses = await tx
    .select({ id: course.id })
    .from(course)
    .where(and(eq(course.teacherId, user.teacherId), eq(course.schoolYear, schoolYearOf(now))));
  if (!courses.length) return [];
  return tx
    .select({ enrollmentId: enrollment.id, studentId: enrollment.studentId, familyId: student.familyId, siteId: family.siteId })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .innerJoin(family, eq(family.id, student.familyId))
    .where(and(eq(enrollment.studentId, studentId), eq(enrollment.active, true), inArray(enrollment.courseId, courses.map((c) => c.id))));
}

/**
 * The seats behind these enrollments, when every one is in a current course of this teacher
 * (a teacher no longer teaching the class cannot delete what they wrote there).
 */
export async function seatsByEnrollment(tx: Db | Tx, user: SessionUser, enrollmentIds: string[]) {
  const rows = await tx.select({ id: enrollment.id, courseId: enrollment.courseId }).from(enrollment).where(inArray(enrollment.id, enrollmentIds));
  const result = new Map<string, Seat>();
  for (const courseId of new Set(rows.map((r) => r.courseId))) {
    if (!(await ownCourse(tx, user, courseId))) return null;
    for (const seat of (await seatsOf(tx, courseId)).values()) result.set(seat.enrollmentId, seat);
  }
  return enrollmentIds.every((id) => result.has(id)) ? result : null;
}

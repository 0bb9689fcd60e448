import { count, eq } from 'drizzle-orm';
import type { CourseValues } from '../../shared/course-schemas.ts';
import type { Db } from '../db/client.ts';
import { course, enrollment } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError } from '../http/errors.ts';
import { fillFreePlaces } from './enrolments.ts';
import { auditCourse, checkCourseRefs, siteCourse } from './site-records.ts';

/**
 * The secretariat creates, edits and closes its site's courses. Each write stamps the course with
 * a new version (its families' and teacher's pulls carry it) and is audited.
 */

const FIELDS = ['name', 'departmentId', 'teacherId', 'roomId', 'weekday', 'startTime', 'durationMinutes', 'cycle', 'capacity', 'schoolYear'] as const;

export async function createCourse(db: Db, user: SessionUser, values: CourseValues) {
  return writeTransaction(db, async (tx) => {
    await checkCourseRefs(tx, user.siteId, values);
    const [row] = await tx
      .insert(course)
      .values({ ...values, siteId: user.siteId, version: await nextVersion(tx) })
      .returning({ id: course.id });
    await auditCourse(tx, user, 'course.created', { kind: 'course', id: row.id }, { values });
    return { id: row.id };
  });
}

/**
 * Edits a course (every field sent again by the form). Its school year changes only while nobody
 * is enrolled (enrollments are of a year); more places give them to the waiting list at once.
 */
export async function updateCourse(db: Db, user: SessionUser, courseId: string, values: CourseValues) {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    await checkCourseRefs(tx, user.siteId, values);
    if (values.schoolYear !== c.schoolYear) {
      const [{ n }] = await tx.select({ n: count() }).from(enrollment).where(eq(enrollment.courseId, c.id));
      if (n) throw new ApiError(409, 'course_has_enrollments', 'Ce cours a déjà des élèves inscrits : son année scolaire ne peut plus changer.');
    }
    const changes = Object.fromEntries(FIELDS.filter((f) => values[f] !== c[f]).map((f) => [f, { from: c[f], to: values[f] }]));
    const changed = Object.keys(changes);
    if (!changed.length) return { id: c.id, changed, promoted: [] };
    await tx.update(course).set({ ...values, version: await nextVersion(tx) }).where(eq(course.id, c.id));
    await auditCourse(tx, user, 'course.updated', { kind: 'course', id: c.id }, { changes });
    const promoted = await fillFreePlaces(tx, user, { ...c, ...values });
    return { id: c.id, changed, promoted };
  });
}

/** Closes a course: no new enrolment (nor from its waiting list); its students stay. Closing it again changes nothing. */
export async function closeCourse(db: Db, user: SessionUser, courseId: string) {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    if (c.closed) return { id: c.id, closed: true };
    await tx.update(course).set({ closed: true, version: await nextVersion(tx) }).where(eq(course.id, c.id));
    await auditCourse(tx, user, 'course.closed', { kind: 'course', id: c.id }, { name: c.name, schoolYear: c.schoolYear });
    return { id: c.id, closed: true };
  });
}

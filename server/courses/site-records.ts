import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { course, department, family, room, student, teacher } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { audit } from '../teaching/records.ts';

/**
 * The records of the secretariat's own site that its course desk touches: anything of another
 * site (or unknown) is "not found" (404), never shown nor written.
 */

export type CourseRow = typeof course.$inferSelect;

export async function siteCourse(db: Db | Tx, siteId: string, courseId: string): Promise<CourseRow> {
  const [row] = await db.select().from(course).where(and(eq(course.id, courseId), eq(course.siteId, siteId)));
  if (!row) throw notFound('Cours');
  return row;
}

/** A student of the site, with the family a tombstone or an audit row names. */
export async function siteStudent(db: Db | Tx, siteId: string, studentId: string) {
  const [row] = await db
    .select({ id: student.id, firstName: student.firstName, lastName: student.lastName, familyId: student.familyId })
    .from(student)
    .innerJoin(family, eq(family.id, student.familyId))
    .where(and(eq(student.id, studentId), eq(family.siteId, siteId)));
  if (!row) throw notFound('Élève');
  return row;
}

/** The department, teacher and room a course names must be the site's own. */
export async function checkCourseRefs(tx: Tx, siteId: string, refs: { departmentId: string; teacherId: string; roomId: string }) {
  const [[d], [t], [r]] = await Promise.all([
    tx.select({ id: department.id }).from(department).where(and(eq(department.id, refs.departmentId), eq(department.siteId, siteId))),
    tx.select({ id: teacher.id }).from(teacher).where(and(eq(teacher.id, refs.teacherId), eq(teacher.siteId, siteId))),
    tx.select({ id: room.id }).from(room).where(and(eq(room.id, refs.roomId), eq(room.siteId, siteId))),
  ]);
  if (!d) throw notFound('Département');
  if (!t) throw notFound('Enseignant');
  if (!r) throw notFound('Salle');
}

/** Every desk write leaves its line in the audit log (who, what, on which course or student), on the desk's site. */
export function auditCourse(tx: Tx, user: SessionUser, action: string, target: { kind: 'course' | 'student'; id: string; familyId?: string }, details: Record<string, unknown>) {
  return audit(tx, user, action, { ...target, siteId: user.siteId }, details);
}

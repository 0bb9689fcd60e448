import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { course, department, enrollment, family, room, student, teacher, waitingList } from '../db/schema/index.ts';
import { siteCourse } from './site-records.ts';

/**
 * What the course desk reads: a school year's courses of the site with their numbers, the lists
 * its form chooses from, and one course with its students and waiting list.
 */

/** The site's courses of a school year, by day and time, each with its enrolled and waiting counts. */
export function listCourses(db: Db, siteId: string, schoolYear: string) {
  return coursesWhere(db, and(eq(course.siteId, siteId), eq(course.schoolYear, schoolYear))!);
}

/** Courses with their department, teacher and room named, and their enrolled and waiting counts. */
async function coursesWhere(db: Db, where: SQL) {
  const rows = await db
    .select({
      id: course.id,
      name: course.name,
      schoolYear: course.schoolYear,
      departmentId: course.departmentId,
      department: department.name,
      teacherId: course.teacherId,
      teacherCivility: teacher.civility,
      teacherFirstName: teacher.firstName,
      teacherLastName: teacher.lastName,
      roomId: course.roomId,
      room: room.name,
      weekday: course.weekday,
      startTime: course.startTime,
      durationMinutes: course.durationMinutes,
      cycle: course.cycle,
      capacity: course.capacity,
      closed: course.closed,
    })
    .from(course)
    .innerJoin(department, eq(department.id, course.departmentId))
    .leftJoin(teacher, eq(teacher.id, course.teacherId))
    .leftJoin(room, eq(room.id, course.roomId))
    .where(where)
    .orderBy(asc(course.weekday), asc(course.startTime), asc(course.name));
  const [enrolled, waiting] = await Promise.all([
    db
      .select({ courseId: enrollment.courseId, n: count() })
      .from(enrollment)
      .innerJoin(course, eq(course.id, enrollment.courseId))
      .where(and(where, eq(enrollment.active, true)))
      .groupBy(enrollment.courseId),
    db
      .select({ courseId: waitingList.courseId, n: count() })
      .from(waitingList)
      .innerJoin(course, eq(course.id, waitingList.courseId))
      .where(where)
      .groupBy(waitingList.courseId),
  ]);
  const enrolledBy = new Map(enrolled.map((r) => [r.courseId, r.n]));
  const waitingBy = new Map(waiting.map((r) => [r.courseId, r.n]));
  return rows.map(({ teacherCivility, teacherFirstName, teacherLastName, ...c }) => ({
    ...c,
    teacher: teacherLastName ? `${teacherCivility ?? ''} ${teacherFirstName ?? ''} ${teacherLastName}`.trim() : '',
    enrolled: enrolledBy.get(c.id) ?? 0,
    waiting: waitingBy.get(c.id) ?? 0,
  }));
}

/** The site's departments, teachers and rooms: the course form's choices. */
export async function courseFormLists(db: Db, siteId: string) {
  const [departments, teachers, rooms] = await Promise.all([
    db.select({ id: department.id, name: department.name }).from(department).where(eq(department.siteId, siteId)).orderBy(asc(department.name)),
    db
      .select({ id: teacher.id, civility: teacher.civility, firstName: teacher.firstName, lastName: teacher.lastName })
      .from(teacher)
      .where(eq(teacher.siteId, siteId))
      .orderBy(asc(teacher.lastName), asc(teacher.firstName)),
    db.select({ id: room.id, name: room.name, building: room.building }).from(room).where(eq(room.siteId, siteId)).orderBy(asc(room.name)),
  ]);
  return { departments, teachers, rooms };
}

/** One course of the site: its row, its enrolled students (by name) and its waiting list (first come first). */
export async function courseDetail(db: Db, siteId: string, courseId: string) {
  const c = await siteCourse(db, siteId, courseId);
  const person = { studentId: student.id, firstName: student.firstName, lastName: student.lastName, familyId: family.id, familyName: family.lastName };
  const [students, waiting] = await Promise.all([
    db
      .select(person)
      .from(enrollment)
      .innerJoin(student, eq(student.id, enrollment.studentId))
      .innerJoin(family, eq(family.id, student.familyId))
      .where(and(eq(enrollment.courseId, c.id), eq(enrollment.active, true)))
      .orderBy(asc(student.lastName), asc(student.firstName)),
    db
      .select({ ...person, since: waitingList.createdAt })
      .from(waitingList)
      .innerJoin(student, eq(student.id, waitingList.studentId))
      .innerJoin(family, eq(family.id, student.familyId))
      .where(eq(waitingList.courseId, c.id))
      .orderBy(asc(waitingList.createdAt), asc(waitingList.id)),
  ]);
  const [summary] = await coursesWhere(db, eq(course.id, c.id));
  return { course: { ...summary, startDate: c.startDate, endDate: c.endDate }, students, waiting };
}

import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { enrollment, student, waitingList } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { auditCourse, siteCourse, siteStudent, type CourseRow } from './site-records.ts';

/**
 * Who is in a course: enrolling (or, when the course is full, the waiting list), withdrawing
 * (the first waiting student then takes the freed place) and leaving the waiting list. Each step
 * is one write transaction, so two desks enrolling at once cannot both take the last place; an
 * enrollment is stamped with a new version, so the family's pull and the teacher's see it.
 */

export interface NamedStudent {
  id: string;
  firstName: string;
  lastName: string;
}

const named = (s: NamedStudent): NamedStudent => ({ id: s.id, firstName: s.firstName, lastName: s.lastName });

async function enrolledCount(tx: Tx, courseId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(enrollment).where(and(eq(enrollment.courseId, courseId), eq(enrollment.active, true)));
  return row?.n ?? 0;
}

const hasRoom = (c: Pick<CourseRow, 'capacity'>, enrolled: number) => c.capacity === null || enrolled < c.capacity;

/** Enrols: a new row, or the student's earlier one in this course active again (one row per student and course). */
async function seat(tx: Tx, c: CourseRow, studentId: string, version: number) {
  const [earlier] = await tx.select({ id: enrollment.id }).from(enrollment).where(and(eq(enrollment.courseId, c.id), eq(enrollment.studentId, studentId)));
  if (earlier) await tx.update(enrollment).set({ active: true, schoolYear: c.schoolYear, version }).where(eq(enrollment.id, earlier.id));
  else await tx.insert(enrollment).values({ courseId: c.id, studentId, schoolYear: c.schoolYear, active: true, version });
}

/**
 * While the course is open and has room, the first students of its waiting list take the places
 * (a withdrawal, or more places given). Answers who was enrolled, in order.
 */
export async function fillFreePlaces(tx: Tx, user: SessionUser, c: CourseRow): Promise<NamedStudent[]> {
  if (c.closed) return [];
  const promoted: NamedStudent[] = [];
  let enrolled = await enrolledCount(tx, c.id);
  let version: number | null = null;
  while (hasRoom(c, enrolled)) {
    const [first] = await tx
      .select({ waitingId: waitingList.id, id: student.id, firstName: student.firstName, lastName: student.lastName, familyId: student.familyId })
      .from(waitingList)
      .innerJoin(student, eq(student.id, waitingList.studentId))
      .where(eq(waitingList.courseId, c.id))
      .orderBy(asc(waitingList.createdAt), asc(waitingList.id))
      .limit(1);
    if (!first) break;
    version ??= await nextVersion(tx);
    await seat(tx, c, first.id, version);
    await tx.delete(waitingList).where(eq(waitingList.id, first.waitingId));
    await auditCourse(tx, user, 'course.enrollment.from_waiting_list', { kind: 'student', id: first.id, familyId: first.familyId }, { courseId: c.id, courseName: c.name });
    promoted.push(named(first));
    enrolled++;
  }
  return promoted;
}

/** The waiting list's time for a newcomer: after everyone already on it, even within the same millisecond. */
async function nextWaitingTime(tx: Tx, courseId: string): Promise<string> {
  const [last] = await tx.select({ at: waitingList.createdAt }).from(waitingList).where(eq(waitingList.courseId, courseId)).orderBy(desc(waitingList.createdAt)).limit(1);
  const now = Date.now();
  const after = last ? Date.parse(last.at) + 1 : now;
  return new Date(Math.max(now, after)).toISOString();
}

export type EnrolOutcome = { outcome: 'enrolled'; student: NamedStudent } | { outcome: 'waiting'; position: number; student: NamedStudent };

/** Enrols a student of the site in a course of the site, or puts them on its waiting list when it is full. */
export async function enrol(db: Db, user: SessionUser, courseId: string, studentId: string): Promise<EnrolOutcome> {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    const s = await siteStudent(tx, user.siteId, studentId);
    const who = `${s.firstName} ${s.lastName}`;
    if (c.closed) throw new ApiError(409, 'course_closed', 'Ce cours est clos : il ne prend plus de nouvelle inscription.');
    const [current] = await tx
      .select({ id: enrollment.id })
      .from(enrollment)
      .where(and(eq(enrollment.courseId, c.id), eq(enrollment.studentId, s.id), eq(enrollment.active, true)));
    if (current) throw new ApiError(409, 'already_enrolled', `${who} est déjà inscrit(e) à ce cours.`);
    const [waiting] = await tx.select({ id: waitingList.id }).from(waitingList).where(and(eq(waitingList.courseId, c.id), eq(waitingList.studentId, s.id)));
    if (waiting) throw new ApiError(409, 'already_waiting', `${who} est déjà sur la liste d’attente de ce cours.`);

    const target = { kind: 'student' as const, id: s.id, familyId: s.familyId };
    if (!hasRoom(c, await enrolledCount(tx, c.id))) {
      await tx.insert(waitingList).values({ courseId: c.id, studentId: s.id, createdAt: await nextWaitingTime(tx, c.id) });
      const [{ n }] = await tx.select({ n: count() }).from(waitingList).where(eq(waitingList.courseId, c.id));
      await auditCourse(tx, user, 'course.waiting_list.added', target, { courseId: c.id, courseName: c.name, position: n });
      return { outcome: 'waiting', position: n, student: named(s) };
    }
    await seat(tx, c, s.id, await nextVersion(tx));
    await auditCourse(tx, user, 'course.enrollment.created', target, { courseId: c.id, courseName: c.name });
    return { outcome: 'enrolled', student: named(s) };
  });
}

/** Withdraws a student from a course (the row stays, inactive: it is their history); the freed place goes to the waiting list. */
export async function withdraw(db: Db, user: SessionUser, courseId: string, studentId: string) {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    const s = await siteStudent(tx, user.siteId, studentId);
    const [current] = await tx
      .select({ id: enrollment.id })
      .from(enrollment)
      .where(and(eq(enrollment.courseId, c.id), eq(enrollment.studentId, s.id), eq(enrollment.active, true)));
    if (!current) throw notFound('Inscription');
    await tx.update(enrollment).set({ active: false, version: await nextVersion(tx) }).where(eq(enrollment.id, current.id));
    await auditCourse(tx, user, 'course.enrollment.withdrawn', { kind: 'student', id: s.id, familyId: s.familyId }, { courseId: c.id, courseName: c.name });
    const promoted = await fillFreePlaces(tx, user, c);
    return { withdrawn: named(s), promoted: promoted[0] ?? null };
  });
}

/** Takes a student off a course's waiting list. */
export async function leaveWaitingList(db: Db, user: SessionUser, courseId: string, studentId: string) {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    const s = await siteStudent(tx, user.siteId, studentId);
    const removed = await tx
      .delete(waitingList)
      .where(and(eq(waitingList.courseId, c.id), eq(waitingList.studentId, s.id)))
      .returning({ id: waitingList.id });
    if (!removed.length) throw notFound('Inscription sur liste d’attente');
    await auditCourse(tx, user, 'course.waiting_list.removed', { kind: 'student', id: s.id, familyId: s.familyId }, { courseId: c.id, courseName: c.name });
    return { removed: named(s) };
  });
}

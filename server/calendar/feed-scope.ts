import { and, eq, inArray } from 'drizzle-orm';
import { calendarEntries, type CalendarEntry } from '../../shared/calendar.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { Db } from '../db/client.ts';
import { course, courseEvent, enrollment, room, student, teacherAbsence, user } from '../db/schema/index.ts';

/** The account a feed belongs to, as far as its calendar needs. */
export interface FeedAccount {
  role: string;
  familyId: string | null;
  teacherId: string | null;
  disabled: boolean;
}

export async function feedAccount(db: Db, userId: string): Promise<FeedAccount | null> {
  const [row] = await db
    .select({ role: user.role, familyId: user.familyId, teacherId: user.teacherId, disabled: user.disabled })
    .from(user)
    .where(eq(user.id, userId));
  return row ?? null;
}

/**
 * The lessons and events of the account's calendar for the current school year, with the same
 * scope as its pull (server/sync/pull.ts): a family's students' active enrollments of the year,
 * a teacher's own classes of the year; anything else (the secretariat) has none. Nothing of
 * another family can come in: the courses are found from this family's enrollments only.
 */
export async function feedEntries(db: Db, account: FeedAccount, now = new Date()): Promise<{ year: string; entries: CalendarEntry[] }> {
  const year = schoolYearOf(now);
  const start = Number(year.slice(0, 4));
  const range = { from: `${start}-09-01`, to: `${start + 1}-08-31` };
  const students = new Map<string, string[]>();
  let courses: (typeof course.$inferSelect)[] = [];
  if (account.role === 'family' && account.familyId) {
    const seats = await db
      .select({ courseId: enrollment.courseId, firstName: student.firstName })
      .from(enrollment)
      .innerJoin(student, eq(student.id, enrollment.studentId))
      .where(and(eq(student.familyId, account.familyId), eq(enrollment.schoolYear, year), eq(enrollment.active, true)));
    for (const s of seats) students.set(s.courseId, [...(students.get(s.courseId) ?? []), s.firstName].sort((a, b) => a.localeCompare(b, 'fr')));
    const ids = [...students.keys()];
    courses = ids.length ? await db.select().from(course).where(and(inArray(course.id, ids), eq(course.schoolYear, year))) : [];
  } else if (account.role === 'teacher' && account.teacherId) {
    courses = await db.select().from(course).where(and(eq(course.teacherId, account.teacherId), eq(course.schoolYear, year)));
  }
  if (!courses.length) return { year, entries: [] };
  const courseIds = courses.map((c) => c.id);
  const teacherIds = [...new Set(courses.map((c) => c.teacherId).filter((t): t is string => !!t))];
  const roomIds = [...new Set(courses.map((c) => c.roomId).filter((r): r is string => !!r))];
  const [absences, events, rooms] = await Promise.all([
    teacherIds.length ? db.select().from(teacherAbsence).where(inArray(teacherAbsence.teacherId, teacherIds)) : [],
    db.select().from(courseEvent).where(inArray(courseEvent.courseId, courseIds)),
    roomIds.length ? db.select({ id: room.id, name: room.name }).from(room).where(inArray(room.id, roomIds)) : [],
  ]);
  const places = new Map(courses.map((c) => [c.id, rooms.find((r) => r.id === c.roomId)?.name ?? '']));
  return { year, entries: calendarEntries({ courses, absences, events, ...range, students, places }) };
}

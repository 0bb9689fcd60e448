import { addDays, calendarEntries, mondayOf, type CalendarEntry } from '../../../shared/calendar.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import type { Course } from '../../data/records.ts';
import { compareFr } from '../../../shared/french-order.ts';

/** One day of the week shown, with its lessons and events (possibly none). */
export interface CalendarDay {
  date: string;
  entries: CalendarEntry[];
}

export interface CalendarWeek {
  /** Monday and Sunday, "YYYY-MM-DD". */
  from: string;
  to: string;
  days: CalendarDay[];
  /** Whether the account has any course this week's school year(s): "no course" is not "nothing this week". */
  hasCourses: boolean;
}

export type CalendarViewer = { role: 'family' } | { role: 'teacher'; teacherId: string };

const yearsOf = (from: string, to: string) => [...new Set([schoolYearOf(from + 'T12:00:00Z'), schoolYearOf(to + 'T12:00:00Z')])];

/** A family's courses of these school years (its students' active enrollments), with who goes to each. */
async function familyCourses(years: string[]) {
  const enrollments = (await db.enrollments.where('schoolYear').anyOf(years).toArray()).filter((e) => e.active);
  const [courses, students] = await Promise.all([
    db.courses.bulkGet([...new Set(enrollments.map((e) => e.courseId))]),
    db.students.bulkGet([...new Set(enrollments.map((e) => e.studentId))]),
  ]);
  const who = new Map<string, string[]>();
  for (const e of enrollments) {
    const name = students.find((s) => s?.id === e.studentId)?.firstName;
    if (name) who.set(e.courseId, [...new Set([...(who.get(e.courseId) ?? []), name])].sort(compareFr));
  }
  return { courses: courses.filter((c): c is Course => !!c), who };
}

/**
 * The week starting on `monday`'s Monday, read from the device (offline too): the lessons of the
 * account's courses (a family's students', a teacher's classes), cancelled ones marked, and the
 * courses' events, grouped by day (every day of the week is there, empty or not).
 */
export async function calendarWeek(viewer: CalendarViewer, day: string): Promise<CalendarWeek> {
  const from = mondayOf(day);
  const to = addDays(from, 6);
  const years = yearsOf(from, to);
  const { courses, who } =
    viewer.role === 'teacher'
      ? { courses: (await db.courses.where('teacherId').equals(viewer.teacherId).toArray()).filter((c) => years.includes(c.schoolYear)), who: new Map<string, string[]>() }
      : await familyCourses(years);
  const [absences, events, rooms] = await Promise.all([
    db.teacherAbsences.toArray(),
    db.courseEvents.where('courseId').anyOf(courses.map((c) => c.id)).toArray(),
    db.rooms.toArray(),
  ]);
  const places = new Map(courses.map((c) => [c.id, rooms.find((r) => r.id === c.roomId)?.name ?? '']));
  const entries = calendarEntries({ courses, absences, events, from, to, students: who, places });
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).map((date) => ({ date, entries: entries.filter((e) => e.date === date) }));
  return { from, to, days, hasCourses: courses.length > 0 };
}

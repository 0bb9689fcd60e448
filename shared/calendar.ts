import type { CourseEventKind } from './course-event.ts';
import { lessonDates, type LessonCourse } from './lesson-dates.ts';
import { compareFr } from './french-order.ts';

/**
 * What a calendar shows (issue 18, item 5), computed the same way on both sides: the page
 * `/calendrier` from the device's database (offline), and the iCalendar feed on the server. A
 * course's lessons come from its schedule (shared/lesson-dates.ts); a lesson inside an absence of
 * its teacher that is not withdrawn is cancelled (kept, marked, so nobody thinks it was forgotten);
 * the course's events (concerts, exams…) are added as they are, cancelled ones marked too.
 */

export interface CalendarCourse extends LessonCourse {
  id: string;
  name: string;
  teacherId: string | null;
  startTime: string | null;
  durationMinutes: number | null;
}

export interface CalendarAbsence {
  teacherId: string;
  startDate: string;
  endDate: string;
  withdrawn: boolean;
}

export interface CalendarEvent {
  id: string;
  courseId: string;
  kind: string;
  title: string;
  date: string;
  startTime: string | null;
  durationMinutes: number | null;
  place: string;
  cancelled: boolean;
}

export interface CalendarEntry {
  /** Stable across reads: `lesson:<courseId>:<date>` or `event:<id>` (also the feed's UID). */
  key: string;
  type: 'lesson' | 'event';
  date: string;
  /** "HH:MM", or null for a whole day. */
  startTime: string | null;
  durationMinutes: number | null;
  courseId: string;
  courseName: string;
  /** An event's title; a lesson's is its course's name. */
  title: string;
  /** An event's kind; null for a lesson. */
  kind: CourseEventKind | null;
  place: string;
  cancelled: boolean;
  /** Who of the family goes (first names), when the caller tells. */
  students: string[];
}

export interface CalendarInput {
  courses: CalendarCourse[];
  absences: CalendarAbsence[];
  events: CalendarEvent[];
  /** Inclusive "YYYY-MM-DD" bounds. */
  from: string;
  to: string;
  /** Per course: the family's students in it (first names). */
  students?: Map<string, string[]>;
  /** Per course: where its lessons take place (a room's name). */
  places?: Map<string, string>;
}

/** Every lesson and event of the courses between `from` and `to`, by date then time (whole days first). */
export function calendarEntries(input: CalendarInput): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  const live = input.absences.filter((a) => !a.withdrawn);
  const byId = new Map(input.courses.map((c) => [c.id, c]));
  for (const course of input.courses) {
    const own = live.filter((a) => a.teacherId === course.teacherId);
    for (const date of lessonDates(course, input.from, input.to)) {
      entries.push({
        key: `lesson:${course.id}:${date}`,
        type: 'lesson',
        date,
        startTime: course.startTime,
        durationMinutes: course.durationMinutes,
        courseId: course.id,
        courseName: course.name,
        title: course.name,
        kind: null,
        place: input.places?.get(course.id) ?? '',
        cancelled: own.some((a) => a.startDate <= date && date <= a.endDate),
        students: input.students?.get(course.id) ?? [],
      });
    }
  }
  for (const event of input.events) {
    const course = byId.get(event.courseId);
    if (!course || event.date < input.from || event.date > input.to) continue;
    entries.push({
      key: `event:${event.id}`,
      type: 'event',
      date: event.date,
      startTime: event.startTime,
      durationMinutes: event.durationMinutes,
      courseId: course.id,
      courseName: course.name,
      title: event.title,
      kind: event.kind as CourseEventKind,
      place: event.place,
      cancelled: event.cancelled,
      students: input.students?.get(course.id) ?? [],
    });
  }
  return entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.startTime ?? '').localeCompare(b.startTime ?? '') ||
      compareFr(a.courseName, b.courseName) ||
      a.key.localeCompare(b.key),
  );
}

const DAY = 86_400_000;
const noon = (day: string) => Date.parse(day + 'T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The day `n` days after (or before, negative) a "YYYY-MM-DD" day. */
export const addDays = (day: string, n: number) => iso(noon(day) + n * DAY);

/** The Monday of the week of `day` (weeks run Monday to Sunday, as in France). */
export function mondayOf(day: string): string {
  const back = (new Date(noon(day)).getUTCDay() + 6) % 7;
  return addDays(day, -back);
}

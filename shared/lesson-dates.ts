/**
 * A course's lesson days, from its weekday and its first and last day (the school year's
 * 1 September and 30 June when the course does not say). Both sides compute them: the teacher's
 * course page lists them offline, and the server finds the lessons a teacher's absence cancels.
 * School holidays are not known yet: the secretariat will be able to skip them (a later issue).
 */
export interface LessonCourse {
  schoolYear: string;
  weekday: number | null;
  startDate?: string | null;
  endDate?: string | null;
}

const DAY = 86_400_000;

/** "YYYY-MM-DD" of a UTC date. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Today where this code runs, "YYYY-MM-DD" (on a device: a lesson's day is its teacher's local day). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Weekday of a "YYYY-MM-DD" day: 1 = Monday … 7 = Sunday (the course table's convention). */
export function weekdayOf(day: string): number {
  const w = new Date(day + 'T12:00:00Z').getUTCDay();
  return w === 0 ? 7 : w;
}

export function courseBounds(course: LessonCourse): { first: string; last: string } {
  const start = Number(course.schoolYear.slice(0, 4));
  return { first: course.startDate ?? `${start}-09-01`, last: course.endDate ?? `${start + 1}-06-30` };
}

/** Every lesson day of the course between `from` and `to` (inclusive, within its own bounds). */
export function lessonDates(course: LessonCourse, from?: string, to?: string): string[] {
  if (!course.weekday) return [];
  const bounds = courseBounds(course);
  const first = from && from > bounds.first ? from : bounds.first;
  const last = to && to < bounds.last ? to : bounds.last;
  const dates: string[] = [];
  let t = Date.parse(first + 'T12:00:00Z');
  const offset = (course.weekday - weekdayOf(first) + 7) % 7;
  t += offset * DAY;
  for (; isoDay(new Date(t)) <= last; t += 7 * DAY) dates.push(isoDay(new Date(t)));
  return dates;
}

/** Is this day one of the course's lessons? */
export function isLessonDate(course: LessonCourse, day: string): boolean {
  return lessonDates(course, day, day).length === 1;
}

import { ABSENCE_NOTICE_MUTATIONS, MAX_NOTICE_DATES } from '../../../shared/absence-notice-mutations.ts';
import type { AnnounceAbsenceArgs, WithdrawAbsenceArgs } from '../../../shared/absence-notice-schemas.ts';
import { lessonDates } from '../../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import type { Course, Student } from '../../data/records.ts';
import { cancelledLessons, localDay } from './teacher-absence-queries.ts';
import { compareFr } from '../../../shared/french-order.ts';

/** A course a family may announce an absence for: one student's enrollment, with its coming lessons. */
export interface NoticeChoice {
  enrollmentId: string;
  studentId: string;
  studentName: string;
  courseId: string;
  courseName: string;
  /** The next lesson days (today included), those cancelled by the teacher left out. */
  dates: string[];
  /** Of those, the days already announced (on the server or waiting on this device). */
  announced: string[];
}

/** An announced absence as the family's screens show it. */
export interface AnnouncedAbsence {
  enrollmentId: string;
  date: string;
  reason: string;
  /** Still on this device, not sent yet. */
  queued: boolean;
  /** Today or later: it can still be withdrawn. */
  upcoming: boolean;
}

/**
 * The announced absences of the family's enrollments: the pulled rows, then this device's outbox
 * over them in order (an announcement or a withdrawal not sent yet), withdrawn ones left out.
 * Read from the device, so it works offline. Sorted by date.
 */
export async function announcedAbsences(filter: { enrollmentId?: string } = {}, now = new Date()): Promise<AnnouncedAbsence[]> {
  const today = localDay(now);
  const rows = filter.enrollmentId ? await db.absenceNotices.where('enrollmentId').equals(filter.enrollmentId).toArray() : await db.absenceNotices.toArray();
  const byKey = new Map<string, AnnouncedAbsence | null>();
  const key = (enrollmentId: string, date: string) => `${enrollmentId} ${date}`;
  for (const n of rows) byKey.set(key(n.enrollmentId, n.date), n.withdrawn ? null : { enrollmentId: n.enrollmentId, date: n.date, reason: n.reason, queued: false, upcoming: n.date >= today });
  for (const row of await db.outbox.orderBy('mutationId').toArray()) {
    if (row.name === ABSENCE_NOTICE_MUTATIONS.announce) {
      const args = row.args as AnnounceAbsenceArgs;
      if (filter.enrollmentId && args.enrollmentId !== filter.enrollmentId) continue;
      for (const date of args.dates) byKey.set(key(args.enrollmentId, date), { enrollmentId: args.enrollmentId, date, reason: args.reason ?? '', queued: true, upcoming: date >= today });
    } else if (row.name === ABSENCE_NOTICE_MUTATIONS.withdraw) {
      const args = row.args as WithdrawAbsenceArgs;
      if (!filter.enrollmentId || args.enrollmentId === filter.enrollmentId) byKey.set(key(args.enrollmentId, args.date), null);
    }
  }
  return [...byKey.values()].filter((n): n is AnnouncedAbsence => !!n).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * What the "Signaler une absence" form offers: the family's active enrollments of the current
 * school year (one, with `filter`), each with its next lesson days — at most MAX_NOTICE_DATES,
 * the days its teacher's absence cancels left out — and the days already announced.
 */
export async function noticeChoices(filter: { studentId?: string; courseId?: string } = {}, now = new Date()): Promise<NoticeChoice[]> {
  const today = localDay(now);
  const year = schoolYearOf(now);
  const enrollments = (await db.enrollments.where('schoolYear').equals(year).toArray()).filter(
    (e) => e.active && (!filter.courseId || e.courseId === filter.courseId) && (!filter.studentId || e.studentId === filter.studentId),
  );
  const [courses, students, cancelled, announced] = await Promise.all([
    db.courses.bulkGet(enrollments.map((e) => e.courseId)),
    db.students.bulkGet(enrollments.map((e) => e.studentId)),
    cancelledLessons(filter, now),
    announcedAbsences({}, now),
  ]);
  const choices: NoticeChoice[] = [];
  enrollments.forEach((e, i) => {
    const course = courses[i] as Course | undefined;
    const student = students[i] as Student | undefined;
    if (!course || !student) return;
    const off = new Set(cancelled.filter((c) => c.courseId === course.id).map((c) => c.date));
    const dates = lessonDates(course, today).filter((d) => !off.has(d)).slice(0, MAX_NOTICE_DATES);
    choices.push({
      enrollmentId: e.id,
      studentId: student.id,
      studentName: student.firstName,
      courseId: course.id,
      courseName: course.name,
      dates,
      announced: announced.filter((n) => n.enrollmentId === e.id).map((n) => n.date),
    });
  });
  return choices.sort((a, b) => compareFr(a.studentName, b.studentName) || compareFr(a.courseName, b.courseName));
}

/** One course sheet's side of it: the form's choice (this student, this course) and the days announced. */
export async function courseNotices(studentId: string, courseId: string, now = new Date()) {
  const choices = await noticeChoices({ studentId, courseId }, now);
  const announced = choices.length ? await announcedAbsences({ enrollmentId: choices[0].enrollmentId }, now) : [];
  return { choices, announced };
}

import { lessonDates } from '../../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import { db } from '../../data/db.ts';
import type { Course, Student, Teacher } from '../../data/records.ts';
import { compareFr } from '../../../shared/french-order.ts';

/** A lesson of the family's courses that a teacher's absence cancels. */
export interface CancelledLesson {
  courseId: string;
  courseName: string;
  /** "YYYY-MM-DD", today or later. */
  date: string;
  /** The teacher as families call them: civility and last name ("Mme Roussillon"). */
  teacher: string;
  /** The message to families declared with the absence (may be empty). */
  message: string;
  /** First names of the family's students in that course. */
  students: string[];
}

/** "YYYY-MM-DD" of the device's local day. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const teacherLabel = (teacher: Teacher | undefined) => (teacher ? `${teacher.civility} ${teacher.lastName}`.trim() : '');

/**
 * The family's upcoming cancelled lessons (today or later), read from the device so they show
 * offline: the lesson days of each course (shared/lesson-dates.ts) that fall within an absence of
 * its teacher that is not withdrawn. `courseId` keeps one course (its sheet); `studentId` one
 * student. Sorted by date, then course name.
 */
export async function cancelledLessons(filter: { courseId?: string; studentId?: string } = {}, now = new Date()): Promise<CancelledLesson[]> {
  const today = localDay(now);
  const absences = (await db.teacherAbsences.toArray()).filter((a) => !a.withdrawn && a.endDate >= today);
  if (!absences.length) return [];
  const year = schoolYearOf(now);
  const enrollments = (await db.enrollments.where('schoolYear').equals(year).toArray()).filter(
    (e) => e.active && (!filter.courseId || e.courseId === filter.courseId) && (!filter.studentId || e.studentId === filter.studentId),
  );
  const courseIds = [...new Set(enrollments.map((e) => e.courseId))];
  const courses = (await db.courses.bulkGet(courseIds)).filter((c): c is Course => !!c && !!c.teacherId);
  const [teachers, students] = await Promise.all([
    db.teachers.bulkGet([...new Set(courses.map((c) => c.teacherId!))]),
    db.students.bulkGet([...new Set(enrollments.map((e) => e.studentId))]),
  ]);
  const lessons: CancelledLesson[] = [];
  for (const course of courses) {
    const teacher = teachers.find((x) => x?.id === course.teacherId);
    const names = enrollments
      .filter((e) => e.courseId === course.id)
      .map((e) => students.find((s) => s?.id === e.studentId))
      .filter((s): s is Student => !!s)
      .map((s) => s.firstName)
      .sort(compareFr);
    const seen = new Set<string>();
    for (const absence of absences.filter((a) => a.teacherId === course.teacherId)) {
      const from = absence.startDate > today ? absence.startDate : today;
      for (const date of lessonDates(course, from, absence.endDate)) {
        // Two absences over one day still cancel one lesson.
        if (seen.has(date)) continue;
        seen.add(date);
        lessons.push({ courseId: course.id, courseName: course.name, date, teacher: teacherLabel(teacher), message: absence.message, students: names });
      }
    }
  }
  return lessons.sort((a, b) => a.date.localeCompare(b.date) || compareFr(a.courseName, b.courseName));
}

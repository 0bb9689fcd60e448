import { schoolYearOf } from '../../../shared/school-year.ts';
import { db, getMeta } from '../../data/db.ts';
import type {
  Absence, Course, Department, Enrollment, Evaluation, FollowUpNote, RepertoireEntry, Room, Student, Teacher,
} from '../../data/records.ts';
import { compareFr } from '../../../shared/french-order.ts';

/**
 * The pedagogy screens' Dexie queries (a student's courses, a course sheet, history, repertoire,
 * the week on /accueil). Everything is read from the device: a student or course that is not
 * here (another family's, or an unknown id) is simply not found.
 */

/** An enrollment with its course and what the course points to, ready for a table row. */
export interface CourseRow {
  enrollment: Enrollment;
  course: Course;
  teacher: Teacher | undefined;
  room: Room | undefined;
  department: Department | undefined;
}

/** "Did a pull ever land on this device?" — tells "not found" from "not loaded yet". */
export async function hasSynced(): Promise<boolean> {
  return (await getMeta<number>('cursor')) !== undefined;
}

export function currentSchoolYear(): string {
  return schoolYearOf(new Date());
}

const byDateDesc = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/** Joins enrollments with their courses, teachers, rooms and departments (one bulkGet each). */
async function joinCourses(enrollments: Enrollment[]): Promise<CourseRow[]> {
  const courses = await db.courses.bulkGet(enrollments.map((e) => e.courseId));
  const present = courses.filter((c): c is Course => !!c);
  const [teachers, rooms, departments] = await Promise.all([
    db.teachers.bulkGet([...new Set(present.map((c) => c.teacherId).filter((v): v is string => !!v))]),
    db.rooms.bulkGet([...new Set(present.map((c) => c.roomId).filter((v): v is string => !!v))]),
    db.departments.bulkGet([...new Set(present.map((c) => c.departmentId))]),
  ]);
  const find = <T extends { id: string }>(rows: Array<T | undefined>, id: string | null) => (id ? rows.find((r) => r?.id === id) : undefined);
  const rows: CourseRow[] = [];
  enrollments.forEach((enrollment, i) => {
    const course = courses[i];
    if (!course) return;
    rows.push({
      enrollment,
      course,
      teacher: find(teachers, course.teacherId),
      room: find(rooms, course.roomId),
      department: find(departments, course.departmentId),
    });
  });
  return rows;
}

/** Timetable order: weekday, start time, then name (the course table and its record navigation). */
function byTimetable(a: CourseRow, b: CourseRow): number {
  return (
    (a.course.weekday ?? 8) - (b.course.weekday ?? 8) ||
    (a.course.startTime ?? '').localeCompare(b.course.startTime ?? '') ||
    compareFr(a.course.name, b.course.name)
  );
}

/** History order: newest year first, then department and class names. */
function byHistory(a: CourseRow, b: CourseRow): number {
  return (
    b.enrollment.schoolYear.localeCompare(a.enrollment.schoolYear) ||
    compareFr(a.department?.name ?? '', b.department?.name ?? '') ||
    compareFr(a.course.name, b.course.name)
  );
}

/** The family's students, in the order of the student record navigation. */
export async function familyStudents(): Promise<Student[]> {
  const students = await db.students.toArray();
  return students.sort((a, b) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName) || a.id.localeCompare(b.id));
}

/** A student's courses of the given school year (the current one by default). */
export async function studentCourses(studentId: string, year = currentSchoolYear()) {
  const [student, synced] = await Promise.all([db.students.get(studentId), hasSynced()]);
  if (!student) return { student: null, synced, year, rows: [] as CourseRow[] };
  const enrollments = await db.enrollments.where('studentId').equals(studentId).filter((e) => e.schoolYear === year).toArray();
  const rows = (await joinCourses(enrollments)).sort(byTimetable);
  return { student, synced, year, rows };
}

export type CourseTab = 'suivi' | 'evaluations' | 'absences';

/** Notes, evaluations and absences of one enrollment, newest first. */
async function enrollmentDetails(enrollmentId: string) {
  const [notes, evaluations, absences] = await Promise.all([
    db.followUpNotes.where('enrollmentId').equals(enrollmentId).toArray(),
    db.evaluations.where('enrollmentId').equals(enrollmentId).toArray(),
    db.absences.where('enrollmentId').equals(enrollmentId).toArray(),
  ]);
  const noteTeachers = await db.teachers.bulkGet([...new Set(notes.map((n) => n.teacherId).filter((v): v is string => !!v))]);
  return {
    notes: notes.sort(byDateDesc) as FollowUpNote[],
    evaluations: evaluations.sort(byDateDesc) as Evaluation[],
    absences: absences.sort(byDateDesc) as Absence[],
    teachers: noteTeachers.filter((x): x is Teacher => !!x),
  };
}

/**
 * A course sheet: the student's current-year course `courseId` with its notes, evaluations and
 * absences, and the ordered list of the student's courses for the record navigation.
 */
export async function courseSheet(studentId: string, courseId: string) {
  const list = await studentCourses(studentId);
  const index = list.rows.findIndex((r) => r.course.id === courseId);
  if (!list.student || index < 0) return { ...list, index: -1, row: null, details: null };
  const row = list.rows[index];
  return { ...list, index, row, details: await enrollmentDetails(row.enrollment.id) };
}

/** Enrollments of earlier school years, newest first. */
export async function studentHistory(studentId: string) {
  const year = currentSchoolYear();
  const [student, synced] = await Promise.all([db.students.get(studentId), hasSynced()]);
  if (!student) return { student: null, synced, rows: [] as CourseRow[], years: [] as string[] };
  const enrollments = await db.enrollments.where('studentId').equals(studentId).filter((e) => e.schoolYear < year).toArray();
  const rows = (await joinCourses(enrollments)).sort(byHistory);
  const years = [...new Set(rows.map((r) => r.enrollment.schoolYear))];
  return { student, synced, rows, years };
}

/** One history entry (an earlier year's enrollment) with its evaluations, notes and absences. */
export async function historyEntry(studentId: string, enrollmentId: string) {
  const history = await studentHistory(studentId);
  const index = history.rows.findIndex((r) => r.enrollment.id === enrollmentId);
  if (!history.student || index < 0) return { ...history, index: -1, row: null, details: null };
  const row = history.rows[index];
  return { ...history, index, row, details: await enrollmentDetails(enrollmentId) };
}

/** A student's repertoire, newest first. */
export async function studentRepertoire(studentId: string) {
  const [student, synced] = await Promise.all([db.students.get(studentId), hasSynced()]);
  if (!student) return { student: null, synced, entries: [] as RepertoireEntry[] };
  const entries = (await db.repertoireEntries.where('studentId').equals(studentId).toArray()).sort(byDateDesc);
  return { student, synced, entries };
}

export async function repertoireEntry(studentId: string, entryId: string) {
  const repertoire = await studentRepertoire(studentId);
  const index = repertoire.entries.findIndex((e) => e.id === entryId);
  return { ...repertoire, index, entry: index < 0 ? null : repertoire.entries[index] };
}

/** Monday of the week holding `today`, as a local date. */
function mondayOf(today: Date): Date {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate(), 12);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return monday;
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface WeekLesson {
  row: CourseRow;
  /** The lesson's day this week, "YYYY-MM-DD". */
  date: string;
}

/** /accueil: per student, this week's lessons (active current-year courses) and the latest evaluation and absence. */
export async function homeWeek(today = new Date()) {
  const year = schoolYearOf(today);
  const students = await familyStudents();
  const monday = mondayOf(today);
  return Promise.all(
    students.map(async (student) => {
      const enrollments = await db.enrollments.where('studentId').equals(student.id).filter((e) => e.schoolYear === year).toArray();
      const rows = (await joinCourses(enrollments)).sort(byTimetable);
      const lessons: WeekLesson[] = rows
        .filter((r) => r.enrollment.active && r.course.weekday)
        .map((row) => {
          const day = new Date(monday);
          day.setDate(monday.getDate() + (row.course.weekday! - 1));
          return { row, date: isoDay(day) };
        });
      const ids = enrollments.map((e) => e.id);
      const [evaluations, absences] = await Promise.all([
        db.evaluations.where('enrollmentId').anyOf(ids).toArray(),
        db.absences.where('enrollmentId').anyOf(ids).toArray(),
      ]);
      const courseOf = (enrollmentId: string) => rows.find((r) => r.enrollment.id === enrollmentId)?.course;
      const latestEvaluation = evaluations.sort(byDateDesc)[0];
      const latestAbsence = absences.sort(byDateDesc)[0];
      return {
        student,
        lessons,
        latestEvaluation: latestEvaluation ? { evaluation: latestEvaluation, course: courseOf(latestEvaluation.enrollmentId) } : null,
        latestAbsence: latestAbsence ? { absence: latestAbsence, course: courseOf(latestAbsence.enrollmentId) } : null,
      };
    }),
  );
}

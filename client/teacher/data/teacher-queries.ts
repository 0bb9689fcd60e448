import { isLessonDate, lessonDates, localToday } from '../../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../../shared/school-year.ts';
import type { Attendance, RollCallArgs } from '../../../shared/teaching-schemas.ts';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-mutations.ts';
import { db } from '../../data/db.ts';
import { rejections } from '../../data/outbox.ts';
import type { Course, Enrollment, Room, Student, TeacherAbsence } from '../../data/records.ts';
import { compareFr } from '../../../shared/french-order.ts';

/**
 * The teacher's screens' Dexie queries: the week and the classes (/enseignant), one class with its
 * lessons, a roll call, the teacher's absences. A pull carries only the teacher's own classes of
 * the year, so a course that is not here (another teacher's, last year's, an unknown id) is not found.
 */

/** Monday and Sunday of the week of `day`. */
function weekOf(day: string): { from: string; to: string } {
  const noon = new Date(day + 'T12:00:00Z');
  const back = (noon.getUTCDay() + 6) % 7;
  const monday = new Date(noon.getTime() - back * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** One lesson of a class and what the teacher needs to know about it. */
export interface Lesson {
  date: string;
  /** One of the teacher's absences (not withdrawn) covers the day. */
  cancelled: boolean;
  /** The server has a roll call of that day. */
  taken: boolean;
  /** A roll call of that day waits in this device's outbox. */
  queued: boolean;
}

/** A roll call waiting in the outbox, as its mutation's arguments. */
type QueuedRollCall = RollCallArgs;

/** This device's roll calls not sent yet (the outbox read as the identity overlay reads it); the latest per course and day wins. */
async function queuedRollCalls(): Promise<QueuedRollCall[]> {
  const rows = await db.outbox.orderBy('mutationId').toArray();
  return rows.filter((r) => r.name === TEACHING_MUTATIONS.rollCall).map((r) => r.args as QueuedRollCall);
}

const byTimetable = (a: Course, b: Course) =>
  (a.weekday ?? 8) - (b.weekday ?? 8) || (a.startTime ?? '').localeCompare(b.startTime ?? '') || compareFr(a.name, b.name);

const activeAbsences = (absences: TeacherAbsence[]) => absences.filter((a) => !a.withdrawn);
const cancelledOn = (absences: TeacherAbsence[], date: string) => absences.some((a) => a.startDate <= date && date <= a.endDate);

/** The teacher's classes of the current school year, in timetable order. */
async function ownCourses(teacherId: string, year: string): Promise<Course[]> {
  const courses = await db.courses.where('teacherId').equals(teacherId).filter((c) => c.schoolYear === year).toArray();
  return courses.sort(byTimetable);
}

async function ownAbsences(teacherId: string): Promise<TeacherAbsence[]> {
  return db.teacherAbsences.where('teacherId').equals(teacherId).toArray();
}

/** The students actively enrolled in a course, by name. */
async function rosterOf(courseId: string): Promise<{ enrollments: Enrollment[]; students: Student[] }> {
  const enrollments = (await db.enrollments.where('courseId').equals(courseId).toArray()).filter((e) => e.active);
  const students = (await db.students.bulkGet(enrollments.map((e) => e.studentId))).filter((s): s is Student => !!s);
  students.sort((a, b) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName));
  return { enrollments, students };
}

/**
 * A teacher's home: the lessons of the week of `today` (the device's day; cancelled ones marked)
 * and the classes of the year with their number of students. `today` is worked out at each run
 * (each pull re-runs it), so a page left open overnight moves to the new day.
 */
export async function teacherHome(teacherId: string, today = localToday()) {
  const year = schoolYearOf(new Date(today + 'T12:00:00'));
  const [teacher, courses, rooms, absences, rollCalls, queued] = await Promise.all([
    db.teachers.get(teacherId),
    ownCourses(teacherId, year),
    db.rooms.toArray(),
    ownAbsences(teacherId),
    db.rollCalls.toArray(),
    queuedRollCalls(),
  ]);
  const counts = await Promise.all(courses.map((c) => db.enrollments.where('courseId').equals(c.id).filter((e) => e.active).count()));
  const roomOf = (c: Course): Room | undefined => rooms.find((r) => r.id === c.roomId);
  const week = weekOf(today);
  const active = activeAbsences(absences);
  const lessons = courses
    .flatMap((course) =>
      lessonDates(course, week.from, week.to).map((date) => ({
        course,
        room: roomOf(course),
        lesson: lessonState(course.id, date, active, rollCalls, queued),
      })),
    )
    .sort((a, b) => a.lesson.date.localeCompare(b.lesson.date) || (a.course.startTime ?? '').localeCompare(b.course.startTime ?? ''));
  const classes = courses.map((course, i) => ({ course, room: roomOf(course), students: counts[i] }));
  return { teacher, year, week, lessons, classes };
}

function lessonState(courseId: string, date: string, absences: TeacherAbsence[], rollCalls: Array<{ courseId: string; date: string }>, queued: QueuedRollCall[]): Lesson {
  return {
    date,
    cancelled: cancelledOn(absences, date),
    taken: rollCalls.some((r) => r.courseId === courseId && r.date === date),
    queued: queued.some((q) => q.courseId === courseId && q.date === date),
  };
}

/** A student of the class with the cycle shown beside their name: the class's, else the one of their other classes with this teacher. */
export interface RosterRow {
  student: Student;
  cycle: string;
}

/** One of the teacher's classes: its room, students and lessons of the year; `course` undefined when it is not theirs. */
export async function teacherCourse(teacherId: string, courseId: string) {
  const year = schoolYearOf(new Date());
  const course = await db.courses.get(courseId);
  if (!course || course.teacherId !== teacherId || course.schoolYear !== year) return { course: undefined, year };
  const [room, department, { students }, others, absences, rollCalls, queued] = await Promise.all([
    course.roomId ? db.rooms.get(course.roomId) : undefined,
    db.departments.get(course.departmentId),
    rosterOf(courseId),
    ownCourses(teacherId, year),
    ownAbsences(teacherId),
    db.rollCalls.where('courseId').equals(courseId).toArray(),
    queuedRollCalls(),
  ]);
  const enrollments = await db.enrollments.where('studentId').anyOf(students.map((s) => s.id)).toArray();
  const cycleOf = (student: Student) => {
    if (course.cycle) return course.cycle;
    const cycles = enrollments
      .filter((e) => e.studentId === student.id && e.active)
      .map((e) => others.find((c) => c.id === e.courseId)?.cycle ?? '')
      .filter(Boolean);
    return [...new Set(cycles)].join(', ');
  };
  const roster: RosterRow[] = students.map((student) => ({ student, cycle: cycleOf(student) }));
  const active = activeAbsences(absences);
  const lessons = lessonDates(course).map((date) => lessonState(courseId, date, active, rollCalls, queued));
  return { course, room, department, roster, lessons, year };
}

/** What the roll call shows for a student: recorded before (or queued), else "present". */
export interface AttendanceEntry {
  status: Attendance;
  reason: string;
}

/**
 * A roll call's page: the class's students and what was recorded for the day — the roll call
 * waiting in this device's outbox first (a correction typed offline), else one the server refused
 * after it left this device (what was typed is not lost: shown again with the refusal), else the
 * server's (its absences; everyone else was present), else nothing (the page starts from "present").
 */
export async function rollCallSheet(teacherId: string, courseId: string, date: string) {
  const found = await teacherCourse(teacherId, courseId);
  if (!found.course) return { course: undefined };
  const course = found.course;
  const lesson = /^\d{4}-\d{2}-\d{2}$/.test(date) && isLessonDate(course, date);
  const [{ enrollments, students }, rollCall, queued, absences, refusals, notices] = await Promise.all([
    rosterOf(courseId),
    db.rollCalls.where('courseId').equals(courseId).filter((r) => r.date === date).first(),
    queuedRollCalls(),
    db.absences.where('date').equals(date).toArray(),
    rejections(),
    db.absenceNotices.where('date').equals(date).filter((n) => !n.withdrawn).toArray(),
  ]);
  const thisDay = (args: RollCallArgs) => args.courseId === courseId && args.date === date;
  const pending = queued.filter(thisDay).pop();
  const refused = refusals.filter((r) => r.name === TEACHING_MUTATIONS.rollCall && thisDay(r.args as RollCallArgs)).pop();
  const typed = pending ?? (refused?.args as RollCallArgs | undefined);
  const recorded = new Map<string, AttendanceEntry>();
  if (typed) {
    for (const e of typed.entries) recorded.set(e.studentId, { status: e.status, reason: e.reason ?? '' });
  } else {
    for (const a of absences) {
      const enrollment = enrollments.find((e) => e.id === a.enrollmentId);
      if (enrollment) recorded.set(enrollment.studentId, { status: a.excused ? 'excused' : 'absent', reason: a.reason });
    }
  }
  // Absences the families announced for this day: shown on the student's line, and, until a roll
  // call of the day exists, the line starts as "Absent excusé" with the family's reason (the
  // teacher can still change it).
  const announced = new Map<string, { reason: string }>();
  for (const n of notices) {
    const enrollment = enrollments.find((e) => e.id === n.enrollmentId);
    if (!enrollment) continue;
    announced.set(enrollment.studentId, { reason: n.reason });
    if (!typed && !rollCall && !recorded.has(enrollment.studentId)) recorded.set(enrollment.studentId, { status: 'excused', reason: n.reason });
  }
  return {
    course,
    lesson,
    cancelled: !!found.lessons.find((l) => l.date === date)?.cancelled,
    students,
    recorded,
    /** Students whose family announced the absence, with its reason. */
    announced,
    takenAt: rollCall?.takenAt,
    queued: !!pending,
    /** A roll call of this day the server refused after it left this device (unless a newer one waits). */
    refused: pending ? undefined : refused && { mutationId: refused.mutationId, error: refused.error },
  };
}

/** The teacher's declared absences, latest first (withdrawn ones stay: families were told). */
export async function teacherAbsences(teacherId: string): Promise<TeacherAbsence[]> {
  const absences = await ownAbsences(teacherId);
  return absences.sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt));
}

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, version } from './columns.ts';
import { family, student, teacher } from './people.ts';
import { site } from './sites.ts';

export const department = sqliteTable('department', {
  id: id(),
  siteId: text('site_id').notNull().references(() => site.id),
  name: text('name').notNull(),
  version: version(),
});

export const room = sqliteTable('room', {
  id: id(),
  siteId: text('site_id').notNull().references(() => site.id),
  name: text('name').notNull(),
  building: text('building').notNull().default(''),
  version: version(),
});

/** A class in a school year ("2026/2027"): weekday 1 = Monday … 7 = Sunday, start "HH:MM". */
export const course = sqliteTable(
  'course',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    schoolYear: text('school_year').notNull(),
    name: text('name').notNull(),
    departmentId: text('department_id').notNull().references(() => department.id),
    teacherId: text('teacher_id').references(() => teacher.id),
    roomId: text('room_id').references(() => room.id),
    cycle: text('cycle').notNull().default(''),
    weekday: integer('weekday'),
    startTime: text('start_time'),
    durationMinutes: integer('duration_minutes'),
    /** First and last lesson day ("YYYY-MM-DD"); null: the school year's 1 September and 30 June (shared/lesson-dates.ts). */
    startDate: text('start_date'),
    endDate: text('end_date'),
    /** Most students enrolled (null: no limit); beyond it students wait (waiting_list). */
    capacity: integer('capacity'),
    /** A closed course takes no new enrolment; its students stay in it. */
    closed: integer('closed', { mode: 'boolean' }).notNull().default(false),
    version: version(),
  },
  (t) => [index('course_teacher_idx').on(t.teacherId, t.schoolYear), index('course_site_idx').on(t.siteId, t.schoolYear)],
);

/** A student in a course for a school year; earlier years' enrollments are the student's history. */
export const enrollment = sqliteTable(
  'enrollment',
  {
    id: id(),
    studentId: text('student_id').notNull().references(() => student.id),
    courseId: text('course_id').notNull().references(() => course.id),
    schoolYear: text('school_year').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The end-of-year comment shown in the history. */
    yearComment: text('year_comment').notNull().default(''),
    version: version(),
  },
  (t) => [
    index('enrollment_student_idx').on(t.studentId),
    index('enrollment_course_idx').on(t.courseId),
    uniqueIndex('enrollment_student_course_uq').on(t.studentId, t.courseId),
  ],
);

export const followUpNote = sqliteTable(
  'follow_up_note',
  {
    id: id(),
    enrollmentId: text('enrollment_id').notNull().references(() => enrollment.id),
    date: text('date').notNull(),
    teacherId: text('teacher_id').references(() => teacher.id),
    text: text('text').notNull(),
    version: version(),
  },
  (t) => [index('follow_up_note_enrollment_idx').on(t.enrollmentId)],
);

/** kind: 'controle continu', 'examen', 'audition'…; a mark (e.g. "15/20") or an appreciation. */
export const evaluation = sqliteTable(
  'evaluation',
  {
    id: id(),
    enrollmentId: text('enrollment_id').notNull().references(() => enrollment.id),
    date: text('date').notNull(),
    kind: text('kind').notNull(),
    mark: text('mark').notNull().default(''),
    appreciation: text('appreciation').notNull().default(''),
    comment: text('comment').notNull().default(''),
    teacherId: text('teacher_id').references(() => teacher.id),
    /** The teacher's evaluation of a class on a date: one row per student, edited and deleted together. */
    batchId: text('batch_id'),
    version: version(),
  },
  (t) => [index('evaluation_enrollment_idx').on(t.enrollmentId), index('evaluation_batch_idx').on(t.batchId)],
);

export const absence = sqliteTable(
  'absence',
  {
    id: id(),
    enrollmentId: text('enrollment_id').notNull().references(() => enrollment.id),
    date: text('date').notNull(),
    excused: integer('excused', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason').notNull().default(''),
    recordedBy: text('recorded_by'),
    createdAt: createdAt(),
    version: version(),
  },
  // One absence per student, course and day: a corrected roll call replaces it, never doubles it.
  (t) => [uniqueIndex('absence_enrollment_date_uq').on(t.enrollmentId, t.date)],
);

/** A piece played at an exam, audition or concert. */
export const repertoireEntry = sqliteTable(
  'repertoire_entry',
  {
    id: id(),
    studentId: text('student_id').notNull().references(() => student.id),
    date: text('date').notNull(),
    eventLabel: text('event_label').notNull(),
    eventKind: text('event_kind').notNull().default('audition'),
    piece: text('piece').notNull(),
    composer: text('composer').notNull().default(''),
    durationMinutes: integer('duration_minutes'),
    comments: text('comments').notNull().default(''),
    /** The teacher who wrote it (null: entered by the secretariat or imported). */
    teacherId: text('teacher_id').references(() => teacher.id),
    version: version(),
  },
  (t) => [index('repertoire_student_idx').on(t.studentId)],
);

/** A roll call taken for a course on a lesson day; its absences are the `absence` rows of that day. */
export const rollCall = sqliteTable(
  'roll_call',
  {
    id: id(),
    courseId: text('course_id').notNull().references(() => course.id),
    date: text('date').notNull(),
    teacherId: text('teacher_id').references(() => teacher.id),
    takenAt: text('taken_at').notNull(),
    version: version(),
  },
  (t) => [uniqueIndex('roll_call_course_date_uq').on(t.courseId, t.date)],
);

/**
 * A teacher's absence from `startDate` to `endDate` (inclusive): their lessons of those days are
 * cancelled. `revision` grows when the dates or the message change, so families are told again;
 * a withdrawn absence stays (families were told) with `withdrawn` set.
 */
export const teacherAbsence = sqliteTable(
  'teacher_absence',
  {
    id: id(),
    siteId: text('site_id').notNull().references(() => site.id),
    teacherId: text('teacher_id').notNull().references(() => teacher.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    message: text('message').notNull().default(''),
    declaredBy: text('declared_by').notNull(),
    revision: integer('revision').notNull().default(1),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('teacher_absence_teacher_idx').on(t.teacherId, t.endDate)],
);

/** Students waiting for a place in a full course, first come first served (not synced: the desk's list). */
export const waitingList = sqliteTable(
  'waiting_list',
  {
    id: id(),
    courseId: text('course_id').notNull().references(() => course.id),
    studentId: text('student_id').notNull().references(() => student.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('waiting_list_course_student_uq').on(t.courseId, t.studentId)],
);

/**
 * An absence announced in advance by the family (issue 18, item 4): the teacher's roll call shows
 * it as "Absence signalée par la famille", pre-filled as excused. Withdrawn rather than deleted,
 * so every device learns of it through the ordinary pull.
 */
export const absenceNotice = sqliteTable(
  'absence_notice',
  {
    id: id(),
    enrollmentId: text('enrollment_id').notNull().references(() => enrollment.id),
    familyId: text('family_id').notNull().references(() => family.id),
    /** A lesson day of the enrollment's course ("YYYY-MM-DD"). */
    date: text('date').notNull(),
    reason: text('reason').notNull().default(''),
    /** The account that announced it. */
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
    version: version(),
  },
  (t) => [uniqueIndex('absence_notice_enrollment_date_uq').on(t.enrollmentId, t.date), index('absence_notice_family_idx').on(t.familyId)],
);

/**
 * A concert, exam, audition or other event of a course (issue 18, item 5), added by the
 * secretariat or the course's teacher; shown in the calendar of the course's families and teacher.
 * Cancelled rather than deleted, so families' devices learn of it through the pull.
 */
export const courseEvent = sqliteTable(
  'course_event',
  {
    id: id(),
    courseId: text('course_id').notNull().references(() => course.id),
    siteId: text('site_id').notNull().references(() => site.id),
    /** 'concert' | 'exam' | 'audition' | 'rehearsal' | 'other' (shared/calendar.ts). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    /** "HH:MM", or null for an event of the whole day. */
    startTime: text('start_time'),
    durationMinutes: integer('duration_minutes'),
    place: text('place').notNull().default(''),
    cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [index('course_event_course_idx').on(t.courseId, t.date), index('course_event_site_idx').on(t.siteId, t.date)],
);

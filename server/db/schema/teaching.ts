import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, id, version } from './columns.ts';
import { student, teacher } from './people.ts';
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
    version: version(),
  },
  (t) => [index('evaluation_enrollment_idx').on(t.enrollmentId)],
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
  (t) => [index('absence_enrollment_idx').on(t.enrollmentId)],
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
    version: version(),
  },
  (t) => [index('repertoire_student_idx').on(t.studentId)],
);

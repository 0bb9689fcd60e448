import { z } from 'zod';
import { optionalText, recordId, required, requiredText } from './schema-parts.ts';
import { SCHOOL_YEAR_PATTERN } from './school-year.ts';
import { vmsg } from './validation-messages.ts';

/**
 * The secretariat's courses and enrolments (`/admin/cours`, issue 14): a course of a school year
 * and who is in it. The form sends what its fields hold (numbers as typed text); the same schema
 * turns them into numbers in the browser and on the server.
 */

export const COURSE_DURATION = { min: 15, max: 240 } as const;
export const COURSE_CAPACITY = { min: 1, max: 500 } as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Typed text of digits becomes a number; anything else is left for the number check to refuse. */
const digits = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v);

const wholeNumber = (message: string, min: number, max: number) =>
  z.preprocess(digits, z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }));

/** One of the lists' choices (a record id); anything else reads as "not chosen". */
const choice = (field: 'departmentId' | 'teacherId' | 'roomId') =>
  required(field).max(64, { error: vmsg('required', { field }) }).regex(/^[A-Za-z0-9-]+$/, { error: vmsg('required', { field }) });

const capacityMessage = vmsg('capacity', COURSE_CAPACITY);
const weekdayMessage = vmsg('weekday');
const durationMessage = vmsg('courseDuration', COURSE_DURATION);

export const courseSchema = z.object({
  name: requiredText('courseName', 100),
  departmentId: choice('departmentId'),
  teacherId: choice('teacherId'),
  roomId: choice('roomId'),
  weekday: wholeNumber(weekdayMessage, 1, 7),
  startTime: required('startTime').regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: vmsg('startTime') }),
  durationMinutes: wholeNumber(durationMessage, COURSE_DURATION.min, COURSE_DURATION.max),
  cycle: optionalText('cycle', 20).default(''),
  /** Empty (or null): no limit. */
  capacity: z.preprocess(
    (v) => (v === '' || v === undefined || (typeof v === 'string' && !v.trim()) ? null : digits(v)),
    z.number({ error: capacityMessage }).int({ error: capacityMessage }).min(COURSE_CAPACITY.min, { error: capacityMessage }).max(COURSE_CAPACITY.max, { error: capacityMessage }).nullable(),
  ),
  schoolYear: required('schoolYear').refine((v) => SCHOOL_YEAR_PATTERN.test(v) && Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, {
    error: vmsg('schoolYear'),
  }),
});
export type CourseValues = z.output<typeof courseSchema>;

/** `?schoolYear=2026/2027` on the list (the current one when absent). */
export const courseListQuery = z.object({
  schoolYear: z.string().regex(SCHOOL_YEAR_PATTERN, { error: vmsg('schoolYear') }).optional(),
});

/** A student to enrol (or to put on the waiting list when the course is full). */
export const enrollmentSchema = z.object({ studentId: recordId });

/** The desk's student search: what is typed, bounded, and how many come back at most. */
export const STUDENT_SEARCH_MAX = 60;
export const STUDENT_SEARCH_LIMIT = 20;
export const studentSearchQuery = z.object({
  q: z.string().trim().max(STUDENT_SEARCH_MAX, { error: vmsg('tooLong', { field: 'studentId', max: STUDENT_SEARCH_MAX }) }).default(''),
});

import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's courses and enrolments (`/admin/cours`), online only: the desk decides on live
 * numbers (places left, who waits). Each answers the server's body, typed by its route, or throws
 * OfflineError / HttpError (client/data/command-errors.ts).
 */

const courses = apiClient.admin.courses;
const one = courses[':courseId'];
const param = (courseId: string) => ({ courseId: encodeURIComponent(courseId) });

/** A school year's courses of the site ("2026/2027"; the current one when empty), and the form's lists. */
export function fetchCourses(schoolYear = '') {
  return answer(courses.$get({ query: schoolYear ? { schoolYear } : {} }));
}

export type CourseList = Awaited<ReturnType<typeof fetchCourses>>;
export type CourseSummary = CourseList['courses'][number];

/** One course of the site with its enrolled students and its waiting list, first come first. */
export function fetchCourse(courseId: string) {
  return answer(one.$get({ param: param(courseId) }));
}

export type CourseDetail = Awaited<ReturnType<typeof fetchCourse>>;
export type CourseStudent = CourseDetail['students'][number];

/** What the course form sends (shared/course-schemas.ts: numbers as typed text). */
export type CourseForm = InferRequestType<typeof courses.$post>['json'];

/** Creates a course: answers its id. */
export function createCourse(values: CourseForm) {
  return answer(courses.$post({ json: values }));
}

/** Edits a course: answers the fields changed and the waiting students who got a place. */
export function updateCourse(courseId: string, values: CourseForm) {
  return answer(one.$patch({ param: param(courseId), json: values }));
}

/** Closes a course: no new enrolment, its students stay. */
export function closeCourse(courseId: string) {
  return answer(one.close.$post({ param: param(courseId) }));
}

/** Enrols a student, or puts them on the waiting list when the course is full: the answer says which. */
export function enrolStudent(courseId: string, studentId: string) {
  return answer(one.enrollments.$post({ param: param(courseId), json: { studentId } }));
}

/** Withdraws a student: answers who, and the first waiting student who took the place (or null). */
export function withdrawStudent(courseId: string, studentId: string) {
  return answer(one.enrollments[':studentId'].$delete({ param: { ...param(courseId), studentId: encodeURIComponent(studentId) } }));
}

/** Takes a student off the course's waiting list. */
export function removeFromWaitingList(courseId: string, studentId: string) {
  return answer(one.waiting[':studentId'].$delete({ param: { ...param(courseId), studentId: encodeURIComponent(studentId) } }));
}

/** The site's students whose names hold every word of `q` (accents and case ignored), at most 20. */
export function searchStudents(q: string, signal?: AbortSignal) {
  return answer(apiClient.admin.students.$get({ query: { q } }, signal ? { init: { signal } } : undefined));
}

export type FoundStudent = Awaited<ReturnType<typeof searchStudents>>['students'][number];

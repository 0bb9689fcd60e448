import type { InferRequestType } from 'hono/client';
import { answer, apiClient, HttpError, OfflineError } from '../../api/http.ts';

/*
 * What teachers wrote, read and corrected by the secretariat, online only (the desk decides on live
 * data, and a correction replaces the teacher's roll call at once). Each answers the server's body,
 * typed by its route, or throws OfflineError / HttpError (client/data/command-errors.ts).
 */

const courses = apiClient.admin.courses[':courseId'];

/** A teacher of the site and their classes of this school year, by weekday and time, with their number of students. */
export function fetchTeacherClasses(teacherId: string) {
  return answer(apiClient.admin.teachers[':teacherId'].$get({ param: { teacherId: encodeURIComponent(teacherId) } }));
}

export type TeacherClasses = Awaited<ReturnType<typeof fetchTeacherClasses>>;

/** A course of the site with its teacher, its roster and what was written in it: roll calls, absences, evaluations, notes. */
export function fetchCourseTeaching(courseId: string) {
  return answer(courses.teaching.$get({ param: { courseId: encodeURIComponent(courseId) } }));
}

export type CourseTeaching = Awaited<ReturnType<typeof fetchCourseTeaching>>;

/** One student's line of a corrected roll call. */
export type RollCallCorrection = InferRequestType<(typeof courses)['roll-calls'][':date']['$put']>['json']['entries'];

/** Replaces the roll call of a lesson day (every student of the list; the server audits the correction). */
export function correctRollCall(courseId: string, date: string, entries: RollCallCorrection) {
  return answer(courses['roll-calls'][':date'].$put({ param: { courseId: encodeURIComponent(courseId), date }, json: { entries } }));
}

/** Removes a class evaluation (every student's row of the batch): families no longer see it. */
export function deleteEvaluationBatch(batchId: string) {
  return answer(apiClient.admin.evaluations[':batchId'].$delete({ param: { batchId: encodeURIComponent(batchId) } }));
}

/** Removes a follow-up note: the family no longer sees it. */
export function deleteFollowUpNote(noteId: string) {
  return answer(apiClient.admin['follow-up-notes'][':id'].$delete({ param: { id: encodeURIComponent(noteId) } }));
}

/**
 * A desk page's read: its data, or 'offline' (the server could not be reached) or 'missing' (404:
 * no such record on the secretariat's site); any other failure is thrown.
 */
export async function readForDesk<T>(read: () => Promise<T>): Promise<T | 'offline' | 'missing'> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof OfflineError) return 'offline';
    if (error instanceof HttpError && error.status === 404) return 'missing';
    throw error;
  }
}

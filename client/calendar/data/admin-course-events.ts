import type { CourseEventInput } from '../../../shared/course-event.ts';
import { answer, apiClient } from '../../api/http.ts';

/**
 * The secretariat's events of a course of its site, online (the desk works on live data): each
 * answers the server's body, or throws OfflineError / HttpError (client/data/command-errors.ts).
 */
const events = apiClient.admin.courses[':courseId'].events;

export function fetchCourseEvents(courseId: string) {
  return answer(events.$get({ param: { courseId: encodeURIComponent(courseId) } }));
}

export type AdminCourseEvent = Awaited<ReturnType<typeof fetchCourseEvents>>['events'][number];

export function createCourseEvent(courseId: string, values: CourseEventInput) {
  return answer(events.$post({ param: { courseId: encodeURIComponent(courseId) }, json: values }));
}

export function updateCourseEvent(courseId: string, eventId: string, values: CourseEventInput & { cancelled: boolean }) {
  return answer(events[':eventId'].$put({ param: { courseId: encodeURIComponent(courseId), eventId: encodeURIComponent(eventId) }, json: values }));
}

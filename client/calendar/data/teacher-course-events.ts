import { COURSE_EVENT_MUTATIONS, type CourseEventArgs } from '../../../shared/course-event.ts';
import { db } from '../../data/db.ts';
import type { CourseEvent } from '../../data/records.ts';

/** An event of a class as its teacher's page lists it: pulled, or waiting on this device. */
export interface TeacherCourseEvent {
  id: string;
  kind: string;
  title: string;
  date: string;
  startTime: string | null;
  place: string;
  cancelled: boolean;
  /** Written on this device and not sent yet. */
  queued: boolean;
}

/**
 * A class's events for its teacher's page, by date: the pulled ones, overlaid with those waiting
 * in this device's outbox (a new one shows at once, offline too, marked as waiting).
 */
export async function teacherCourseEvents(courseId: string): Promise<TeacherCourseEvent[]> {
  const [pulled, outbox] = await Promise.all([db.courseEvents.where('courseId').equals(courseId).toArray(), db.outbox.orderBy('mutationId').toArray()]);
  const byId = new Map<string, TeacherCourseEvent>(pulled.map((e: CourseEvent) => [e.id, { ...e, queued: false }]));
  for (const row of outbox) {
    if (row.name !== COURSE_EVENT_MUTATIONS.save) continue;
    const a = row.args as CourseEventArgs;
    if (a.courseId !== courseId) continue;
    byId.set(a.id, { id: a.id, kind: a.kind, title: a.title, date: a.date, startTime: a.startTime ? String(a.startTime) : null, place: a.place ?? '', cancelled: !!a.cancelled, queued: true });
  }
  return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
}

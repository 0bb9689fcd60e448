import type { CourseEventArgs } from '../../../shared/course-event.ts';
import { COURSE_EVENT_MUTATIONS } from '../../../shared/course-event-mutations.ts';
import { db } from '../../data/db.ts';
import type { CourseEvent } from '../../data/records.ts';

/** An event of a class as its teacher's page lists it: pulled, or waiting on this device. */
export interface TeacherCourseEvent {
  id: string;
  kind: string;
  title: string;
  date: string;
  startTime: string | null;
  durationMinutes: number | null;
  place: string;
  cancelled: boolean;
  /** Written on this device and not sent yet. */
  queued: boolean;
  /** This teacher's own (the server lets a teacher correct or cancel only those, not the secretariat's). */
  mine: boolean;
}

/**
 * A class's events for its teacher's page, by date: the pulled ones, overlaid with those waiting
 * in this device's outbox (a new one or a correction shows at once, offline too, marked as waiting).
 */
export async function teacherCourseEvents(courseId: string, userId: string): Promise<TeacherCourseEvent[]> {
  const [pulled, outbox] = await Promise.all([db.courseEvents.where('courseId').equals(courseId).toArray(), db.outbox.orderBy('mutationId').toArray()]);
  const byId = new Map<string, TeacherCourseEvent>(
    pulled.map((e: CourseEvent) => [e.id, { id: e.id, kind: e.kind, title: e.title, date: e.date, startTime: e.startTime, durationMinutes: e.durationMinutes, place: e.place, cancelled: e.cancelled, queued: false, mine: e.createdBy === userId }]),
  );
  for (const row of outbox) {
    if (row.name !== COURSE_EVENT_MUTATIONS.save) continue;
    const a = row.args as CourseEventArgs;
    if (a.courseId !== courseId) continue;
    const duration = a.durationMinutes === '' || a.durationMinutes == null ? null : Number(a.durationMinutes);
    byId.set(a.id, { id: a.id, kind: a.kind, title: a.title, date: a.date, startTime: a.startTime ? String(a.startTime) : null, durationMinutes: duration, place: a.place ?? '', cancelled: !!a.cancelled, queued: true, mine: true });
  }
  return [...byId.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.startTime ?? '').localeCompare(b.startTime ?? ''));
}

import { and, asc, eq } from 'drizzle-orm';
import { courseEventArgsSchema, type CourseEventValues } from '../../shared/course-event.ts';
import type { Db, Tx } from '../db/client.ts';
import { courseEvent } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { siteCourse } from '../courses/site-records.ts';
import type { SessionUser } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { audit, invalid } from '../teaching/records.ts';
import { courseNotFound, notATeacher, ownCourse, recordNotFound, type TeachingOutcome } from '../teaching/scope.ts';

/**
 * A course's events (concerts, exams, auditions…). Each write stamps the row's version in its
 * transaction (so the course's families and teacher pull it) and leaves an audit row. An event
 * is cancelled, never deleted: families who saw it must see it cancelled.
 */

export type CourseEventRow = typeof courseEvent.$inferSelect;

/** The secretariat's list of a course's events (a course of another site: 404). */
export async function listCourseEvents(db: Db, siteId: string, courseId: string): Promise<CourseEventRow[]> {
  await siteCourse(db, siteId, courseId);
  return db.select().from(courseEvent).where(eq(courseEvent.courseId, courseId)).orderBy(asc(courseEvent.date), asc(courseEvent.startTime));
}

/** The secretariat adds an event to a course of its site. */
export async function createCourseEvent(db: Db, user: SessionUser, courseId: string, values: CourseEventValues): Promise<CourseEventRow> {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    const version = await nextVersion(tx);
    const [row] = await tx
      .insert(courseEvent)
      .values({ courseId: c.id, siteId: c.siteId, ...values, createdBy: user.id, version })
      .returning();
    await audit(tx, user, 'calendar.event.create', { kind: 'course_event', id: row.id, siteId: c.siteId }, { courseId: c.id, date: values.date, kind: values.kind });
    return row;
  });
}

/** The secretariat corrects or cancels (or restores) an event of a course of its site. */
export async function updateCourseEvent(db: Db, user: SessionUser, courseId: string, eventId: string, values: CourseEventValues & { cancelled: boolean }): Promise<CourseEventRow> {
  return writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user.siteId, courseId);
    const [existing] = await tx.select().from(courseEvent).where(and(eq(courseEvent.id, eventId), eq(courseEvent.courseId, c.id)));
    if (!existing) throw notFound('Événement');
    const version = await nextVersion(tx);
    const [row] = await tx.update(courseEvent).set({ ...values, version }).where(eq(courseEvent.id, eventId)).returning();
    const action = values.cancelled && !existing.cancelled ? 'calendar.event.cancel' : 'calendar.event.update';
    await audit(tx, user, action, { kind: 'course_event', id: row.id, siteId: c.siteId }, { courseId: c.id, date: values.date });
    return row;
  });
}

/**
 * `calendar.event.save` (push): the teacher adds (or corrects, or cancels) an event of one of
 * their classes of the year, under the id the device made, so a replay lands on the same row. An
 * id that exists and is not this teacher's event of this course (the secretariat's, another
 * teacher's) is "not found", never overwritten.
 */
export async function saveTeacherEvent(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = courseEventArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { id, courseId, ...values } = parsed.data;
  const c = await ownCourse(tx, user, courseId);
  if (!c) return courseNotFound();
  const [existing] = await tx.select().from(courseEvent).where(eq(courseEvent.id, id));
  if (existing && (existing.courseId !== c.id || existing.createdBy !== user.id)) return recordNotFound();
  const version = await nextVersion(tx);
  if (existing) await tx.update(courseEvent).set({ ...values, version }).where(eq(courseEvent.id, id));
  else await tx.insert(courseEvent).values({ id, courseId: c.id, siteId: c.siteId, ...values, createdBy: user.id, version });
  await audit(tx, user, existing ? 'calendar.event.update' : 'calendar.event.create', { kind: 'course_event', id, siteId: c.siteId }, { courseId: c.id, date: values.date, kind: values.kind });
  return { ok: true };
}

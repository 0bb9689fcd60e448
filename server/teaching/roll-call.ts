import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { courseBounds } from '../../shared/lesson-dates.ts';
import { rollCallArgsSchema } from '../../shared/teaching-schemas.ts';
import { vmsg } from '../../shared/validation-messages.ts';
import type { Tx } from '../db/client.ts';
import { absence, rollCall } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, bury, invalid } from './records.ts';
import { courseNotFound, notATeacher, ownCourse, refused, seatsOf, studentNotFound, type TeachingCourse, type TeachingOutcome } from './scope.ts';

/**
 * `teaching.rollCall`: the attendance of a course's students on a day. The day's roll call row is
 * created or replaced; per student, an absence (excused or not) is written over the day's earlier
 * one, and a student now present loses it: a corrected roll call replaces, never doubles. Every
 * student is checked before anything is written, so a list with one foreign student writes nothing.
 */
export async function saveRollCall(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = rollCallArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const course = await ownCourse(tx, user, parsed.data.courseId);
  if (!course) return courseNotFound();
  return applyRollCall(tx, user, course, parsed.data);
}

/**
 * Writes a roll call for a course the caller may write for (the teacher's own through the push,
 * or one of the secretariat's site correcting it: server/routes/admin-teaching.ts).
 */
export async function applyRollCall(tx: Tx, user: SessionUser, course: TeachingCourse, args: z.output<typeof rollCallArgsSchema>): Promise<TeachingOutcome> {
  const { first, last } = courseBounds(course);
  if (args.date < first || args.date > last) {
    const message = vmsg('dateRange', { field: 'date', from: first, to: last });
    return refused('validation', 'Certains champs sont à corriger.', { fields: { date: message }, fieldCodes: { date: { code: 'dateRange', params: { field: 'date', from: first, to: last } } } });
  }
  const seats = await seatsOf(tx, course.id);
  if (args.entries.some((e) => !seats.has(e.studentId))) return studentNotFound();

  const version = await nextVersion(tx);
  const takenAt = new Date().toISOString();
  // The roll call's author stays the class's teacher when the secretariat corrects it.
  const teacherId = user.role === 'teacher' ? user.teacherId : course.teacherId;
  await tx
    .insert(rollCall)
    .values({ courseId: course.id, date: args.date, teacherId, takenAt, version })
    .onConflictDoUpdate({ target: [rollCall.courseId, rollCall.date], set: { teacherId, takenAt, version } });

  let absent = 0;
  let excused = 0;
  for (const entry of args.entries) {
    const seat = seats.get(entry.studentId)!;
    const [earlier] = await tx.select({ id: absence.id }).from(absence).where(and(eq(absence.enrollmentId, seat.enrollmentId), eq(absence.date, args.date)));
    if (entry.status === 'present') {
      if (earlier) {
        await tx.delete(absence).where(eq(absence.id, earlier.id));
        await bury(tx, 'absence', earlier.id, seat, version);
      }
      continue;
    }
    if (entry.status === 'excused') excused++;
    else absent++;
    const values = { excused: entry.status === 'excused', reason: entry.reason, recordedBy: user.id, version };
    if (earlier) await tx.update(absence).set(values).where(eq(absence.id, earlier.id));
    else await tx.insert(absence).values({ enrollmentId: seat.enrollmentId, date: args.date, ...values });
  }
  await audit(tx, user, user.role === 'teacher' ? 'teaching.roll_call' : 'teaching.roll_call.correct', { kind: 'course', id: course.id, siteId: course.siteId }, { date: args.date, students: args.entries.length, absent, excused });
  return { ok: true };
}

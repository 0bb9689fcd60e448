import { eq } from 'drizzle-orm';
import { deleteByIdArgsSchema, noteArgsSchema } from '../../shared/teaching-schemas.ts';
import type { Tx } from '../db/client.ts';
import { followUpNote } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, bury, invalid } from './records.ts';
import { courseNotFound, notATeacher, ownCourse, recordNotFound, seatsByEnrollment, seatsOf, studentNotFound, type TeachingOutcome } from './scope.ts';

/**
 * `teaching.note.save`: a follow-up note on a student in one of the teacher's courses, created
 * or edited under the id the device made. An id that exists and is not this teacher's note is
 * "not found", never overwritten.
 */
export async function saveNote(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = noteArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const args = parsed.data;
  const course = await ownCourse(tx, user, args.courseId);
  if (!course) return courseNotFound();
  const seat = (await seatsOf(tx, course.id)).get(args.studentId);
  if (!seat) return studentNotFound();
  const [existing] = await tx.select().from(followUpNote).where(eq(followUpNote.id, args.id));
  if (existing && (existing.teacherId !== user.teacherId || existing.enrollmentId !== seat.enrollmentId)) return recordNotFound();
  const version = await nextVersion(tx);
  const values = { date: args.date, text: args.text, version };
  if (existing) await tx.update(followUpNote).set(values).where(eq(followUpNote.id, args.id));
  else await tx.insert(followUpNote).values({ id: args.id, enrollmentId: seat.enrollmentId, teacherId: user.teacherId, ...values });
  await audit(tx, user, existing ? 'teaching.note.update' : 'teaching.note.create', { kind: 'follow_up_note', id: args.id, familyId: seat.familyId, siteId: seat.siteId }, { courseId: course.id, studentId: args.studentId, date: args.date });
  return { ok: true };
}

/** `teaching.note.delete`: this teacher's own note in one of their current courses. */
export async function deleteNote(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = deleteByIdArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const [row] = await tx.select().from(followUpNote).where(eq(followUpNote.id, parsed.data.id));
  if (!row || row.teacherId !== user.teacherId) return recordNotFound();
  const seat = (await seatsByEnrollment(tx, user, [row.enrollmentId]))?.get(row.enrollmentId);
  if (!seat) return recordNotFound();
  const version = await nextVersion(tx);
  await tx.delete(followUpNote).where(eq(followUpNote.id, row.id));
  await bury(tx, 'follow_up_note', row.id, seat, version);
  await audit(tx, user, 'teaching.note.delete', { kind: 'follow_up_note', id: row.id, familyId: seat.familyId, siteId: seat.siteId }, {});
  return { ok: true };
}

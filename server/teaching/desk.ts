import { and, eq, inArray } from 'drizzle-orm';
import { rollCallArgsSchema } from '../../shared/teaching-schemas.ts';
import type { Db, Tx } from '../db/client.ts';
import { absence, course, enrollment, evaluation, followUpNote, rollCall, student, teacher } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, bury } from './records.ts';
import { applyRollCall } from './roll-call.ts';
import { seatsOf, type TeachingCourse, type TeachingOutcome } from './scope.ts';

/** A course of the secretariat's site (any year); another site's is 404. */
async function siteCourse(db: Db | Tx, user: SessionUser, courseId: string): Promise<TeachingCourse> {
  const [row] = await db.select().from(course).where(and(eq(course.id, courseId), eq(course.siteId, user.siteId)));
  if (!row) throw notFound('Cours');
  return row;
}

/** An outcome refused inside a transaction becomes the HTTP error it stands for (nothing was written). */
function orThrow(outcome: TeachingOutcome) {
  if (outcome.ok) return;
  const status = outcome.error.code === 'not_found' ? 404 : 422;
  throw new ApiError(status, outcome.error.code, outcome.error.message, outcome.error.fields, outcome.error.fieldCodes ? { fieldCodes: outcome.error.fieldCodes } : undefined);
}

/** Everything written in a course, for the secretariat to read (and correct). */
export async function courseTeaching(db: Db, user: SessionUser, courseId: string) {
  const c = await siteCourse(db, user, courseId);
  const [t] = c.teacherId ? await db.select().from(teacher).where(eq(teacher.id, c.teacherId)) : [];
  const seats = await db
    .select({ enrollmentId: enrollment.id, studentId: student.id, firstName: student.firstName, lastName: student.lastName, active: enrollment.active })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .where(eq(enrollment.courseId, c.id))
    .orderBy(student.lastName, student.firstName);
  const ids = seats.map((s) => s.enrollmentId);
  const [rollCalls, absences, evaluations, notes] = ids.length
    ? await Promise.all([
        db.select().from(rollCall).where(eq(rollCall.courseId, c.id)),
        db.select().from(absence).where(inArray(absence.enrollmentId, ids)),
        db.select().from(evaluation).where(inArray(evaluation.enrollmentId, ids)),
        db.select().from(followUpNote).where(inArray(followUpNote.enrollmentId, ids)),
      ])
    : [[], [], [], []];
  return {
    course: c,
    teacher: t ? { id: t.id, civility: t.civility, firstName: t.firstName, lastName: t.lastName } : null,
    students: seats,
    rollCalls,
    absences,
    evaluations,
    notes,
  };
}

/** The secretariat corrects a roll call (same rules as the teacher's; audited as a correction). */
export async function correctRollCall(db: Db, user: SessionUser, courseId: string, args: ReturnType<typeof rollCallArgsSchema.parse>) {
  await writeTransaction(db, async (tx) => {
    const c = await siteCourse(tx, user, courseId);
    orThrow(await applyRollCall(tx, user, c, args));
  });
}

/** The secretariat removes an evaluation batch or a follow-up note written in one of its courses. */
export async function deleteTeachingRecord(db: Db, user: SessionUser, kind: 'evaluation' | 'note', id: string) {
  await writeTransaction(db, async (tx) => {
    const table = kind === 'evaluation' ? evaluation : followUpNote;
    const rows =
      kind === 'evaluation'
        ? await tx.select({ id: evaluation.id, enrollmentId: evaluation.enrollmentId }).from(evaluation).where(eq(evaluation.batchId, id))
        : await tx.select({ id: followUpNote.id, enrollmentId: followUpNote.enrollmentId }).from(followUpNote).where(eq(followUpNote.id, id));
    if (!rows.length) throw notFound();
    const [{ courseId }] = await tx.select({ courseId: enrollment.courseId }).from(enrollment).where(eq(enrollment.id, rows[0].enrollmentId));
    const c = await siteCourse(tx, user, courseId);
    const seats = new Map([...(await seatsOf(tx, c.id)).values()].map((s) => [s.enrollmentId, s]));
    const version = await nextVersion(tx);
    for (const row of rows) {
      await tx.delete(table).where(eq(table.id, row.id));
      const seat = seats.get(row.enrollmentId);
      if (seat) await bury(tx, kind === 'evaluation' ? 'evaluation' : 'follow_up_note', row.id, seat, version);
    }
    await audit(tx, user, `teaching.${kind}.delete_by_secretariat`, { kind, id, siteId: c.siteId }, { courseId: c.id, rows: rows.length });
  });
}

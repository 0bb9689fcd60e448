import { eq } from 'drizzle-orm';
import { deleteEvaluationArgsSchema, evaluationArgsSchema } from '../../shared/teaching-schemas.ts';
import type { Tx } from '../db/client.ts';
import { evaluation } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, bury, invalid } from './records.ts';
import { courseNotFound, notATeacher, ownCourse, recordNotFound, seatsByEnrollment, seatsOf, studentNotFound, type TeachingOutcome } from './scope.ts';

/** A batch id another teacher (or the seed) already used is not this teacher's to overwrite. */
async function batchRows(tx: Tx, batchId: string) {
  return tx.select().from(evaluation).where(eq(evaluation.batchId, batchId));
}

/**
 * `teaching.evaluation.save`: a class's evaluation on a day, one row per student who has an
 * appreciation or a mark. Saving the batch again replaces it: rows are updated in place, a
 * student emptied or left out loses theirs (tombstoned for the family's device).
 */
export async function saveEvaluation(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = evaluationArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const args = parsed.data;
  const course = await ownCourse(tx, user, args.courseId);
  if (!course) return courseNotFound();
  const seats = await seatsOf(tx, course.id);
  if (args.entries.some((e) => !seats.has(e.studentId))) return studentNotFound();
  const existing = await batchRows(tx, args.batchId);
  const enrollmentIds = new Set([...seats.values()].map((s) => s.enrollmentId));
  if (existing.some((r) => r.teacherId !== user.teacherId || !enrollmentIds.has(r.enrollmentId))) return recordNotFound();

  const version = await nextVersion(tx);
  const byEnrollment = new Map(existing.map((r) => [r.enrollmentId, r]));
  const kept = new Set<string>();
  for (const entry of args.entries) {
    const seat = seats.get(entry.studentId)!;
    if (!entry.appreciation && !entry.mark) continue;
    const values = { date: args.date, kind: args.kind, appreciation: entry.appreciation, mark: entry.mark, teacherId: user.teacherId, batchId: args.batchId, version };
    const row = byEnrollment.get(seat.enrollmentId);
    if (row) await tx.update(evaluation).set(values).where(eq(evaluation.id, row.id));
    else await tx.insert(evaluation).values({ enrollmentId: seat.enrollmentId, ...values });
    kept.add(seat.enrollmentId);
  }
  const seatByEnrollment = new Map([...seats.values()].map((s) => [s.enrollmentId, s]));
  for (const row of existing) {
    if (kept.has(row.enrollmentId)) continue;
    await tx.delete(evaluation).where(eq(evaluation.id, row.id));
    await bury(tx, 'evaluation', row.id, seatByEnrollment.get(row.enrollmentId)!, version);
  }
  await audit(tx, user, existing.length ? 'teaching.evaluation.update' : 'teaching.evaluation.create', { kind: 'course', id: course.id, siteId: course.siteId }, { batchId: args.batchId, date: args.date, kind: args.kind, students: kept.size });
  return { ok: true };
}

/** `teaching.evaluation.delete`: the whole batch, when it is this teacher's (else not found). */
export async function deleteEvaluation(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = deleteEvaluationArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const rows = await batchRows(tx, parsed.data.batchId);
  if (!rows.length || rows.some((r) => r.teacherId !== user.teacherId)) return recordNotFound();
  const seats = await seatsByEnrollment(tx, user, rows.map((r) => r.enrollmentId));
  if (!seats) return recordNotFound();
  const version = await nextVersion(tx);
  for (const row of rows) {
    await tx.delete(evaluation).where(eq(evaluation.id, row.id));
    await bury(tx, 'evaluation', row.id, seats.get(row.enrollmentId)!, version);
  }
  const first = seats.values().next().value!;
  await audit(tx, user, 'teaching.evaluation.delete', { kind: 'evaluation_batch', id: parsed.data.batchId, siteId: first.siteId }, { rows: rows.length });
  return { ok: true };
}

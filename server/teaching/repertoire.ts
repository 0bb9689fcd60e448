import { eq } from 'drizzle-orm';
import { deleteByIdArgsSchema, repertoireArgsSchema } from '../../shared/teaching-schemas.ts';
import type { Tx } from '../db/client.ts';
import { repertoireEntry } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, bury, invalid } from './records.ts';
import { notATeacher, recordNotFound, sharedCourses, studentNotFound, type TeachingOutcome } from './scope.ts';

/**
 * `teaching.repertoire.save`: a piece a student of the teacher's classes played (exam, audition,
 * concert). Created or edited under the device's id; another teacher's entry is "not found".
 */
export async function saveRepertoire(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = repertoireArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { id, ...args } = parsed.data;
  const [seat] = await sharedCourses(tx, user, args.studentId);
  if (!seat) return studentNotFound();
  const [existing] = await tx.select().from(repertoireEntry).where(eq(repertoireEntry.id, id));
  if (existing && (existing.teacherId !== user.teacherId || existing.studentId !== args.studentId)) return recordNotFound();
  const version = await nextVersion(tx);
  const values = { ...args, comments: args.comments, teacherId: user.teacherId, version };
  if (existing) await tx.update(repertoireEntry).set(values).where(eq(repertoireEntry.id, id));
  else await tx.insert(repertoireEntry).values({ id, ...values });
  await audit(tx, user, existing ? 'teaching.repertoire.update' : 'teaching.repertoire.create', { kind: 'repertoire_entry', id, familyId: seat.familyId, siteId: seat.siteId }, { studentId: args.studentId, piece: args.piece });
  return { ok: true };
}

/** `teaching.repertoire.delete`: this teacher's own entry for a student still in their classes. */
export async function deleteRepertoire(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (user.role !== 'teacher') return notATeacher();
  const parsed = deleteByIdArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const [row] = await tx.select().from(repertoireEntry).where(eq(repertoireEntry.id, parsed.data.id));
  if (!row || row.teacherId !== user.teacherId) return recordNotFound();
  const [seat] = await sharedCourses(tx, user, row.studentId);
  if (!seat) return recordNotFound();
  const version = await nextVersion(tx);
  await tx.delete(repertoireEntry).where(eq(repertoireEntry.id, row.id));
  await bury(tx, 'repertoire_entry', row.id, seat, version);
  await audit(tx, user, 'teaching.repertoire.delete', { kind: 'repertoire_entry', id: row.id, familyId: seat.familyId, siteId: seat.siteId }, {});
  return { ok: true };
}

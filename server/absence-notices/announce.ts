import { and, eq } from 'drizzle-orm';
import { isLessonDate } from '../../shared/lesson-dates.ts';
import { announceAbsenceArgsSchema, withdrawAbsenceArgsSchema } from '../../shared/absence-notice-schemas.ts';
import { parisDay } from '../../shared/reenrolment-progress.ts';
import { vmsg, type ValidationCode } from '../../shared/validation-messages.ts';
import type { Tx } from '../db/client.ts';
import { absenceNotice, course, enrollment, family, student } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, invalid } from '../teaching/records.ts';
import { refused, type TeachingOutcome } from '../teaching/scope.ts';

const notAFamily = () => refused('forbidden', 'Réservé aux familles.');
const enrollmentNotFound = () => refused('not_found', 'Inscription introuvable.');

/** A date the rules refuse, named on its field with its code (the browser shows it in the person's language). */
function dateRefused(field: string, code: ValidationCode): TeachingOutcome {
  return refused('validation', 'Certains champs sont à corriger.', { fields: { [field]: vmsg(code) }, fieldCodes: { [field]: { code } } });
}

/**
 * The enrollment as this family may announce absences for it: one of its own students', active,
 * with its course. Another family's enrollment, an unknown id or a closed one is null ("not found":
 * nothing says whether it exists).
 */
async function ownEnrollment(tx: Tx, user: SessionUser, enrollmentId: string) {
  if (!user.familyId) return null;
  const [row] = await tx
    .select({ enrollment, course, familyId: student.familyId, siteId: family.siteId })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .innerJoin(family, eq(family.id, student.familyId))
    .innerJoin(course, eq(course.id, enrollment.courseId))
    .where(and(eq(enrollment.id, enrollmentId), eq(student.familyId, user.familyId), eq(enrollment.active, true)));
  return row ?? null;
}

/**
 * `absenceNotice.announce`: the family says its child will miss one or more coming lessons. One
 * row per (enrollment, day): announcing a day again updates its reason (and takes back a
 * withdrawal), so a replay or a second tap never doubles it. Every day is checked before anything
 * is written: a lesson day of the course, today or later.
 */
export async function announceAbsence(tx: Tx, user: SessionUser, raw: unknown, now = new Date()): Promise<TeachingOutcome> {
  if (user.role !== 'family') return notAFamily();
  const parsed = announceAbsenceArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const args = parsed.data;
  const seat = await ownEnrollment(tx, user, args.enrollmentId);
  if (!seat) return enrollmentNotFound();
  const today = parisDay(now);
  for (const [i, date] of args.dates.entries()) {
    if (date < today) return dateRefused(`dates.${i}`, 'noticeDatePast');
    if (!isLessonDate(seat.course, date)) return dateRefused(`dates.${i}`, 'noticeNotLesson');
  }
  const version = await nextVersion(tx);
  for (const date of args.dates) {
    await tx
      .insert(absenceNotice)
      .values({ enrollmentId: seat.enrollment.id, familyId: seat.familyId, date, reason: args.reason, createdBy: user.id, version })
      .onConflictDoUpdate({
        target: [absenceNotice.enrollmentId, absenceNotice.date],
        set: { reason: args.reason, withdrawn: false, createdBy: user.id, version },
      });
  }
  await audit(tx, user, 'absence_notice.announced', { kind: 'enrollment', id: seat.enrollment.id, familyId: seat.familyId, siteId: seat.siteId }, { dates: args.dates, reason: args.reason });
  return { ok: true };
}

/**
 * `absenceNotice.withdraw`: the announced day is taken back (withdrawn, never deleted, so the
 * teacher's device learns it through the pull). Only before the day; withdrawing again is a no-op.
 */
export async function withdrawAbsence(tx: Tx, user: SessionUser, raw: unknown, now = new Date()): Promise<TeachingOutcome> {
  if (user.role !== 'family') return notAFamily();
  const parsed = withdrawAbsenceArgsSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { enrollmentId, date } = parsed.data;
  const seat = await ownEnrollment(tx, user, enrollmentId);
  if (!seat) return enrollmentNotFound();
  const [notice] = await tx.select().from(absenceNotice).where(and(eq(absenceNotice.enrollmentId, enrollmentId), eq(absenceNotice.date, date)));
  if (!notice) return refused('not_found', 'Absence signalée introuvable.');
  if (notice.withdrawn) return { ok: true };
  if (date < parisDay(now)) return dateRefused('date', 'noticeDatePast');
  const version = await nextVersion(tx);
  await tx.update(absenceNotice).set({ withdrawn: true, version }).where(eq(absenceNotice.id, notice.id));
  await audit(tx, user, 'absence_notice.withdrawn', { kind: 'enrollment', id: enrollmentId, familyId: seat.familyId, siteId: seat.siteId }, { date });
  return { ok: true };
}

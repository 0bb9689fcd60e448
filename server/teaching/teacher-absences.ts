import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { lessonDates } from '../../shared/lesson-dates.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import type { teacherAbsenceSchema } from '../../shared/teaching-schemas.ts';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, course, enrollment, family, student, teacher, teacherAbsence } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { SessionUser } from '../http/context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { queueSms } from '../sms/queue.ts';
import { absenceMail, absenceSms, teacherName, type AbsenceNotice, type CancelledLesson } from './absence-messages.ts';

type AbsenceInput = z.output<typeof teacherAbsenceSchema>;
type TeacherRow = typeof teacher.$inferSelect;
type AbsenceRow = typeof teacherAbsence.$inferSelect;

/** The teacher a user may declare for: themselves, or (the secretariat) any teacher of its site. */
export async function teacherFor(db: Db | Tx, user: SessionUser, teacherId: string): Promise<TeacherRow> {
  const [row] = await db.select().from(teacher).where(eq(teacher.id, teacherId));
  const allowed = row && (user.role === 'teacher' ? user.teacherId === row.id : user.role === 'secretariat' && row.siteId === user.siteId);
  if (!allowed) throw notFound('Enseignant');
  return row;
}

export async function listAbsences(db: Db, teacherId: string) {
  const rows = await db.select().from(teacherAbsence).where(eq(teacherAbsence.teacherId, teacherId)).orderBy(desc(teacherAbsence.startDate));
  return rows.map(publicAbsence);
}

/** What the API shows of an absence (who declared it stays in the audit log). */
const publicAbsence = ({ declaredBy: _declaredBy, ...row }: AbsenceRow) => row;

/** The lessons of this teacher's classes between two days, with the families and students they concern. */
async function affectedLessons(tx: Tx, teacherId: string, startDate: string, endDate: string) {
  const years = [...new Set([schoolYearOf(startDate), schoolYearOf(endDate)])];
  const courses = await tx.select().from(course).where(and(eq(course.teacherId, teacherId), inArray(course.schoolYear, years)));
  const dated = courses.map((c) => ({ course: c, dates: lessonDates(c, startDate, endDate) })).filter((c) => c.dates.length);
  if (!dated.length) return { lessons: [] as Array<{ courseId: string; courseName: string; date: string }>, byFamily: new Map<string, CancelledLesson[]>() };
  const seats = await tx
    .select({ courseId: enrollment.courseId, familyId: student.familyId, firstName: student.firstName })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .where(and(inArray(enrollment.courseId, dated.map((d) => d.course.id)), eq(enrollment.active, true)));
  const byFamily = new Map<string, CancelledLesson[]>();
  for (const seat of seats) {
    const { course: c, dates } = dated.find((d) => d.course.id === seat.courseId)!;
    const list = byFamily.get(seat.familyId) ?? [];
    for (const date of dates) list.push({ courseId: c.id, courseName: c.name, date, studentFirstName: seat.firstName });
    byFamily.set(seat.familyId, list);
  }
  for (const list of byFamily.values()) list.sort((a, b) => a.date.localeCompare(b.date) || a.courseName.localeCompare(b.courseName));
  const lessons = dated.flatMap((d) => d.dates.map((date) => ({ courseId: d.course.id, courseName: d.course.name, date }))).sort((a, b) => a.date.localeCompare(b.date));
  return { lessons, byFamily };
}

/**
 * Tells each family concerned, inside the transaction that records the absence: an SMS queued
 * (when the family has a mobile and chose SMS; the queue keeps quiet hours) under a key made of
 * the absence, its revision and the family, so one declaration is told once and a change again,
 * and an e-mail queued in the same transaction; their ids are returned, to deliver after the commit.
 */
async function notifyFamilies(tx: Tx, mailer: Mailer, absence: AbsenceRow, t: TeacherRow, byFamily: Map<string, CancelledLesson[]>): Promise<string[]> {
  if (!byFamily.size) return [];
  const families = await tx.select().from(family).where(inArray(family.id, [...byFamily.keys()]));
  const mails: string[] = [];
  for (const f of families) {
    const notice: AbsenceNotice = {
      teacherName: teacherName(t),
      startDate: absence.startDate,
      endDate: absence.endDate,
      message: absence.message,
      withdrawn: absence.withdrawn,
      lessons: byFamily.get(f.id)!,
    };
    if (f.email) mails.push(await mailer.queue(tx, absenceMail(f, notice), f.siteId));
    if (f.smsOptIn && f.mobile) {
      await queueSms(tx, { siteId: f.siteId, familyId: f.id, to: f.mobile, text: absenceSms(notice), dedupeKey: `teacher-absence:${absence.id}:r${absence.revision}:${f.id}` });
    }
  }
  return mails;
}

/**
 * Declares a teacher's absence: the lessons of those days are cancelled (families see it after
 * their next sync), and each family concerned is told by e-mail and SMS. An absence overlapping
 * one already declared for the same teacher is refused (a double submit declares nothing twice).
 */
export async function declareAbsence(db: Db, mailer: Mailer, user: SessionUser, teacherId: string, input: AbsenceInput) {
  const { absence, lessons, mails, families } = await writeTransaction(db, async (tx) => {
    const t = await teacherFor(tx, user, teacherId);
    const [overlap] = await tx
      .select({ id: teacherAbsence.id })
      .from(teacherAbsence)
      .where(and(eq(teacherAbsence.teacherId, t.id), eq(teacherAbsence.withdrawn, false), lte(teacherAbsence.startDate, input.endDate), gte(teacherAbsence.endDate, input.startDate)));
    if (overlap) {
      const message = 'Une absence est déjà déclarée sur ces dates : retirez-la d’abord pour la modifier.';
      throw new ApiError(409, 'already_declared', message, { startDate: message });
    }
    const version = await nextVersion(tx);
    const [row] = await tx
      .insert(teacherAbsence)
      .values({ siteId: t.siteId, teacherId: t.id, startDate: input.startDate, endDate: input.endDate, message: input.message, declaredBy: user.id, version })
      .returning();
    const affected = await affectedLessons(tx, t.id, row.startDate, row.endDate);
    const toSend = await notifyFamilies(tx, mailer, row, t, affected.byFamily);
    await tx.insert(auditLog).values({
      actorUserId: user.id, action: 'teacher_absence.declare', targetKind: 'teacher_absence', targetId: row.id, siteId: t.siteId,
      details: { teacherId: t.id, startDate: row.startDate, endDate: row.endDate, lessons: affected.lessons.length, families: affected.byFamily.size },
    });
    return { absence: row, lessons: affected.lessons, mails: toSend, families: affected.byFamily.size };
  });
  await mailer.deliver(mails);
  return { absence: publicAbsence(absence), cancelledLessons: lessons, notifiedFamilies: families };
}

/** Withdraws a declared absence: the lessons take place again, and the families told are told so. */
export async function withdrawAbsence(db: Db, mailer: Mailer, user: SessionUser, teacherId: string, absenceId: string) {
  const { absence, mails } = await writeTransaction(db, async (tx) => {
    const t = await teacherFor(tx, user, teacherId);
    const [row] = await tx.select().from(teacherAbsence).where(and(eq(teacherAbsence.id, absenceId), eq(teacherAbsence.teacherId, t.id)));
    if (!row) throw notFound('Absence');
    if (row.withdrawn) return { absence: row, mails: [] };
    const version = await nextVersion(tx);
    const [updated] = await tx
      .update(teacherAbsence)
      .set({ withdrawn: true, revision: row.revision + 1, version })
      .where(eq(teacherAbsence.id, row.id))
      .returning();
    const affected = await affectedLessons(tx, t.id, row.startDate, row.endDate);
    const toSend = await notifyFamilies(tx, mailer, updated, t, affected.byFamily);
    await tx.insert(auditLog).values({
      actorUserId: user.id, action: 'teacher_absence.withdraw', targetKind: 'teacher_absence', targetId: row.id, siteId: t.siteId,
      details: { teacherId: t.id, families: affected.byFamily.size },
    });
    return { absence: updated, mails: toSend };
  });
  await mailer.deliver(mails);
  return { absence: publicAbsence(absence) };
}

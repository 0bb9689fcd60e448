import type { EvaluationArgs, NoteArgs, RepertoireArgs } from '../../../shared/teaching-schemas.ts';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-mutations.ts';
import { db } from '../../data/db.ts';
import { rejections } from '../../data/outbox.ts';
import type { StoredRejection } from '../../data/outbox-keys.ts';
import type { Course, Enrollment, OutboxMutation, Student } from '../../data/records.ts';
import { compareFr } from '../../../shared/french-order.ts';

/**
 * What a teacher wrote (evaluations, follow-up notes, repertoire entries), read from the device:
 * the pulled records with this device's outbox laid over them, so a write made offline shows at
 * once (marked as waiting to be sent) and a deletion waiting to be sent is already gone.
 */

/** One student's result in a class evaluation. */
export interface EvaluationEntry {
  appreciation: string;
  mark: string;
}

/** A class's evaluation on a day: the rows of one batch, by student id. */
export interface ClassEvaluation {
  batchId: string;
  date: string;
  kind: string;
  entries: Record<string, EvaluationEntry>;
  /** Still in this device's outbox. */
  queued: boolean;
  /**
   * Written in Portée as one class evaluation (a batch), so it may be corrected or deleted as one;
   * rows from before (imported, no batch) are listed, grouped by date and kind, and left as they are.
   */
  editable: boolean;
}

export interface NoteView {
  id: string;
  date: string;
  text: string;
  /** Written by this teacher: they may correct or delete it. */
  own: boolean;
  queued: boolean;
}

export type RepertoireView = Required<Omit<RepertoireArgs, 'durationMinutes'>> & { durationMinutes: number | null; own: boolean; queued: boolean };

const byName = (a: Student, b: Student) => compareFr(a.lastName, b.lastName) || compareFr(a.firstName, b.firstName);
const newestFirst = (a: { date: string; id: string }, b: { date: string; id: string }) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

/** The teacher's course with its enrollments and its active students by name; null when not theirs (or unknown). */
async function ownCourse(teacherId: string, courseId: string) {
  const course = await db.courses.get(courseId);
  if (!course || course.teacherId !== teacherId) return null;
  const enrollments = await db.enrollments.where('courseId').equals(courseId).toArray();
  const active = enrollments.filter((e) => e.active);
  const students = (await db.students.bulkGet(active.map((e) => e.studentId))).filter((s): s is Student => !!s).sort(byName);
  return { course, enrollments, students };
}

/** The mutations of these names waiting in the outbox, oldest first. */
async function queued(...names: string[]): Promise<OutboxMutation[]> {
  return (await db.outbox.orderBy('mutationId').toArray()).filter((m) => names.includes(m.name));
}

/**
 * Writes the server refused for good after they left this device (queued offline, sent later):
 * kept until the teacher has read them, since the list no longer shows what they wrote.
 */
async function refused(keep: (r: StoredRejection) => boolean): Promise<StoredRejection[]> {
  const teaching: string[] = Object.values(TEACHING_MUTATIONS);
  return (await rejections()).filter((r) => teaching.includes(r.name) && keep(r));
}

/** The course's class evaluations, newest first, each with its students' results. */
async function evaluationsOf(courseId: string, enrollments: Enrollment[]): Promise<ClassEvaluation[]> {
  const studentOf = new Map(enrollments.map((e) => [e.id, e.studentId]));
  const rows = await db.evaluations.where('enrollmentId').anyOf([...studentOf.keys()]).toArray();
  const batches = new Map<string, ClassEvaluation>();
  for (const row of rows) {
    const key = row.batchId ?? `earlier:${row.date}:${row.kind}`;
    const batch = batches.get(key) ?? { batchId: key, date: row.date, kind: row.kind, entries: {}, queued: false, editable: !!row.batchId };
    batch.entries[studentOf.get(row.enrollmentId)!] = { appreciation: row.appreciation, mark: row.mark };
    batches.set(key, batch);
  }
  for (const m of await queued(TEACHING_MUTATIONS.saveEvaluation, TEACHING_MUTATIONS.deleteEvaluation)) {
    const args = m.args as EvaluationArgs;
    if (m.name === TEACHING_MUTATIONS.deleteEvaluation) {
      batches.delete(args.batchId);
    } else if (args.courseId === courseId) {
      const entries = Object.fromEntries(args.entries.map((e) => [e.studentId, { appreciation: e.appreciation ?? '', mark: e.mark ?? '' }]));
      batches.set(args.batchId, { batchId: args.batchId, date: args.date, kind: args.kind, entries, queued: true, editable: true });
    }
  }
  return [...batches.values()].sort((a, b) => newestFirst({ date: a.date, id: a.batchId }, { date: b.date, id: b.batchId }));
}

/** `/enseignant/cours/:courseId/evaluations`: the course, its students and its class evaluations. */
export async function courseEvaluations(teacherId: string, courseId: string) {
  const found = await ownCourse(teacherId, courseId);
  if (!found) return { course: null as Course | null, students: [] as Student[], evaluations: [] as ClassEvaluation[], refused: [] as StoredRejection[] };
  const [evaluations, refusals] = await Promise.all([
    evaluationsOf(courseId, found.enrollments),
    refused((r) => r.name === TEACHING_MUTATIONS.saveEvaluation && (r.args as EvaluationArgs).courseId === courseId),
  ]);
  return { course: found.course as Course | null, students: found.students, evaluations, refused: refusals };
}

/** One class evaluation of the course (null when there is no such batch, or no longer). */
export async function courseEvaluation(teacherId: string, courseId: string, batchId: string) {
  const list = await courseEvaluations(teacherId, courseId);
  return { ...list, evaluation: list.evaluations.find((e) => e.batchId === batchId && e.editable) ?? null };
}

/**
 * `/enseignant/cours/:courseId/eleves/:studentId`: a student of the teacher's course, with the
 * follow-up notes of that course and the student's repertoire, newest first.
 */
export async function studentRecords(teacherId: string, courseId: string, studentId: string) {
  const found = await ownCourse(teacherId, courseId);
  const enrollment = found?.enrollments.find((e) => e.studentId === studentId && e.active);
  const student = enrollment ? found!.students.find((s) => s.id === studentId) : undefined;
  if (!found || !enrollment || !student) return { course: found?.course ?? null, student: null, notes: [] as NoteView[], repertoire: [] as RepertoireView[], refused: [] as StoredRejection[] };
  const [noteRows, entryRows, pending, refusals] = await Promise.all([
    db.followUpNotes.where('enrollmentId').equals(enrollment.id).toArray(),
    db.repertoireEntries.where('studentId').equals(studentId).toArray(),
    queued(...Object.values(TEACHING_MUTATIONS)),
    refused((r) => (r.args as { studentId?: string }).studentId === studentId),
  ]);
  const notes = new Map<string, NoteView>(noteRows.map((n) => [n.id, { id: n.id, date: n.date, text: n.text, own: n.teacherId === teacherId, queued: false }]));
  const repertoire = new Map<string, RepertoireView>(
    entryRows.map((r) => [r.id, { ...r, eventKind: r.eventKind as RepertoireView['eventKind'], own: r.teacherId === teacherId, queued: false }]),
  );
  for (const m of pending) {
    const args = m.args as { id: string };
    if (m.name === TEACHING_MUTATIONS.deleteNote) notes.delete(args.id);
    if (m.name === TEACHING_MUTATIONS.deleteRepertoire) repertoire.delete(args.id);
    if (m.name === TEACHING_MUTATIONS.saveNote) {
      const note = m.args as NoteArgs;
      if (note.courseId === courseId && note.studentId === studentId) notes.set(note.id, { id: note.id, date: note.date, text: note.text, own: true, queued: true });
    }
    if (m.name === TEACHING_MUTATIONS.saveRepertoire) {
      const entry = m.args as RepertoireArgs;
      if (entry.studentId === studentId) repertoire.set(entry.id, { composer: '', comments: '', ...entry, durationMinutes: entry.durationMinutes ?? null, own: true, queued: true });
    }
  }
  return {
    course: found.course,
    student,
    notes: [...notes.values()].sort(newestFirst),
    repertoire: [...repertoire.values()].sort(newestFirst),
    refused: refusals,
  };
}

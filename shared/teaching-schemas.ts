import { z } from 'zod';
import { isoDate, optionalText, recordId, requiredText } from './schema-parts.ts';
import { vmsg } from './validation-messages.ts';

/**
 * What a teacher writes from the classroom (issue 13): roll calls, evaluations, follow-up notes
 * and repertoire entries. They travel through the outbox as push mutations (docs/sync.md), so the
 * browser checks them with these schemas before queuing and the server checks them again. Every
 * record is named by an id the device makes, so a replay or a correction lands on the same row.
 */
export { TEACHING_MUTATIONS } from './teaching-mutations.ts';

/** A student's attendance at a lesson; 'present' leaves no absence row. */
export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Stored as the families read them (the course sheet shows the kind as written). */
export const EVALUATION_KINDS = ['Contrôle continu', 'Examen', 'Audition'] as const;

/** The repertoire's occasions (client/i18n names them). */
export const REPERTOIRE_KINDS = ['audition', 'examen', 'concert'] as const;

/** Most students in one class list: a class is a few dozen at most; this bounds a forged payload. */
const MAX_STUDENTS = 200;

const distinctStudents = <T extends { studentId: string }>(entries: T[]) => new Set(entries.map((e) => e.studentId)).size === entries.length;

export const rollCallArgsSchema = z.object({
  courseId: recordId,
  date: isoDate('date'),
  entries: z
    .array(
      z.object({
        studentId: recordId,
        status: z.enum(ATTENDANCE, { error: vmsg('attendanceStatus') }),
        reason: optionalText('attendanceReason', 200).default(''),
      }),
    )
    .max(MAX_STUDENTS)
    .refine(distinctStudents, { error: vmsg('studentRepeated') }),
});
export type RollCallArgs = z.input<typeof rollCallArgsSchema>;

export const evaluationArgsSchema = z.object({
  batchId: recordId,
  courseId: recordId,
  date: isoDate('date'),
  kind: z.enum(EVALUATION_KINDS, { error: vmsg('evaluationKind') }),
  entries: z
    .array(
      z.object({
        studentId: recordId,
        appreciation: optionalText('appreciation', 2000).default(''),
        mark: optionalText('mark', 20).default(''),
      }),
    )
    .max(MAX_STUDENTS)
    .refine(distinctStudents, { error: vmsg('studentRepeated') })
    .refine((entries) => entries.some((e) => e.appreciation.trim() || e.mark.trim()), { error: vmsg('evaluationEmpty') }),
});
export type EvaluationArgs = z.input<typeof evaluationArgsSchema>;

export const deleteEvaluationArgsSchema = z.object({ batchId: recordId });

export const noteArgsSchema = z.object({
  id: recordId,
  courseId: recordId,
  studentId: recordId,
  date: isoDate('date'),
  text: requiredText('noteText', 4000),
});
export type NoteArgs = z.input<typeof noteArgsSchema>;

export const deleteByIdArgsSchema = z.object({ id: recordId });

export const repertoireArgsSchema = z.object({
  id: recordId,
  studentId: recordId,
  date: isoDate('date'),
  eventLabel: requiredText('eventLabel', 200),
  eventKind: z.enum(REPERTOIRE_KINDS),
  piece: requiredText('piece', 200),
  composer: optionalText('composer', 200).default(''),
  durationMinutes: z
    .number({ error: vmsg('durationRange', { max: 240 }) })
    .int({ error: vmsg('durationRange', { max: 240 }) })
    .min(1, { error: vmsg('durationRange', { max: 240 }) })
    .max(240, { error: vmsg('durationRange', { max: 240 }) })
    .nullable()
    .default(null),
  comments: optionalText('comments', 2000).default(''),
});
export type RepertoireArgs = z.input<typeof repertoireArgsSchema>;

/** Longest absence declared at once, in days: a term; longer ones are several declarations. */
export const MAX_ABSENCE_DAYS = 120;

/** A teacher's absence, declared by the teacher or the secretariat (online: families are told at once). */
export const teacherAbsenceSchema = z
  .object({
    startDate: isoDate('startDate'),
    endDate: isoDate('endDate'),
    message: optionalText('familyMessage', 500).default(''),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], error: vmsg('endBeforeStart') })
  .refine((v) => (Date.parse(v.endDate) - Date.parse(v.startDate)) / 86_400_000 < MAX_ABSENCE_DAYS, {
    path: ['endDate'],
    error: vmsg('absenceTooLong', { max: MAX_ABSENCE_DAYS }),
  });
export type TeacherAbsenceInput = z.input<typeof teacherAbsenceSchema>;

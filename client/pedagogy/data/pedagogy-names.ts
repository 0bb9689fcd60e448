import type { Evaluation, Student, Teacher } from '../../data/records.ts';

/**
 * How the pedagogy screens name a teacher, a student and an evaluation's result: plain functions
 * of a record, which the pages call on the rows their queries sent (a module of its own, so that
 * a page imports no query module to render).
 */

export function teacherName(teacher: Teacher | undefined | null): string {
  return teacher ? `${teacher.civility} ${teacher.firstName} ${teacher.lastName}`.trim() : '';
}

export function studentName(student: Student): string {
  return `${student.firstName} ${student.lastName}`;
}

/** A mark ("15/20") and/or an appreciation ("Très bien"). */
export function evaluationResult(e: Evaluation): string {
  return [e.mark, e.appreciation].filter(Boolean).join(' — ');
}

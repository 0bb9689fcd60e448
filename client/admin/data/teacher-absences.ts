import type { InferRequestType } from 'hono/client';
import { answer, apiClient } from '../../api/http.ts';

/*
 * The secretariat's teachers and their absences, online only: declaring or withdrawing an absence
 * tells the families at once. Each answers the server's body, typed by its route, or throws
 * OfflineError / HttpError (client/data/command-errors.ts).
 */

const teachers = apiClient.admin.teachers;
const absences = teachers[':teacherId'].absences;
const param = (teacherId: string) => ({ teacherId: encodeURIComponent(teacherId) });

/** The site's teachers with their number of classes this school year. */
export function fetchTeachers() {
  return answer(teachers.$get());
}

/** One teacher of the site. */
export type SiteTeacher = Awaited<ReturnType<typeof fetchTeachers>>['teachers'][number];

/** A teacher and their absences, newest first (withdrawn ones included). */
export function fetchTeacherAbsences(teacherId: string) {
  return answer(absences.$get({ param: param(teacherId) }));
}

export type TeacherAbsences = Awaited<ReturnType<typeof fetchTeacherAbsences>>;

/** The absence to declare: its first and last day and the message to the families. */
export type AbsenceDeclaration = InferRequestType<typeof absences.$post>['json'];

/** Declares an absence for the teacher: answers it, the lessons it cancels and how many families were told. */
export function declareAbsenceFor(teacherId: string, input: AbsenceDeclaration) {
  return answer(absences.$post({ param: param(teacherId), json: input }));
}

/** Withdraws one of the teacher's absences: its lessons take place again, and the families are told. */
export function withdrawAbsenceOf(teacherId: string, absenceId: string) {
  return answer(absences[':id'].$delete({ param: { ...param(teacherId), id: encodeURIComponent(absenceId) } }));
}

/** "Mme Claire Roussillon". */
export const fullTeacherName = (x: { civility: string; firstName: string; lastName: string }) => `${x.civility} ${x.firstName} ${x.lastName}`.trim();

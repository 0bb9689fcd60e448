import type { TeacherAbsenceInput } from '../../../shared/teaching-schemas.ts';
import { answer, apiClient } from '../../api/http.ts';
import { pullNow } from '../../data/sync.ts';

/*
 * A teacher's absences, online only: declaring one tells the families at once, so it cannot wait
 * in the outbox. Each answers the server's body, typed by its route, or throws OfflineError /
 * HttpError (client/data/command-errors.ts). A pull follows, so the list on the device (and the
 * lessons marked "Annulé") catches up at once.
 */

const absences = apiClient.teacher.absences;

/** Declares an absence (first and last day, message to the families): answers the absence, the lessons it cancels and how many families were told. */
export async function declareTeacherAbsence(input: TeacherAbsenceInput) {
  const declared = await answer(absences.$post({ json: input }));
  void pullNow().catch((error) => console.error('[sync]', error));
  return declared;
}

/** What a declaration answers. */
export type DeclaredAbsence = Awaited<ReturnType<typeof declareTeacherAbsence>>;

/** Withdraws an absence: its lessons take place again, and the families are told. */
export async function withdrawTeacherAbsence(id: string) {
  const withdrawn = await answer(absences[':id'].$delete({ param: { id: encodeURIComponent(id) } }));
  void pullNow().catch((error) => console.error('[sync]', error));
  return withdrawn;
}

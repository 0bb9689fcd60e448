import type { EvaluationArgs } from '../../../shared/teaching-schemas.ts';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-mutations.ts';
import { submitWatchedMutation } from '../../data/submit-mutation.ts';
import type { SubmitResult } from '../../data/mutation-submit.ts';

/** What became of a teacher's write: on the server, kept on this device for later, or refused for good. */
export type TeachingResult = SubmitResult;

/** A record id made on the device, so a replay or a later correction lands on the same row. */
export const newRecordId = () => crypto.randomUUID();

/**
 * A class's evaluation on a day (one batch): saving the same `batchId` again replaces it. The
 * entries are the students with an appreciation or a mark; the others get no row.
 */
export function saveEvaluation(args: EvaluationArgs): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.saveEvaluation, args);
}

/** Deletes a class's evaluation (every student's row of the batch). */
export function deleteEvaluation(batchId: string): Promise<TeachingResult> {
  return submitWatchedMutation(TEACHING_MUTATIONS.deleteEvaluation, { batchId });
}

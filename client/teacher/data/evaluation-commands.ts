import type { EvaluationArgs } from '../../../shared/teaching-schemas.ts';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-mutations.ts';
import { runCommand } from '../../data/command-client.ts';
import type { SubmitResult } from '../../data/mutation-submit.ts';

/** What became of a teacher's write: on the server, kept on this device for later, or refused for good. */
export type TeachingResult = SubmitResult;

/** A record id made on the device, so a replay or a later correction lands on the same row. */
export const newRecordId = () => crypto.randomUUID();

/**
 * Queues a teacher's mutation in the outbox (the device's pending state, which the lists overlay
 * on the pulled records) and sends it at once. 'sent' once the server applied it, 'queued' while
 * it waits on this device (offline, server unavailable, session expired: a later push carries
 * it), `{ rejected }` when the server refused it for good — the form shows that where it was
 * typed, so it leaves the list of refusals.
 */
export async function submitTeachingMutation(name: string, args: unknown): Promise<TeachingResult> {
  return runCommand('sendAndAnswer', await runCommand('queueWatchedMutation', name, args));
}

/** The teacher has read a refusal of a write that had left this device: it is no longer shown. */
export async function dismissTeachingRefusal(mutationId: number): Promise<void> {
  await runCommand('dismissRejection', mutationId);
}

/**
 * A class's evaluation on a day (one batch): saving the same `batchId` again replaces it. The
 * entries are the students with an appreciation or a mark; the others get no row.
 */
export function saveEvaluation(args: EvaluationArgs): Promise<TeachingResult> {
  return submitTeachingMutation(TEACHING_MUTATIONS.saveEvaluation, args);
}

/** Deletes a class's evaluation (every student's row of the batch). */
export function deleteEvaluation(batchId: string): Promise<TeachingResult> {
  return submitTeachingMutation(TEACHING_MUTATIONS.deleteEvaluation, { batchId });
}

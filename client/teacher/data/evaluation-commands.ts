import type { MutationError } from '../../../shared/push-protocol.ts';
import type { EvaluationArgs } from '../../../shared/teaching-schemas.ts';
import { TEACHING_MUTATIONS } from '../../../shared/teaching-mutations.ts';
import { dismissRejection, enqueueMutation } from '../../data/outbox.ts';
import { pushNow, unwatchMutation, type MutationOutcome } from '../../data/push.ts';

/** What became of a teacher's write: on the server, kept on this device for later, or refused for good. */
export type TeachingResult = 'sent' | 'queued' | { rejected: MutationError };

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
  let answer: MutationOutcome | undefined;
  const mutationId = await enqueueMutation(name, args, undefined, (outcome) => (answer = outcome));
  // Queued behind any running push: once it returns, every push that could carry this one has answered.
  await pushNow().catch(() => 'error');
  if (!answer) {
    unwatchMutation(mutationId);
    return 'queued';
  }
  if (answer === 'applied') return 'sent';
  await dismissRejection(answer.mutationId);
  return { rejected: answer.rejected };
}

/** The teacher has read a refusal of a write that had left this device: it is no longer shown. */
export async function dismissTeachingRefusal(mutationId: number): Promise<void> {
  await dismissRejection(mutationId);
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

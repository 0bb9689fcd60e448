import { runCommand } from './command-client.ts';
import type { SubmitResult } from './mutation-submit.ts';

/**
 * The page's side of a mutation whose form waits for its answer, for every area (a teacher's
 * class, a family's announced absence, a re-enrolment, a course's event): queued in the outbox
 * (the device's pending state, which the lists overlay on the pulled records), then sent at once.
 * 'sent' once the server applied it, 'queued' while it waits on this device (offline, server
 * unavailable, session expired: a later push carries it), `{ rejected }` when the server refused
 * it for good — the form shows that where it was typed, so it leaves the list of refusals.
 * Here rather than in one area's commands, so a family's page does not load the teacher's.
 */
export async function submitWatchedMutation(name: string, args: unknown): Promise<SubmitResult> {
  return runCommand('sendAndAnswer', await runCommand('queueWatchedMutation', name, args));
}

/** A refusal of a write that had left this device was read: it is no longer shown. */
export async function dismissRefusal(mutationId: number): Promise<void> {
  await runCommand('dismissRejection', mutationId);
}

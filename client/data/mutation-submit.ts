import type { MutationError } from '../../shared/push-protocol.ts';
import { dismissRejection, enqueueMutation } from './outbox.ts';
import { pushNow, unwatchMutation, type MutationOutcome } from './push.ts';

/** What became of an edit: on the server, kept on this device for later, or refused for good. */
export type SubmitResult = 'sent' | 'queued' | { rejected: MutationError };

/** The answers of mutations queued by `queueWatchedMutation`, until `sendAndAnswer` reads them. */
const waiting = new Map<number, { outcome?: MutationOutcome }>();

/**
 * Queues a mutation whose form waits for its answer (docs/sync.md): the outbox row is written,
 * and whichever push carries it (this one's, the timer's, the network's return) records what the
 * server did. In two steps, so the form hears "stored on this device" before the network is
 * tried: it then treats the values as the record's pending values, no longer as typing.
 */
export async function queueWatchedMutation(name: string, args: unknown, baseVersion?: number): Promise<number> {
  const box: { outcome?: MutationOutcome } = {};
  const mutationId = await enqueueMutation(name, args, baseVersion, (outcome) => (box.outcome = outcome));
  waiting.set(mutationId, box);
  return mutationId;
}

/**
 * Pushes, then says what became of the mutation: 'sent' once the server applied it, 'queued'
 * while it is still on this device (offline, server unavailable, session expired: a later push
 * carries it), `{ rejected }` when the server refused it for good. A refusal leaves the list the
 * screens show, since the form shows it where it was typed.
 */
export async function sendAndAnswer(mutationId: number): Promise<SubmitResult> {
  const box = waiting.get(mutationId);
  waiting.delete(mutationId);
  // Queued behind any push already running: when it returns, every push that could carry this
  // mutation has had its answer.
  await pushNow().catch(() => 'error');
  const answer = box?.outcome;
  if (!answer) {
    unwatchMutation(mutationId);
    return 'queued';
  }
  if (answer === 'applied') return 'sent';
  await dismissRejection(answer.mutationId);
  return { rejected: answer.rejected };
}

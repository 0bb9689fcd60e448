import type { IdentityChangeArgs } from '../../../shared/identity-schemas.ts';
import type { MutationError } from '../../../shared/push-protocol.ts';
import { dismissRejection as dropRejection, enqueueIdentityChange } from '../../data/outbox.ts';
import { pushNow, unwatchMutation, type MutationOutcome } from '../../data/push.ts';

/** What became of an edit: on the server, kept on this device for later, or refused for good. */
export type SubmitResult = 'sent' | 'queued' | { rejected: MutationError };

/**
 * Asks for an identity change (a change request of the family or one of its students): the
 * outbox row is written in one Dexie transaction (the device's pending state, which the screens
 * overlay on the record), then sent. The answer comes from the push that carried it, whichever
 * one that was: 'sent' once the server applied it, 'queued' when it is still on this device
 * (offline, server unavailable, session expired: it leaves with a later push), `{ rejected }`
 * when the server refused it for good — then it is not kept among the refusals the screens list,
 * since the form shows it where it was typed.
 *
 * `onQueued` runs once the row is stored, before the network is tried (the form can stop
 * treating the values as typing: they are the record's pending values now).
 */
export async function submitIdentityChange(
  args: IdentityChangeArgs,
  baseVersion: number,
  opts: { onQueued?: () => void } = {},
): Promise<SubmitResult> {
  let answer: MutationOutcome | undefined;
  const mutationId = await enqueueIdentityChange(args, baseVersion, (outcome) => (answer = outcome));
  opts.onQueued?.();
  // Queued behind any push already running: when it returns, every push that could carry this
  // mutation has had its answer.
  await pushNow().catch(() => 'error');
  if (!answer) {
    unwatchMutation(mutationId);
    return 'queued';
  }
  if (answer === 'applied') return 'sent';
  await dropRejection(answer.mutationId);
  return { rejected: answer.rejected };
}

/** Removes an edit the server refused from the list the screens show, once the person has seen it. */
export async function dismissRejection(mutationId: number): Promise<void> {
  await dropRejection(mutationId);
}

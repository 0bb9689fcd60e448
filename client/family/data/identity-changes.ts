import { IDENTITY_CHANGE } from '../../../shared/identity-mutations.ts';
import type { IdentityChangeArgs } from '../../../shared/identity-schemas.ts';
import { runCommand } from '../../data/command-client.ts';
import type { SubmitResult } from '../../data/mutation-submit.ts';

export type { SubmitResult };

/**
 * Asks for an identity change (a change request of the family or one of its students): the
 * outbox row is written in one Dexie transaction (the device's pending state, which the screens
 * overlay on the record), then sent. The answer comes from the push that carried it, whichever
 * one that was: 'sent' once the server applied it, 'queued' when it is still on this device
 * (offline, server unavailable, session expired: it leaves with a later push), `{ rejected }`
 * when the server refused it for good — then it is not kept among the refusals the screens list,
 * since the form shows it where it was typed (client/data/mutation-submit.ts).
 *
 * `onQueued` runs once the row is stored, before the network is tried (the form can stop
 * treating the values as typing: they are the record's pending values now).
 */
export async function submitIdentityChange(
  args: IdentityChangeArgs,
  baseVersion: number,
  opts: { onQueued?: () => void } = {},
): Promise<SubmitResult> {
  const mutationId = await runCommand('queueWatchedMutation', IDENTITY_CHANGE, args, baseVersion);
  opts.onQueued?.();
  return runCommand('sendAndAnswer', mutationId);
}

/** Removes an edit the server refused from the list the screens show, once the person has seen it. */
export async function dismissRejection(mutationId: number): Promise<void> {
  await runCommand('dismissRejection', mutationId);
}

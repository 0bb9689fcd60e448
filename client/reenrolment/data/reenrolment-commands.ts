import type { MutationError } from '../../../shared/push-protocol.ts';
import { CONSENT_MUTATIONS, type ConsentAnswerArgs } from '../../../shared/consent-schemas.ts';
import { REENROLMENT_MUTATIONS, type ReenrolmentAnswerArgs } from '../../../shared/reenrolment-schemas.ts';
// The outbox-and-answer mechanics are every form's (client/data/submit-mutation.ts): queue, push now, say what became of it.
import type { SubmitResult } from '../../data/mutation-submit.ts';
import { dismissRefusal, submitWatchedMutation } from '../../data/submit-mutation.ts';

/** 'sent' (the server has it), 'queued' (kept on this device, sent with the next push) or `{ rejected }` (refused for good). */
export type ReenrolmentResult = SubmitResult;

/** A student's choice for next year; answering again replaces it. */
export function saveReenrolmentAnswer(args: ReenrolmentAnswerArgs): Promise<ReenrolmentResult> {
  return submitWatchedMutation(REENROLMENT_MUTATIONS.answer, args);
}

/** "Je confirme que ces informations sont à jour" for the campaign. */
export function confirmReenrolmentDetails(campaignId: string): Promise<ReenrolmentResult> {
  return submitWatchedMutation(REENROLMENT_MUTATIONS.confirm, { campaignId });
}

/** A consent given or refused, to the wording version shown. */
export function answerConsent(args: ConsentAnswerArgs): Promise<ReenrolmentResult> {
  return submitWatchedMutation(CONSENT_MUTATIONS.answer, args);
}

/** The family has read a refusal of an answer that had left this device. */
export function dismissReenrolmentRefusal(mutationId: number): Promise<unknown> {
  return dismissRefusal(mutationId);
}

/** What saving several answers came to: some kept on this device, or the first one refused (its place in the list). */
export type BatchOutcome = { queued: boolean; refused?: { index: number; error: MutationError } };

/**
 * Sends the answers one by one in the list's order (`send` answers null for one unchanged, which
 * is skipped) and stops at the first refusal, which the form shows at its place.
 */
export async function saveEach<T>(items: T[], send: (item: T) => Promise<ReenrolmentResult> | null): Promise<BatchOutcome> {
  let queued = false;
  for (const [index, item] of items.entries()) {
    const result = await send(item);
    if (result === null || result === 'sent') continue;
    if (result === 'queued') queued = true;
    else return { queued, refused: { index, error: result.rejected } };
  }
  return { queued };
}

import { ABSENCE_NOTICE_MUTATIONS } from '../../../shared/absence-notice-mutations.ts';
import type { AnnounceAbsenceArgs, WithdrawAbsenceArgs } from '../../../shared/absence-notice-schemas.ts';
import type { SubmitResult } from '../../data/mutation-submit.ts';
import { submitWatchedMutation } from '../../data/submit-mutation.ts';

/**
 * Announces that a student will miss one or more coming lessons of a course: queued in the
 * outbox (the screens show it from there until it is sent, offline included), then sent. 'sent',
 * 'queued', or `{ rejected }` (`not_found`: not the family's enrollment; `validation`: a past
 * day or one that is not a lesson, with its fields). Announcing a day again changes its reason.
 */
export function announceAbsence(args: AnnounceAbsenceArgs): Promise<SubmitResult> {
  return submitWatchedMutation(ABSENCE_NOTICE_MUTATIONS.announce, args);
}

/** Takes an announced absence back, before its day; same answers. */
export function withdrawAbsence(args: WithdrawAbsenceArgs): Promise<SubmitResult> {
  return submitWatchedMutation(ABSENCE_NOTICE_MUTATIONS.withdraw, args);
}

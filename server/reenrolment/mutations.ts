import { CONSENT_MUTATIONS } from '../../shared/consent-schemas.ts';
import { REENROLMENT_MUTATIONS } from '../../shared/reenrolment-schemas.ts';
import type { Tx } from '../db/client.ts';
import type { SessionUser } from '../http/context.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';
import { confirmDetails, saveAnswer } from './answers.ts';
import { answerConsent } from './consent-answers.ts';

/** The push mutations of the yearly re-enrolment and consents, by name (server/sync/push.ts merges them). */
export const REENROLMENT_HANDLERS: Record<string, (tx: Tx, user: SessionUser, args: unknown) => Promise<TeachingOutcome>> = {
  [REENROLMENT_MUTATIONS.answer]: saveAnswer,
  [REENROLMENT_MUTATIONS.confirm]: confirmDetails,
  [CONSENT_MUTATIONS.answer]: answerConsent,
};

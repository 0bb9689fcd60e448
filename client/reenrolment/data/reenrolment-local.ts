import type { ConsentAnswerArgs } from '../../../shared/consent-schemas.ts';
import { CONSENT_MUTATIONS, REENROLMENT_MUTATIONS } from '../../../shared/reenrolment-mutations.ts';
import type { ReenrolmentAnswerArgs, ReenrolmentConfirmArgs } from '../../../shared/reenrolment-schemas.ts';
import { db } from '../../data/db.ts';
import type { ConsentAnswer, ReenrolmentAnswer } from '../../data/records.ts';

/** An answer as the device knows it: pulled from the server, or still in this device's outbox. */
export type LocalAnswer = Pick<ReenrolmentAnswer, 'studentId' | 'choice' | 'wish' | 'comment'> & { queued: boolean };
export type LocalConsent = Pick<ConsentAnswer, 'consentKindId' | 'studentId' | 'wordingVersion' | 'given'> & { queued: boolean; answeredAt?: string };

export const consentKey = (kindId: string, studentId: string | null) => kindId + ' ' + (studentId ?? '');

/**
 * The family's answers for a campaign, with what is still in the outbox laid over what was
 * pulled (the outbox row is the device's pending state, docs/sync.md): answered offline counts
 * as answered on this device, marked `queued` until the server has it.
 */
export async function localAnswers(campaignId: string | undefined) {
  const [answers, confirmations, consents, outbox] = await Promise.all([
    campaignId ? db.reenrolmentAnswers.where('campaignId').equals(campaignId).toArray() : [],
    campaignId ? db.reenrolmentConfirmations.where('campaignId').equals(campaignId).toArray() : [],
    db.consentAnswers.toArray(),
    db.outbox.orderBy('mutationId').toArray(),
  ]);
  const byStudent = new Map<string, LocalAnswer>(answers.map((a) => [a.studentId, { ...a, queued: false }]));
  const byConsent = new Map<string, LocalConsent>(consents.map((c) => [consentKey(c.consentKindId, c.studentId), { ...c, queued: false }]));
  let confirmed = confirmations.length > 0;
  let confirmQueued = false;
  for (const row of outbox) {
    if (row.name === REENROLMENT_MUTATIONS.answer) {
      const a = row.args as ReenrolmentAnswerArgs;
      if (a.campaignId === campaignId) byStudent.set(a.studentId, { studentId: a.studentId, choice: a.choice, wish: a.wish ?? '', comment: a.comment ?? '', queued: true });
    } else if (row.name === REENROLMENT_MUTATIONS.confirm && (row.args as ReenrolmentConfirmArgs).campaignId === campaignId) {
      confirmQueued = !confirmed;
      confirmed = true;
    } else if (row.name === CONSENT_MUTATIONS.answer) {
      const c = row.args as ConsentAnswerArgs;
      const studentId = c.studentId ?? null;
      byConsent.set(consentKey(c.consentKindId, studentId), { consentKindId: c.consentKindId, studentId, wordingVersion: c.wordingVersion, given: c.given, queued: true, answeredAt: row.createdAt });
    }
  }
  return { answers: byStudent, consents: byConsent, confirmed, confirmQueued };
}

import { openCampaign, parisDay, reenrolmentState, answeredDuring } from '../../../shared/reenrolment-progress.ts';
import { db } from '../../data/db.ts';

export interface ReenrolmentTodo {
  /** A campaign of the family's site is open today. */
  campaignOpen: boolean;
  /** Its last day ("YYYY-MM-DD"), when one is open. */
  closesOn?: string;
  /** Every student answered, the details confirmed and every consent answered at its current wording. */
  done: boolean;
  /** Consents missing or answered to an earlier wording (counted whether or not a campaign is open). */
  consentsToAnswer: number;
}

/**
 * What the re-enrolment asks of the family now, read from the device (works offline): the home
 * page's "À faire" list uses it. Run it inside a live query so it follows pulls and local edits;
 * it reads the synced rows only (an answer waiting in the outbox counts once the server has it).
 */
export async function reenrolmentTodo(now: Date = new Date()): Promise<ReenrolmentTodo> {
  const [campaigns, students, answers, confirmations, kinds, consents] = await Promise.all([
    db.reenrolmentCampaigns.toArray(),
    db.students.toArray(),
    db.reenrolmentAnswers.toArray(),
    db.reenrolmentConfirmations.toArray(),
    db.consentKinds.toArray(),
    db.consentAnswers.toArray(),
  ]);
  const campaign = openCampaign(campaigns, parisDay(now));
  const status = reenrolmentState({
    studentIds: students.map((s) => s.id),
    answeredStudentIds: campaign ? answers.filter((a) => a.campaignId === campaign.id).map((a) => a.studentId) : [],
    confirmed: !!campaign && confirmations.some((c) => c.campaignId === campaign.id),
    consentAnsweredDuring: !!campaign && consents.some((c) => answeredDuring(c.answeredAt, campaign)),
    kinds,
    consents,
  });
  if (!campaign) return { campaignOpen: false, done: false, consentsToAnswer: status.consentsToAnswer };
  return { campaignOpen: true, closesOn: campaign.closesOn, done: status.state === 'done', consentsToAnswer: status.consentsToAnswer };
}

import { openCampaign, parisDay, reenrolmentState, answeredDuring } from '../../../shared/reenrolment-progress.ts';
import { db } from '../../data/db.ts';
import { localAnswers } from './reenrolment-local.ts';

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
 * an answer still in the outbox counts (the family answered offline: nothing more to do on this device).
 */
export async function reenrolmentTodo(now: Date = new Date()): Promise<ReenrolmentTodo> {
  const [campaigns, students, kinds] = await Promise.all([db.reenrolmentCampaigns.toArray(), db.students.toArray(), db.consentKinds.toArray()]);
  const campaign = openCampaign(campaigns, parisDay(now));
  const local = await localAnswers(campaign?.id);
  const consents = [...local.consents.values()];
  const status = reenrolmentState({
    studentIds: students.map((s) => s.id),
    answeredStudentIds: local.answers.keys(),
    confirmed: local.confirmed,
    consentAnsweredDuring: !!campaign && consents.some((c) => c.answeredAt !== undefined && answeredDuring(c.answeredAt, campaign)),
    kinds,
    consents,
  });
  if (!campaign) return { campaignOpen: false, done: false, consentsToAnswer: status.consentsToAnswer };
  return { campaignOpen: true, closesOn: campaign.closesOn, done: status.state === 'done', consentsToAnswer: status.consentsToAnswer };
}

import { and, eq } from 'drizzle-orm';
import { reenrolmentAnswerSchema, reenrolmentConfirmSchema } from '../../shared/reenrolment-schemas.ts';
import type { Tx } from '../db/client.ts';
import { reenrolmentAnswer, reenrolmentConfirmation } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { audit, invalid } from '../teaching/records.ts';
import type { TeachingOutcome } from '../teaching/scope.ts';
import { isFamily, notAFamily, openCampaignOf, ownStudent, studentNotFound } from './family-scope.ts';

/**
 * `reenrolment.answer`: a student's choice for next year (continuer / arrêter / changer with a
 * wish). One answer per campaign and student: answering again, while the campaign is open,
 * replaces it (the earlier one stays in the audit log).
 */
export async function saveAnswer(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (!isFamily(user)) return notAFamily();
  const parsed = reenrolmentAnswerSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const args = parsed.data;
  const open = await openCampaignOf(tx, user, args.campaignId);
  if (open.refusal) return open.refusal;
  if (!(await ownStudent(tx, user, args.studentId))) return studentNotFound();

  const version = await nextVersion(tx);
  const values = { choice: args.choice, wish: args.wish, comment: args.comment, answeredBy: user.id, answeredAt: new Date().toISOString(), version };
  const [earlier] = await tx
    .select()
    .from(reenrolmentAnswer)
    .where(and(eq(reenrolmentAnswer.campaignId, args.campaignId), eq(reenrolmentAnswer.studentId, args.studentId)));
  if (earlier) await tx.update(reenrolmentAnswer).set(values).where(eq(reenrolmentAnswer.id, earlier.id));
  else await tx.insert(reenrolmentAnswer).values({ campaignId: args.campaignId, familyId: user.familyId, studentId: args.studentId, ...values });
  await audit(tx, user, 'reenrolment.answer', { kind: 'student', id: args.studentId, familyId: user.familyId, siteId: user.siteId }, {
    campaignId: args.campaignId,
    choice: args.choice,
    ...(earlier ? { replaced: { choice: earlier.choice, wish: earlier.wish, comment: earlier.comment, answeredAt: earlier.answeredAt } } : {}),
  });
  return { ok: true };
}

/**
 * `reenrolment.confirm`: "Je confirme que ces informations sont à jour". Once per campaign and
 * family; confirming again keeps the first confirmation (a replay from another device is no error).
 */
export async function confirmDetails(tx: Tx, user: SessionUser, raw: unknown): Promise<TeachingOutcome> {
  if (!isFamily(user)) return notAFamily();
  const parsed = reenrolmentConfirmSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const open = await openCampaignOf(tx, user, parsed.data.campaignId);
  if (open.refusal) return open.refusal;
  const [earlier] = await tx
    .select({ id: reenrolmentConfirmation.id })
    .from(reenrolmentConfirmation)
    .where(and(eq(reenrolmentConfirmation.campaignId, open.campaign.id), eq(reenrolmentConfirmation.familyId, user.familyId)));
  if (earlier) return { ok: true };
  const version = await nextVersion(tx);
  await tx.insert(reenrolmentConfirmation).values({
    campaignId: open.campaign.id,
    familyId: user.familyId,
    confirmedBy: user.id,
    confirmedAt: new Date().toISOString(),
    version,
  });
  await audit(tx, user, 'reenrolment.confirm', { kind: 'family', id: user.familyId, familyId: user.familyId, siteId: user.siteId }, { campaignId: open.campaign.id });
  return { ok: true };
}

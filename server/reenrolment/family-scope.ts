import { and, eq } from 'drizzle-orm';
import { parisDay, campaignOpenOn } from '../../shared/reenrolment-progress.ts';
import type { Tx } from '../db/client.ts';
import { consentKind, reenrolmentCampaign, student } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';
import { refused } from '../teaching/scope.ts';

/**
 * The checks every family answer makes before writing (docs/reenrolment.md): a family account,
 * a campaign of its site open today, a student of its own, a consent kind of its site still
 * asked. Another site's campaign or another family's student is "not found", as everywhere.
 */
export const notAFamily = () => refused('forbidden', 'Réservé aux familles.');
export const campaignNotFound = () => refused('not_found', 'Campagne de réinscription introuvable.');
export const campaignClosed = (c: { opensOn: string; closesOn: string }) =>
  refused('campaign_closed', `La réinscription n’est pas ouverte aujourd’hui (du ${c.opensOn} au ${c.closesOn}).`);
export const studentNotFound = () => refused('not_found', 'Élève introuvable.');
export const consentNotFound = () => refused('not_found', 'Accord introuvable.');
export const consentInactive = () => refused('consent_inactive', 'Cet accord n’est plus demandé.');
export const consentOutdated = () =>
  refused('consent_outdated', 'Le texte de cet accord a changé depuis que vous l’avez lu : lisez la nouvelle version et répondez à nouveau.');
export const consentSubject = (scope: string) =>
  refused('validation', scope === 'student' ? 'Cet accord se donne pour chaque élève.' : 'Cet accord se donne pour la famille.');

export type FamilyUser = SessionUser & { familyId: string };
export const isFamily = (user: SessionUser): user is FamilyUser => user.role === 'family' && !!user.familyId;

/** The campaign of the family's site, if it is open today; otherwise the refusal to answer. */
export async function openCampaignOf(tx: Tx, user: FamilyUser, campaignId: string, now = new Date()) {
  const [found] = await tx.select().from(reenrolmentCampaign).where(and(eq(reenrolmentCampaign.id, campaignId), eq(reenrolmentCampaign.siteId, user.siteId)));
  if (!found) return { refusal: campaignNotFound() } as const;
  if (!campaignOpenOn(found, parisDay(now))) return { refusal: campaignClosed(found) } as const;
  return { campaign: found } as const;
}

/** One of the family's own students, or null. */
export async function ownStudent(tx: Tx, user: FamilyUser, studentId: string) {
  const [found] = await tx.select({ id: student.id }).from(student).where(and(eq(student.id, studentId), eq(student.familyId, user.familyId)));
  return found ?? null;
}

/** A consent kind of the family's site, or null. */
export async function siteConsentKind(tx: Tx, user: FamilyUser, kindId: string) {
  const [found] = await tx.select().from(consentKind).where(and(eq(consentKind.id, kindId), eq(consentKind.siteId, user.siteId)));
  return found ?? null;
}

import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import { audit } from '../teaching/records.ts';
import { ApiError } from '../http/errors.ts';
import { withinRate } from '../db/rate-limit.ts';
import { campaignOpenOn, parisDay } from '../../shared/reenrolment-progress.ts';
import type { CampaignRow } from './campaigns.ts';
import { campaignProgress, type FamilyProgress } from './progress.ts';

const frenchDay = (day: string) => new Date(day + 'T12:00:00Z').toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The reminder a family not done receives: what is left and the link to the page. */
export function reminderMail(to: FamilyProgress, campaign: CampaignRow, publicUrl: string): MailMessage {
  return {
    to: to.email,
    subject: `Portée — réinscription ${campaign.schoolYear} à compléter`,
    text:
      `Bonjour ${to.name},\n\nLa réinscription pour l’année ${campaign.schoolYear} est ouverte jusqu’au ${frenchDay(campaign.closesOn)}. ` +
      `Votre dossier n’est pas encore complet : indiquez pour chaque élève s’il continue, arrête ou change, confirmez vos informations ` +
      `et répondez aux autorisations demandées.\n\n${publicUrl}/famille/reinscription\n\nLe secrétariat du conservatoire\n(Message envoyé par Portée : merci de ne pas y répondre.)`,
  };
}

/**
 * Sends one reminder to each family of the site not done (with an e-mail address). A click
 * carries a request id made by the page: the same id again (a double click, a retried request)
 * sends nothing more and answers the first count. The recipients and the id are recorded in one
 * write transaction with the mails themselves (mail outbox), so two racing requests with the
 * same id cannot both send, and a crash cannot lose them. They go out after the commit without
 * holding the answer (hundreds at a site's size); the sender job sends what that leaves.
 */
/** Reminders a campaign may send in 24 hours. */
const REMINDERS_PER_DAY = 2;

export async function sendReminders(db: Db, mailer: Mailer, user: SessionUser, campaign: CampaignRow, requestId: string, publicUrl: string) {
  const decided = await writeTransaction(db, async (tx) => {
    const [earlier] = await tx
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reenrolment.reminders'), eq(auditLog.targetId, campaign.id), sql`json_extract(${auditLog.details}, '$.requestId') = ${requestId}`));
    if (earlier) return { mails: [] as string[], sent: (earlier.details as { sent: number }).sent, replay: true };
    // The mail says the campaign is open until its last day: never sent outside those days.
    if (!campaignOpenOn(campaign, parisDay())) throw new ApiError(409, 'campaign_closed', 'Cette campagne n’est pas ouverte aujourd’hui : aucune relance n’est envoyée.');
    // Families are not mailed again and again: a second click a day corrects a first, no more.
    if (!(await withinRate(tx, 'reenrolment-reminders', campaign.id, REMINDERS_PER_DAY, 24 * 3600_000))) {
      throw new ApiError(429, 'too_many_reminders', 'Les familles ont déjà été relancées aujourd’hui : réessayez demain.');
    }
    const progress = await campaignProgress(tx, campaign);
    const families = progress.families.filter((f) => f.state !== 'done' && f.email);
    await audit(tx, user, 'reenrolment.reminders', { kind: 'reenrolment_campaign', id: campaign.id, siteId: campaign.siteId }, { requestId, sent: families.length, familyIds: families.map((f) => f.familyId) });
    const mails: string[] = [];
    for (const f of families) mails.push(await mailer.queue(tx, reminderMail(f, campaign, publicUrl), campaign.siteId));
    return { mails, sent: families.length, replay: false };
  });
  void mailer.deliver(decided.mails);
  return { sent: decided.sent, replay: decided.replay };
}

import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { campaignSchema } from '../../shared/reenrolment-schemas.ts';
import type { Db } from '../db/client.ts';
import { reenrolmentCampaign } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { audit } from '../teaching/records.ts';

export type CampaignRow = typeof reenrolmentCampaign.$inferSelect;

/** The site's campaigns, the latest year first. */
export function siteCampaigns(db: Db, siteId: string) {
  return db.select().from(reenrolmentCampaign).where(eq(reenrolmentCampaign.siteId, siteId)).orderBy(desc(reenrolmentCampaign.schoolYear));
}

/** One campaign of the site; another site's is "not found". */
export async function siteCampaign(db: Db, siteId: string, id: string): Promise<CampaignRow> {
  const [found] = await db.select().from(reenrolmentCampaign).where(and(eq(reenrolmentCampaign.id, id), eq(reenrolmentCampaign.siteId, siteId)));
  if (!found) throw notFound('Campagne');
  return found;
}

/**
 * Opens a campaign (the dates and year already checked by campaignSchema). One per site and
 * school year: a second one for the same year is a 409 naming it, checked in the write
 * transaction (the unique index backs it).
 */
export async function createCampaign(db: Db, user: SessionUser, input: z.output<ReturnType<typeof campaignSchema>>): Promise<CampaignRow> {
  return writeTransaction(db, async (tx) => {
    const [existing] = await tx
      .select({ id: reenrolmentCampaign.id })
      .from(reenrolmentCampaign)
      .where(and(eq(reenrolmentCampaign.siteId, user.siteId), eq(reenrolmentCampaign.schoolYear, input.schoolYear)));
    if (existing) {
      throw new ApiError(409, 'campaign_exists', `Une campagne existe déjà pour l’année ${input.schoolYear}.`, { schoolYear: `Une campagne existe déjà pour l’année ${input.schoolYear}.` });
    }
    const version = await nextVersion(tx);
    const [row] = await tx
      .insert(reenrolmentCampaign)
      .values({ siteId: user.siteId, schoolYear: input.schoolYear, opensOn: input.opensOn, closesOn: input.closesOn, createdBy: user.id, version })
      .returning();
    await audit(tx, user, 'reenrolment.campaign.create', { kind: 'reenrolment_campaign', id: row.id, siteId: user.siteId }, { ...input });
    return row;
  });
}

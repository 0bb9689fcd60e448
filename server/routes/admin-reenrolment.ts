import { Hono } from 'hono';
import { z } from 'zod';
import { consentKindActiveSchema, consentKindCreateSchema, consentKindWordingSchema } from '../../shared/consent-schemas.ts';
import { parisDay } from '../../shared/reenrolment-progress.ts';
import { campaignSchema } from '../../shared/reenrolment-schemas.ts';
import { recordId } from '../../shared/schema-parts.ts';
import type { AppEnv } from '../http/context.ts';
import { validationError } from '../http/errors.ts';
import { sendJson } from '../http/json-response.ts';
import { validateJson } from '../http/validate.ts';
import { createCampaign, siteCampaign, siteCampaigns } from '../reenrolment/campaigns.ts';
import { createConsentKind, rewordConsentKind, setConsentKindActive, siteConsentKinds } from '../reenrolment/consent-kinds.ts';
import { campaignCsv } from '../reenrolment/export.ts';
import { campaignProgress, familyAnswers } from '../reenrolment/progress.ts';
import { sendReminders } from '../reenrolment/reminders.ts';

const reminderSchema = z.object({ requestId: recordId });
/** The shape of a campaign (any year), for the typed route; the year's floor is checked against today in the handler. */
const anyYearCampaign = campaignSchema(new Date(0));

/** The secretariat's re-enrolment campaigns and consents (/api/admin/reenrolment…), limited to its site: progress, answers, CSV, reminders. */
export const adminReenrolmentRoutes = new Hono<AppEnv>()
  .get('/reenrolment', async (c) => {
    c.header('Cache-Control', 'no-store');
    const { db } = c.var.deps;
    const [campaigns, consentKinds] = await Promise.all([siteCampaigns(db, c.var.user.siteId), siteConsentKinds(db, c.var.user.siteId)]);
    return sendJson(c, { today: parisDay(), campaigns, consentKinds }, 200);
  })
  .post('/reenrolment/campaigns', validateJson(anyYearCampaign), async (c) => {
    // Checked again with today's date: which year is "next" changes while the server runs.
    const parsed = campaignSchema().safeParse(c.req.valid('json'));
    if (!parsed.success) throw validationError(parsed.error);
    return sendJson(c, { campaign: await createCampaign(c.var.deps.db, c.var.user, parsed.data) }, 201);
  })
  .get('/reenrolment/campaigns/:id/progress', async (c) => {
    c.header('Cache-Control', 'no-store');
    const campaign = await siteCampaign(c.var.deps.db, c.var.user.siteId, c.req.param('id'));
    return sendJson(c, { campaign, ...(await campaignProgress(c.var.deps.db, campaign)) }, 200);
  })
  .get('/reenrolment/campaigns/:id/families/:familyId', async (c) => {
    c.header('Cache-Control', 'no-store');
    const campaign = await siteCampaign(c.var.deps.db, c.var.user.siteId, c.req.param('id'));
    return sendJson(c, { campaign, ...(await familyAnswers(c.var.deps.db, campaign, c.req.param('familyId'))) }, 200);
  })
  .get('/reenrolment/campaigns/:id/export.csv', async (c) => {
    const campaign = await siteCampaign(c.var.deps.db, c.var.user.siteId, c.req.param('id'));
    const csv = await campaignCsv(c.var.deps.db, campaign);
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="reinscriptions-${campaign.schoolYear.replace('/', '-')}.csv"`);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  })
  .post('/reenrolment/campaigns/:id/reminders', validateJson(reminderSchema), async (c) => {
    const { db, mailer, env } = c.var.deps;
    const campaign = await siteCampaign(db, c.var.user.siteId, c.req.param('id'));
    return sendJson(c, await sendReminders(db, mailer, c.var.user, campaign, c.req.valid('json').requestId, env.PUBLIC_URL), 200);
  })
  .post('/consent-kinds', validateJson(consentKindCreateSchema), async (c) => {
    return sendJson(c, { consentKind: await createConsentKind(c.var.deps.db, c.var.user, c.req.valid('json')) }, 201);
  })
  .put('/consent-kinds/:id/wording', validateJson(consentKindWordingSchema), async (c) => {
    return sendJson(c, { consentKind: await rewordConsentKind(c.var.deps.db, c.var.user, c.req.param('id'), c.req.valid('json')) }, 200);
  })
  .put('/consent-kinds/:id/active', validateJson(consentKindActiveSchema), async (c) => {
    return sendJson(c, { consentKind: await setConsentKindActive(c.var.deps.db, c.var.user, c.req.param('id'), c.req.valid('json').active) }, 200);
  });

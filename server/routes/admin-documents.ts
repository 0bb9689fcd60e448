import { Hono } from 'hono';
import { z } from 'zod';
import { createDocumentKindSchema, updateDocumentKindSchema } from '../../shared/document-kinds.ts';
import { refuseDocumentSchema } from '../../shared/document-rules.ts';
import { SCHOOL_YEAR_PATTERN, schoolYearOf } from '../../shared/school-year.ts';
import { documentFileResponse } from '../documents/download.ts';
import { createDocumentKind, listDocumentKinds, updateDocumentKind } from '../documents/kinds.ts';
import { decideDocument, findSiteDocument, missingKinds, reviewQueue } from '../documents/review.ts';
import { storageFor } from '../documents/storage.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { notFound } from '../http/errors.ts';
import { validateJson, validateQuery } from '../http/validate.ts';

const missingQuery = z.object({
  annee: z.string().regex(SCHOOL_YEAR_PATTERN, { error: 'Année scolaire attendue sous la forme 2025/2026.' }).optional(),
});
const fileQuery = z.object({ apercu: z.enum(['0', '1']).optional() });

/**
 * The secretariat's review of supporting documents and the kinds its site asks for, limited to
 * its site (another site's document or kind → 404).
 */
export const adminDocumentRoutes = new Hono<AppEnv>()
  .get('/document-kinds', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { kinds: await listDocumentKinds(c.var.deps.db, c.var.user.siteId) }, 200);
  })
  .post('/document-kinds', validateJson(createDocumentKindSchema), async (c) => {
    return sendJson(c, await createDocumentKind(c.var.deps.db, c.var.user, c.req.valid('json')), 201);
  })
  .put('/document-kinds/:id', validateJson(updateDocumentKindSchema), async (c) => {
    return sendJson(c, await updateDocumentKind(c.var.deps.db, c.var.user, c.req.param('id'), c.req.valid('json')), 200);
  })
  .get('/documents', async (c) => {
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { documents: await reviewQueue(c.var.deps.db, c.var.user.siteId) }, 200);
  })
  .get('/documents/missing', validateQuery(missingQuery), async (c) => {
    const schoolYear = c.req.valid('query').annee ?? schoolYearOf(new Date());
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { schoolYear, families: await missingKinds(c.var.deps.db, c.var.user.siteId, schoolYear) }, 200);
  })
  .get('/documents/:id/file', validateQuery(fileQuery), async (c) => {
    const { db, env } = c.var.deps;
    const row = await findSiteDocument(db, c.var.user.siteId, c.req.param('id'));
    if (!row) throw notFound('Document');
    // A PDF preview opens in a new tab; everything else is a download (images are shown from a blob: URL).
    const inline = c.req.valid('query').apercu === '1' && row.mediaType === 'application/pdf';
    return documentFileResponse(storageFor(env), row, inline ? 'inline' : 'attachment');
  })
  .post('/documents/:id/accept', async (c) => {
    const { db, mailer } = c.var.deps;
    return sendJson(c, { document: await decideDocument(db, mailer, c.var.user, c.req.param('id'), { accepted: true }) }, 200);
  })
  .post('/documents/:id/refuse', validateJson(refuseDocumentSchema), async (c) => {
    const { db, mailer } = c.var.deps;
    const { reason } = c.req.valid('json');
    return sendJson(c, { document: await decideDocument(db, mailer, c.var.user, c.req.param('id'), { accepted: false, reason }) }, 200);
  });

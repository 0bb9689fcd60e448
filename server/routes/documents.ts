import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { documentIssues } from '../../shared/document-rules.ts';
import { requireRole, requireSession } from '../auth/session-middleware.ts';
import { document } from '../db/schema/index.ts';
import { documentFileResponse } from '../documents/download.ts';
import { storageFor } from '../documents/storage.ts';
import { uploadDocument, uploadRefusal } from '../documents/upload.ts';
import type { AppEnv } from '../http/context.ts';
import { sendJson } from '../http/json-response.ts';
import { ApiError, notFound } from '../http/errors.ts';

/** Room for the multipart envelope and the text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Stops reading a body larger than the configured limit, with the message the form shows. */
const uploadLimit = createMiddleware<AppEnv>(async (c, next) => {
  const max = c.var.deps.env.UPLOAD_MAX_BYTES;
  const limit = bodyLimit({
    maxSize: max + MULTIPART_OVERHEAD,
    onError: () => {
      throw uploadRefusal(413, 'too_large', 'file', documentIssues.size(max));
    },
  });
  return limit(c, next);
});

/**
 * A family's supporting documents (the list itself comes with the pull).
 * - POST /api/documents (multipart: kindId, studentId?, replacesId?, idempotencyKey, file):
 *   201 with the new document, 200 with the stored one when the key was already used;
 * - GET /api/documents/:id/file: the bytes, as a download; another family's id → 404.
 */
export const documentRoutes = new Hono<AppEnv>()
  .use(requireSession, requireRole('family'))
  .post('/', uploadLimit, async (c) => {
    const { db, env } = c.var.deps;
    const body = await c.req.parseBody().catch(() => {
      throw new ApiError(400, 'bad_request', 'Envoi illisible : recommencez.');
    });
    const { file, ...fields } = body;
    const outcome = await uploadDocument(
      db,
      storageFor(env),
      c.var.user,
      { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')), file: file instanceof File ? file : null },
      { maxBytes: env.UPLOAD_MAX_BYTES, familyQuotaBytes: env.UPLOAD_FAMILY_QUOTA_BYTES },
    );
    c.header('Cache-Control', 'no-store');
    return sendJson(c, { document: outcome.document, replay: outcome.replay }, outcome.replay ? 200 : 201);
  })
  .get('/:id/file', async (c) => {
    const { db, env } = c.var.deps;
    const familyId = c.var.user.familyId;
    if (!familyId) throw notFound('Document');
    const [row] = await db.select().from(document).where(and(eq(document.id, c.req.param('id')), eq(document.familyId, familyId)));
    if (!row) throw notFound('Document');
    return documentFileResponse(storageFor(env), row);
  });

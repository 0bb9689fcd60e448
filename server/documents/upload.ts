import { createHash } from 'node:crypto';
import { writeTransaction } from '../db/write-transaction.ts';
import { and, eq, sum } from 'drizzle-orm';
import sharp from 'sharp';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  documentIssues,
  MAX_IMAGE_PIXELS,
  sanitiseFileName,
  sniffMediaType,
  uploadFieldsSchema,
  type AcceptedMediaType,
  type DocumentView,
} from '../../shared/document-rules.ts';
import { schoolYearOf } from '../../shared/school-year.ts';
import { documentIdFromHash, documentIdSource } from '../../shared/document-keys.ts';
import { frenchMessage, type IssueCode } from '../../shared/validation-messages.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, document, documentKind, family, student, tombstone } from '../db/schema/index.ts';
import { nextVersion } from '../db/versioning.ts';
import type { SessionUser } from '../http/context.ts';
import { ApiError, notFound, validationError } from '../http/errors.ts';
import { imageGate, ImageGateFull } from './image-gate.ts';
import type { Storage } from './storage.ts';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * An upload refused because of one field (the file, or its kind): its French text as the message
 * and under `fields`, its code and parameters under `fieldCodes`, so the browser shows it in the
 * person's language (and the upload queue keeps the code with the refused file).
 */
export function uploadRefusal(status: ContentfulStatusCode, code: string, field: 'file' | 'kindId', issue: IssueCode, message = frenchMessage(issue)): ApiError {
  return new ApiError(status, code, message, { [field]: frenchMessage(issue) }, { fieldCodes: { [field]: issue } });
}

type DocumentRow = typeof document.$inferSelect;

/** A row as the API shows it: never the storage key nor who reviewed it. */
export function documentView(row: DocumentRow): DocumentView {
  const { storageKey: _key, reviewedBy: _by, ...view } = row;
  return view as DocumentView;
}

/** The document id of an upload (shared/document-keys.ts), which the device derives too. */
export const documentIdFor = (familyId: string, idempotencyKey: string): string =>
  documentIdFromHash(createHash('sha256').update(documentIdSource(familyId, idempotencyKey)).digest('hex'));

/**
 * JPEG and PNG are decoded and encoded again: what is stored is pixels only, without EXIF
 * (GPS position, camera, date), XMP, comments or anything appended after the image. The EXIF
 * orientation is applied first so a phone photo is not stored sideways. PDFs are kept as sent.
 *
 * An image is first measured from its header alone: one over `MAX_IMAGE_PIXELS` is refused
 * before a single pixel is decoded (a 586 KB JPEG can hold 100 megapixels, 600 MB once
 * decoded). The others wait for their turn at the image gate (two at a time, at most one
 * largest image's worth of pixels at once).
 */
export async function reencode(bytes: Uint8Array, type: AcceptedMediaType, maxBytes: number): Promise<Uint8Array> {
  if (type === 'application/pdf') return bytes;
  const unreadable = () => uploadRefusal(422, 'unreadable_file', 'file', documentIssues.unreadable(maxBytes));
  let width: number;
  let height: number;
  try {
    ({ width, height } = await sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    throw unreadable();
  }
  if (!width || !height) throw unreadable();
  if (width * height > MAX_IMAGE_PIXELS) throw uploadRefusal(422, 'image_too_large', 'file', documentIssues.imageTooLarge(width, height));
  // A full line answers 503: the device keeps the file in its upload queue and sends it again later.
  return imageGate.run(width * height, async () => {
    try {
      const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
      const out = type === 'image/jpeg' ? await image.jpeg({ quality: 88 }).toBuffer() : await image.png({ compressionLevel: 9 }).toBuffer();
      return new Uint8Array(out);
    } catch {
      throw unreadable();
    }
  }).catch((error: unknown) => {
    if (error instanceof ImageGateFull)
      throw new ApiError(503, 'busy', 'Le serveur traite beaucoup de photos en ce moment : votre document sera envoyé de nouveau dans un instant.');
    throw error;
  });
}

/** Bytes of documents the family has stored (every status: a refused one is kept until replaced). */
async function familyStoredBytes(q: Db | Tx, familyId: string): Promise<number> {
  const [row] = await q.select({ bytes: sum(document.sizeBytes) }).from(document).where(eq(document.familyId, familyId));
  return Number(row?.bytes ?? 0);
}

export interface UploadLimits {
  /** Largest accepted file (UPLOAD_MAX_BYTES). */
  maxBytes: number;
  /** Most bytes one family may have stored (UPLOAD_FAMILY_QUOTA_BYTES). */
  familyQuotaBytes: number;
}

export interface UploadInput {
  fields: Record<string, unknown>;
  file: File | null;
}

export interface UploadOutcome {
  document: DocumentView;
  /** True when this idempotency key was already stored: nothing new was written. */
  replay: boolean;
}

/**
 * POST /api/documents. Checks, in order: the text fields; the kind (this site's, active, for
 * this owner); the student (this family's, else 404); the file (size, type from its bytes, hash
 * matching the key); then stores the bytes under a new key and inserts the row with a fresh
 * change version, so the family's other devices receive it at their next pull. Replacing a
 * refused document deletes that one in the same transaction (with a tombstone for the pull).
 */
export async function uploadDocument(db: Db, storage: Storage, user: SessionUser, input: UploadInput, { maxBytes, familyQuotaBytes }: UploadLimits): Promise<UploadOutcome> {
  const familyId = user.familyId;
  if (user.role !== 'family' || !familyId) throw notFound('Famille');

  const parsed = uploadFieldsSchema.safeParse(input.fields);
  if (!parsed.success) throw validationError(parsed.error);
  const fields = parsed.data;

  // A replay answers the stored document before anything else is looked at (the bytes included).
  const id = documentIdFor(familyId, fields.idempotencyKey);
  const [existing] = await db.select().from(document).where(eq(document.id, id));
  if (existing) return { document: documentView(existing), replay: true };

  const [fam] = await db.select({ siteId: family.siteId }).from(family).where(eq(family.id, familyId));
  if (!fam) throw notFound('Famille');
  const [kind] = await db
    .select()
    .from(documentKind)
    .where(and(eq(documentKind.id, fields.kindId), eq(documentKind.siteId, fam.siteId), eq(documentKind.active, true)));
  if (!kind) throw uploadRefusal(422, 'validation', 'kindId', documentIssues.kind);
  if ((kind.owner === 'student') !== !!fields.studentId) throw uploadRefusal(422, 'validation', 'kindId', documentIssues.kindNotForOwner);
  if (fields.studentId) {
    const [own] = await db.select({ id: student.id }).from(student).where(and(eq(student.id, fields.studentId), eq(student.familyId, familyId)));
    if (!own) throw notFound('Élève');
  }

  const file = input.file;
  if (!file) throw uploadRefusal(422, 'validation', 'file', documentIssues.missingFile);
  if (file.size > maxBytes) throw uploadRefusal(413, 'too_large', 'file', documentIssues.size(maxBytes));
  if (file.size === 0) throw uploadRefusal(422, 'validation', 'file', documentIssues.empty);
  const original = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffMediaType(original.subarray(0, 16));
  if (!mediaType) throw uploadRefusal(415, 'unsupported_type', 'file', documentIssues.type(maxBytes));
  if (!fields.idempotencyKey.endsWith(':' + sha256Hex(original))) throw uploadRefusal(422, 'validation', 'file', documentIssues.hashMismatch);

  let replaced: DocumentRow | undefined;
  if (fields.replacesId) {
    [replaced] = await db.select().from(document).where(and(eq(document.id, fields.replacesId), eq(document.familyId, familyId)));
    if (!replaced) throw notFound('Document');
    if (replaced.status !== 'rejected') throw new ApiError(409, 'not_rejected', 'Seul un document refusé peut être remplacé.');
    if (replaced.kindId !== kind.id || (replaced.studentId ?? null) !== (fields.studentId ?? null)) {
      throw uploadRefusal(422, 'validation', 'kindId', documentIssues.replaceKind, 'Le document de remplacement doit être du même type, pour la même personne.');
    }
  }

  // The family's quota: a refused document being replaced no longer counts. Checked with the
  // file as sent before any image work, then with the stored bytes in the transaction once the
  // row is in (transactions run one at a time, so two uploads sent at once cannot both pass).
  const checkQuota = async (q: Db | Tx, size: number, counted = false) => {
    const used = (await familyStoredBytes(q, familyId)) - (counted ? size : 0);
    if (used - (replaced?.sizeBytes ?? 0) + size > familyQuotaBytes) throw uploadRefusal(413, 'quota_exceeded', 'file', documentIssues.quota(used, size, familyQuotaBytes));
  };
  await checkQuota(db, original.byteLength);

  const fileName = sanitiseFileName(file.name || 'document', mediaType);
  const stored = await reencode(original, mediaType, maxBytes);
  const storageKey = await storage.put(stored);
  let outcome: UploadOutcome;
  try {
    outcome = await writeTransaction(db,
      async (tx) => {
        const version = await nextVersion(tx);
        const inserted = await tx
          .insert(document)
          .values({
            id,
            familyId,
            studentId: fields.studentId ?? null,
            kindId: kind.id,
            schoolYear: schoolYearOf(new Date()),
            fileName,
            mediaType,
            sizeBytes: stored.byteLength,
            sha256: sha256Hex(stored),
            storageKey,
            status: 'received',
            version,
          })
          .onConflictDoNothing()
          .returning();
        if (!inserted.length) {
          // The same upload, sent twice at once: the other request stored it.
          const [row] = await tx.select().from(document).where(eq(document.id, id));
          return { document: documentView(row), replay: true };
        }
        await checkQuota(tx, stored.byteLength, true);
        if (replaced) {
          const gone = await tx
            .delete(document)
            .where(and(eq(document.id, replaced.id), eq(document.status, 'rejected')))
            .returning({ id: document.id });
          if (!gone.length) throw new ApiError(409, 'not_rejected', 'Seul un document refusé peut être remplacé.');
          await tx.insert(tombstone).values({ tableName: 'document', rowId: replaced.id, familyId, siteId: fam.siteId, version });
        }
        await tx.insert(auditLog).values({
          actorUserId: user.id,
          action: replaced ? 'document.replaced' : 'document.uploaded',
          targetKind: 'document',
          targetId: id,
          familyId,
          siteId: fam.siteId,
          details: { kindId: kind.id, fileName, sizeBytes: stored.byteLength, ...(replaced ? { replacesId: replaced.id } : {}) },
        });
        return { document: documentView(inserted[0]), replay: false };
      });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
  if (outcome.replay) await storage.delete(storageKey);
  if (replaced && !outcome.replay) await storage.delete(replaced.storageKey).catch(() => undefined);
  return outcome;
}

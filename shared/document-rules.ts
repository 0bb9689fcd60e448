import { z } from 'zod';

/**
 * The rules of supporting documents, shared by the browser (checked before anything is sent or
 * queued) and the server (checked again on what actually arrived). The type is read from the
 * file's first bytes, never from its name or the type the browser claims.
 */

export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** What the file input offers (phones then propose the camera as well as files). */
export const ACCEPT_ATTRIBUTE = ACCEPTED_MEDIA_TYPES.join(',');

/** 10 MB unless the server is configured otherwise (UPLOAD_MAX_BYTES). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const SIGNATURES: ReadonlyArray<{ type: AcceptedMediaType; bytes: number[] }> = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** How many leading bytes `sniffMediaType` needs. */
export const SNIFF_LENGTH = 8;

/** The accepted type these bytes start with, or null (HTML, an executable, a Word file…). */
export function sniffMediaType(head: Uint8Array): AcceptedMediaType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

/** "10 Mo", "2,5 Mo": the limit as people read it. */
export function formatLimit(maxBytes: number): string {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return `${String(mb).replace('.', ',')} Mo`;
}

export const documentMessages = {
  type: (maxBytes: number) =>
    `Ce type de fichier n’est pas accepté. Envoyez un fichier PDF, JPEG ou PNG de ${formatLimit(maxBytes)} au plus.`,
  size: (maxBytes: number) =>
    `Ce fichier dépasse ${formatLimit(maxBytes)}. Envoyez un fichier PDF, JPEG ou PNG de ${formatLimit(maxBytes)} au plus.`,
  empty: 'Ce fichier est vide. Choisissez un autre fichier.',
  missingFile: 'Choisissez un fichier à envoyer.',
  unreadable: (maxBytes: number) =>
    `Ce fichier est illisible ou endommagé. Envoyez un fichier PDF, JPEG ou PNG de ${formatLimit(maxBytes)} au plus.`,
  kind: 'Choisissez le type de document.',
  kindNotForOwner: 'Ce type de document ne correspond pas à ce dossier.',
  reason: 'Indiquez le motif du refus.',
  idempotency: 'Envoi mal formé : rechargez la page puis recommencez.',
  hashMismatch: 'Le fichier reçu ne correspond pas à celui choisi. Choisissez-le à nouveau.',
} as const;

/** The problem with a file of this size and first bytes, or null when it may be sent. */
export function fileProblem(sizeBytes: number, head: Uint8Array, maxBytes: number): string | null {
  if (sizeBytes === 0) return documentMessages.empty;
  if (sizeBytes > maxBytes) return documentMessages.size(maxBytes);
  if (!sniffMediaType(head)) return documentMessages.type(maxBytes);
  return null;
}

const EXTENSIONS: Record<AcceptedMediaType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/**
 * A file name fit to show and to offer in a download: the last path segment only, no control or
 * reserved characters, at most 120 characters, ending with the extension of its real type. It is
 * only ever a label: files are stored under server-made names.
 */
export function sanitiseFileName(name: string, mediaType: AcceptedMediaType): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  let clean = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const extensions = EXTENSIONS[mediaType];
  const lower = clean.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(ext))) {
    // "photo.pdf" that is really a JPEG: keep the stem, give it its true extension.
    clean = clean.replace(/\.(pdf|jpe?g|png)$/i, '') + extensions[0];
  }
  const dot = clean.lastIndexOf('.');
  let stem = clean.slice(0, dot);
  const ext = clean.slice(dot);
  if (!stem) stem = 'document';
  if (stem.length > 120 - ext.length) stem = stem.slice(0, 120 - ext.length).trimEnd();
  return stem + ext;
}

/**
 * `${clientId}:${mutationId}:${sha256}`: the device, its upload number and the file's SHA-256.
 * The same key sent again (a retry after a lost answer) stores nothing new.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}:\d{1,15}:[0-9a-f]{64}$/;

export { idempotencyKeyOf } from './document-keys.ts';

/** The text fields of POST /api/documents (multipart); the file is checked by `fileProblem`. */
export const uploadFieldsSchema = z.object({
  kindId: z.string({ error: documentMessages.kind }).trim().min(1, { error: documentMessages.kind }).max(100),
  studentId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  /** A refused document this upload replaces. */
  replacesId: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  idempotencyKey: z.string({ error: documentMessages.idempotency }).regex(IDEMPOTENCY_KEY_PATTERN, { error: documentMessages.idempotency }),
});
export type UploadFields = z.input<typeof uploadFieldsSchema>;

export const refuseDocumentSchema = z.object({
  reason: z
    .string({ error: documentMessages.reason })
    .trim()
    .min(1, { error: documentMessages.reason })
    .max(500, { error: 'Le motif ne peut dépasser 500 caractères.' }),
});

/** A document as the API answers it (the row the pull carries, without the storage key). */
export interface DocumentView {
  id: string;
  familyId: string;
  studentId: string | null;
  kindId: string;
  schoolYear: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  status: 'received' | 'accepted' | 'rejected';
  rejectionReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
  version: number;
}

/** One entry of the secretariat's queue. */
export interface ReviewQueueItem extends DocumentView {
  familyName: string;
  studentName: string | null;
  kindLabel: string;
}

/** The kinds a family still has to provide this school year (required each year, none received or accepted). */
export interface MissingKinds {
  familyId: string;
  familyName: string;
  missing: Array<{ kindId: string; kindLabel: string; studentId: string | null; studentName: string | null }>;
}

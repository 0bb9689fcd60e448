import { z } from 'zod';
import { frenchMessage, vmsg, type IssueCode } from './validation-messages.ts';

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

/**
 * The most pixels an image may have (width × height), read from its header before it is decoded:
 * 50 megapixels, the full-resolution mode of current phones (8064 × 6048 on an iPhone's 48 MP
 * mode, 8160 × 6120 or 8192 × 6144 on 50 MP sensors; their usual mode makes 12 MP). A 108 or
 * 200 MP photo is refused: a document needs far less, and each decoded megapixel costs the server
 * about 6 MB while it is re-encoded (a 50 MP image: about 300 MB).
 */
export const MAX_IMAGE_PIXELS = 8192 * 6144;

/** How many leading bytes `sniffMediaType` needs. */
export const SNIFF_LENGTH = 8;

/** The accepted type these bytes start with, or null (HTML, an executable, a Word file…). */
export function sniffMediaType(head: Uint8Array): AcceptedMediaType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return type;
  }
  return null;
}

/**
 * Each refusal of a document as a validation code with its parameters
 * (shared/validation-messages.ts): the server sends it as `fieldCodes` beside the French text, and
 * the upload form and the upload queue show it in the person's language, even long after (a refusal
 * kept on the device is shown again after a change of language). Numbers stay numbers: sizes in
 * bytes, formatted by each language (`formatBytes`), pixels as they are.
 */
export const documentIssues = {
  type: (maxBytes: number): IssueCode => ({ code: 'documentType', params: { maxBytes } }),
  size: (maxBytes: number): IssueCode => ({ code: 'documentSize', params: { maxBytes } }),
  empty: { code: 'documentEmpty' },
  imageTooLarge: (width: number, height: number): IssueCode => ({
    code: 'imageTooLarge',
    params: { width, height, megapixels: Math.round((width * height) / 1e6), maxMegapixels: Math.round(MAX_IMAGE_PIXELS / 1e6) },
  }),
  quota: (usedBytes: number, fileBytes: number, quotaBytes: number): IssueCode => ({ code: 'documentQuota', params: { fileBytes, usedBytes, quotaBytes } }),
  missingFile: { code: 'documentMissing' },
  unreadable: (maxBytes: number): IssueCode => ({ code: 'documentUnreadable', params: { maxBytes } }),
  kind: { code: 'documentKind' },
  kindNotForOwner: { code: 'documentKindNotForOwner' },
  replaceKind: { code: 'documentReplaceKind' },
  reason: { code: 'reasonRequired' },
  idempotency: { code: 'documentIdempotency' },
  hashMismatch: { code: 'documentHashMismatch' },
} satisfies Record<string, IssueOrMaker>;

type IssueOrMaker = IssueCode | ((...args: number[]) => IssueCode);
type InFrench<T> = { [K in keyof T]: T[K] extends (...args: infer A) => IssueCode ? (...args: A) => string : string };

/**
 * The same refusals in French (the server's `fields`, the upload schema's messages). The fixed ones
 * are made by `vmsg`, so a failed parse of the upload's fields carries their codes; those filled
 * with a file's numbers by `frenchMessage`, which remembers nothing (one entry per image size or
 * quota state would pile up): their codes travel by `documentIssues`.
 */
export const documentMessages = Object.fromEntries(
  Object.entries<IssueOrMaker>(documentIssues).map(([name, issue]) => [
    name,
    typeof issue === 'function' ? (...args: number[]) => frenchMessage(issue(...args)) : vmsg(issue.code),
  ]),
) as InFrench<typeof documentIssues>;

/** The problem with a file of this size and first bytes, or null when it may be sent. */
export function fileIssue(sizeBytes: number, head: Uint8Array, maxBytes: number): IssueCode | null {
  if (sizeBytes === 0) return documentIssues.empty;
  if (sizeBytes > maxBytes) return documentIssues.size(maxBytes);
  if (!sniffMediaType(head)) return documentIssues.type(maxBytes);
  return null;
}

/** The same problem in French. */
export function fileProblem(sizeBytes: number, head: Uint8Array, maxBytes: number): string | null {
  const issue = fileIssue(sizeBytes, head, maxBytes);
  return issue && frenchMessage(issue);
}

const EXTENSIONS: Record<AcceptedMediaType, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};

/** The longest file name read, in bytes of UTF-8: what most file systems allow. Anything longer is cut. */
export const MAX_FILE_NAME_BYTES = 255;

/**
 * The first `MAX_FILE_NAME_BYTES` bytes of a name (in UTF-8), cut between characters. It looks at
 * no more than that many characters, however long the name: it runs before anything else does.
 */
export function boundFileName(name: string): string {
  let bytes = 0;
  let end = 0;
  while (end < name.length) {
    const code = name.codePointAt(end)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > MAX_FILE_NAME_BYTES) break;
    bytes += size;
    end += code > 0xffff ? 2 : 1;
  }
  return name.slice(0, end);
}

/**
 * Characters a name loses: controls (C0, C1), format characters (the bidirectional overrides and
 * isolates U+202A–202E and U+2066–2069, the marks U+200E/200F and U+061C, zero-width characters,
 * soft hyphen, BOM…), lone surrogates, private-use characters, and those Windows reserves. One
 * character at a time, never a pattern that could backtrack.
 */
const DROPPED = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}<>:"|?*]/u;
/** Tabs, line breaks, no-break and other Unicode spaces: one plain space each run. */
const SPACE = /\p{White_Space}/u;

/**
 * A file name fit to show and to offer in a download: at most 255 bytes read, the last path
 * segment only, no control, format (bidirectional) or reserved characters, whitespace as single
 * spaces, no leading or trailing dots and spaces, at most 120 characters, ending with the
 * extension of its real type. Linear in the name's length. It is only ever a label: files are
 * stored under server-made names.
 */
export function sanitiseFileName(name: string, mediaType: AcceptedMediaType): string {
  const bounded = boundFileName(name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
  let clean = '';
  let space = false;
  for (const char of bounded.normalize('NFC')) {
    if (SPACE.test(char)) space = true;
    else if (!DROPPED.test(char)) {
      clean += (space && clean ? ' ' : '') + char;
      space = false;
    }
  }
  clean = trimEnd(clean);
  const extensions = EXTENSIONS[mediaType];
  const lower = clean.toLowerCase();
  if (!extensions.some((ext) => lower.endsWith(ext))) {
    // "photo.pdf" that is really a JPEG: keep the stem, give it its true extension.
    const known = /\.(pdf|jpe?g|png)$/i.exec(clean.slice(-5));
    clean = clean.slice(0, clean.length - (known?.[0].length ?? 0)) + extensions[0];
  }
  const dot = clean.lastIndexOf('.');
  const ext = clean.slice(dot);
  let stem = clean.slice(0, dot);
  if (stem.length > 120 - ext.length) {
    stem = stem.slice(0, 120 - ext.length);
    // Never half an emoji (a lone surrogate breaks the download's header).
    if (/[\ud800-\udbff]$/.test(stem)) stem = stem.slice(0, -1);
  }
  // No leading or trailing dots and spaces (".pdf" alone is "document.pdf").
  let start = 0;
  while (start < stem.length && (stem[start] === '.' || stem[start] === ' ')) start++;
  stem = trimEnd(stem.slice(start));
  return (stem || 'document') + ext;
}

/** Without its trailing dots and spaces. */
function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === '.' || s[end - 1] === ' ')) end--;
  return s.slice(0, end);
}

/**
 * `${clientId}:${mutationId}:${sha256}`: the device, its upload number and the file's SHA-256.
 * The same key sent again (a retry after a lost answer) stores nothing new.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}:\d{1,15}:[0-9a-f]{64}$/;

/** The text fields of POST /api/documents (multipart); the file is checked by `fileIssue`. */
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

export const refuseDocumentSchema = z.object({
  reason: z
    .string({ error: documentMessages.reason })
    .trim()
    .min(1, { error: documentMessages.reason })
    .max(500, { error: vmsg('reasonTooLong', { max: 500 }) }),
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

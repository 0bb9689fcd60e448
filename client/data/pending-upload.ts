import type { IssueCode } from '../../shared/validation-messages.ts';

/**
 * A document chosen on this device, with its bytes, until the server has it. `id` is this
 * device's upload number: with the client id and the file's SHA-256 it makes the idempotency
 * key, so an upload whose answer was lost and is sent again is stored once.
 *
 * Uploads have their own queue (document-queue.ts) rather than rows in the JSON outbox: their
 * bytes travel as a multipart POST with progress, and their numbers must not leave gaps in the
 * push's mutation-id sequence (the push would stop at the gap). They share the outbox's client id.
 * The type lives apart from the queue so the database's schema does not import the queue.
 */
export interface PendingUpload {
  id: number;
  familyId: string;
  studentId: string | null;
  kindId: string;
  /** A refused document this one replaces. */
  replacesId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  blob: Blob;
  createdAt: string;
  idempotencyKey: string;
  /**
   * The id the server gives the document (derived from the family and the key): set before the
   * first send, so a pull that brings the stored document settles this upload even when the send's
   * own answer was lost. Missing on uploads never sent yet. Not indexed: no new Dexie version.
   */
  documentId?: string;
  /** Refused for good by the server (shown with a "Retirer" button, not sent again): its reason, in French. */
  error?: string | null;
  /**
   * The code and parameters of that reason, so it shows in the language of the moment (it may be
   * read offline, after a change of language). Missing on uploads refused before codes were kept,
   * and for reasons without one: `error` is shown as it is. Not indexed: no new Dexie version.
   */
  errorCode?: IssueCode | null;
}

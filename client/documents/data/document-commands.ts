import type { DocumentView } from '../../../shared/document-rules.ts';
import type { IssueCode } from '../../../shared/validation-messages.ts';
import { runCommand } from '../../data/command-client.ts';
import type { UploadInput } from '../../data/document-queue.ts';
import { uploadEvents, type UploadEventDetail } from '../../data/upload-events.ts';

/**
 * What became of a document: on the server; kept on this device, because it is offline or for a
 * later trigger (server unavailable, session expired); or refused for good (the French reason,
 * with its code when the server gave one).
 */
export type QueueDocumentResult = { sent: DocumentView } | { queued: 'offline' | 'later'; uploadId: number } | { rejected: string; code?: IssueCode };

/** The file already named as the server will store it (sanitiseFileName), its kind and owner. */
export type QueueDocumentInput = Omit<UploadInput, 'file' | 'fileName'> & { file: File };

/**
 * Sends a document through the upload queue (docs/sync.md#uploads): the file is kept on the
 * device first (row and Blob in one Dexie transaction, so it survives a reload), then the queue
 * is sent, oldest first. The answer comes from the send that carried this upload: `{ sent }`
 * with the document as the server stored it, `{ rejected }` with the server's reason (the upload
 * stays aside with it until "Retirer"), or `{ queued }` when it is still waiting (offline, server
 * unavailable, session expired: a later trigger sends it).
 *
 * `onQueued` gets the kept file's name once it is stored; `onProgress` the bytes sent.
 */
export async function queueDocument(
  input: QueueDocumentInput,
  opts: { onQueued?: (fileName: string) => void; onProgress?: (loaded: number, total: number) => void } = {},
): Promise<QueueDocumentResult> {
  let id: number | null = null;
  let result: QueueDocumentResult | null = null;
  const onUpload = (event: Event) => {
    const detail = (event as CustomEvent<UploadEventDetail>).detail;
    if (detail.id !== id || result) return;
    if (detail.type === 'progress') opts.onProgress?.(detail.loaded, detail.total);
    else if (detail.type === 'sent') result = { sent: detail.document };
    else result = { rejected: detail.message, code: detail.code };
  };
  uploadEvents.addEventListener('upload', onUpload);
  try {
    const upload = await runCommand('queueUpload', { ...input, fileName: input.file.name });
    id = upload.id;
    opts.onQueued?.(upload.fileName);
    // Chained behind any send already under way, which may carry this upload: when this one
    // returns, whatever could send it has answered.
    const outcome = await runCommand('sendPendingUploads');
    return result ?? { queued: outcome === 'offline' ? 'offline' : 'later', uploadId: upload.id };
  } finally {
    uploadEvents.removeEventListener('upload', onUpload);
  }
}

/** Drops a document the server refused for good, once the person has seen why. */
export function discardDocument(uploadId: number): Promise<void> {
  return runCommand('discardUpload', uploadId);
}

/**
 * Calls `onStored` once a kept upload reaches the server through this tab's queue (the network's
 * return, a retry, a pull that brings its document), so the form that said "kept on this device"
 * can say it was sent. Another tab's send is not heard (the list still shows the document
 * received). Returns the function that stops listening.
 */
export function whenStored(uploadId: number, onStored: (document: DocumentView) => void): () => void {
  const listen = (event: Event) => {
    const detail = (event as CustomEvent<UploadEventDetail>).detail;
    if (detail.id !== uploadId || detail.type !== 'sent') return;
    stop();
    onStored(detail.document);
  };
  const stop = () => uploadEvents.removeEventListener('upload', listen);
  uploadEvents.addEventListener('upload', listen);
  return stop;
}

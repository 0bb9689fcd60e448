import { idempotencyKeyOf } from '../../shared/document-keys.ts';
import type { DocumentView } from '../../shared/document-rules.ts';
import { isApiErrorBody } from '../../shared/api-error.ts';
import { sessionExpired } from '../api/http.ts';
import { db } from './db.ts';
import { refreshPendingCount } from './pending-count.ts';
import { CLIENT_ID_KEY } from './outbox-keys.ts';
import type { PendingUpload } from './pending-upload.ts';
import type { DocumentRecord } from './records.ts';
import { requestPull } from './pull-request.ts';
import { syncStatus } from './sync-status.ts';
import { emitUploadEvent as emit } from './upload-events.ts';

const NEXT_UPLOAD_KEY = 'nextUploadId';
const LOCK_NAME = 'portee-uploads';

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A chosen file, its name apart: a File's name does not survive every structured clone (Node's
 * gives back a Blob), and the file crosses to the data worker as one.
 */
export interface UploadInput {
  familyId: string;
  studentId: string | null;
  kindId: string;
  replacesId: string | null;
  file: Blob;
  fileName: string;
  mediaType: string;
}

/**
 * Keeps a chosen file on the device: the upload row (with the Blob) and the counter are written
 * in one Dexie transaction, then sending starts. Online or not, every upload takes this path,
 * so a file is never lost between the choice and the server's answer.
 */
export async function queueUpload(input: UploadInput): Promise<{ id: number; fileName: string }> {
  const bytes = await input.file.arrayBuffer();
  const sha256 = await sha256Hex(bytes);
  const blob = new Blob([bytes], { type: input.mediaType });
  const row = await db.transaction('rw', db.pendingUploads, db.meta, async () => {
    let clientId = (await db.meta.get(CLIENT_ID_KEY))?.value as string | undefined;
    if (!clientId) {
      clientId = crypto.randomUUID();
      await db.meta.put({ key: CLIENT_ID_KEY, value: clientId });
    }
    const id = ((await db.meta.get(NEXT_UPLOAD_KEY))?.value as number | undefined) ?? 1;
    const upload: PendingUpload = {
      id,
      familyId: input.familyId,
      studentId: input.studentId,
      kindId: input.kindId,
      replacesId: input.replacesId,
      fileName: input.fileName || 'document',
      mediaType: input.mediaType,
      size: bytes.byteLength,
      sha256,
      blob,
      createdAt: new Date().toISOString(),
      idempotencyKey: idempotencyKeyOf(clientId, id, sha256),
      error: null,
    };
    await db.pendingUploads.add(upload);
    await db.meta.put({ key: NEXT_UPLOAD_KEY, value: id + 1 });
    return upload;
  });
  await refreshPendingCount();
  // Its number and name, not the row: the file's bytes need not cross back to the page.
  return { id: row.id, fileName: row.fileName };
}

/** Drops an upload the server refused for good, once the person has seen why. */
export async function discardUpload(id: number) {
  await db.pendingUploads.delete(id);
  await refreshPendingCount();
}

type SendResult = 'sent' | 'refused' | 'offline' | 'expired' | 'error';

/** The fields whose message says why an upload was refused, the first one present winning. */
const REFUSED_FIELDS = ['file', 'kindId', 'idempotencyKey'] as const;

function post(upload: PendingUpload): Promise<{ status: number; body: unknown } | 'offline'> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.set('kindId', upload.kindId);
    if (upload.studentId) form.set('studentId', upload.studentId);
    if (upload.replacesId) form.set('replacesId', upload.replacesId);
    form.set('idempotencyKey', upload.idempotencyKey);
    form.set('file', upload.blob, upload.fileName);
    // XMLHttpRequest rather than fetch: it reports the upload's progress.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => emit({ type: 'progress', id: upload.id, loaded: e.loaded, total: e.lengthComputable ? e.total : upload.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled by status
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve('offline');
    xhr.ontimeout = () => resolve('offline');
    xhr.send(form);
  });
}

async function sendOne(upload: PendingUpload): Promise<SendResult> {
  const answer = await post(upload);
  if (answer === 'offline') {
    syncStatus.set({ online: false });
    return 'offline';
  }
  syncStatus.set({ online: true });
  if (answer.status === 200 || answer.status === 201) {
    const { document } = answer.body as { document: DocumentView };
    // The document as the server stored it replaces the pending entry at once; the next pull agrees.
    // Unless the device was wiped while it was on its way (sign-out): then the row is gone, and
    // the signed-out account's document must not be left for the next one.
    await db.transaction('rw', db.documents, db.pendingUploads, async () => {
      if (!(await db.pendingUploads.get(upload.id))) return;
      await db.documents.put(document as unknown as DocumentRecord);
      if (upload.replacesId) await db.documents.delete(upload.replacesId);
      await db.pendingUploads.delete(upload.id);
    });
    emit({ type: 'sent', id: upload.id, document });
    return 'sent';
  }
  if (answer.status === 401) {
    sessionExpired.dispatchEvent(new Event('expired'));
    return 'expired';
  }
  if (answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429) {
    const error = isApiErrorBody(answer.body) ? answer.body.error : null;
    // The refused field's French text, kept with its code (shown in the language of the moment).
    const field = REFUSED_FIELDS.find((name) => error?.fields?.[name]);
    const message = (field && error?.fields?.[field]) || (error?.message ?? 'Le serveur a refusé ce document.');
    const code = field ? error?.fieldCodes?.[field] : undefined;
    await db.pendingUploads.update(upload.id, { error: message, errorCode: code ?? null });
    emit({ type: 'failed', id: upload.id, message, code });
    return 'refused';
  }
  return 'error';
}

let running: Promise<'done' | 'offline' | 'expired' | 'error'> | null = null;

/**
 * Sends the waiting uploads, oldest first, one at a time. A network failure or a 5xx keeps them
 * for the next trigger (app start, sign-in, `online`, a new file); a 401 keeps them for the same
 * account's next sign-in. One tab at a time (Web Lock).
 */
export function sendPendingUploads(): Promise<'done' | 'offline' | 'expired' | 'error'> {
  type Outcome = 'done' | 'offline' | 'expired' | 'error';
  const run = async (): Promise<Outcome> => {
    let sent = false;
    try {
      for (;;) {
        const next = (await db.pendingUploads.orderBy('id').toArray()).find((u) => !u.error);
        if (!next) return 'done';
        const result = await sendOne(next);
        if (result === 'sent') sent = true;
        if (result === 'offline' || result === 'expired' || result === 'error') return result;
      }
    } finally {
      await refreshPendingCount();
      if (sent) requestPull();
    }
  };
  const locked = (): Promise<Outcome> =>
    typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(LOCK_NAME, run) as unknown as Promise<Outcome>) : run();
  // A send already under way in this tab picks up what was queued meanwhile: chain, never overlap.
  const chained: Promise<Outcome> = (running ?? Promise.resolve<unknown>(undefined)).then(locked, locked);
  running = chained;
  void chained.finally(() => {
    if (running === chained) running = null;
  });
  return chained;
}

/** A session is open on this device: the `online` event sends (uploadQueue). */
let active = false;
const sendIfActive = () => {
  if (active) void sendPendingUploads().catch((error) => console.error('[uploads]', error));
};

/**
 * The upload queue's triggers while a session is open (started and stopped by device-work.ts,
 * never on import): now, and on the network's return (the page hears it: `networkBack`). A new
 * file sends at once through `queueDocument`.
 */
export const uploadQueue = {
  start() {
    active = true;
    sendIfActive();
  },
  stop() {
    active = false;
  },
  networkBack: sendIfActive,
};

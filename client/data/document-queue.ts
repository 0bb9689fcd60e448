import { documentIdFromHash, documentIdSource, idempotencyKeyOf } from '../../shared/document-keys.ts';
import type { DocumentView } from '../../shared/document-rules.ts';
import { isApiErrorBody } from '../../shared/api-error.ts';
import { sessionExpired } from '../api/http.ts';
import { db } from './db.ts';
import { refreshPendingCount } from './pending-count.ts';
import { CLIENT_ID_KEY } from './outbox-keys.ts';
import type { PendingUpload } from './pending-upload.ts';
import type { DocumentRecord } from './records.ts';
import { requestPull } from './pull-request.ts';
import { RetryBackoff } from './retry-backoff.ts';
import { syncStatus } from './sync-status.ts';
import { emitUploadEvent as emit } from './upload-events.ts';

const NEXT_UPLOAD_KEY = 'nextUploadId';
const LOCK_NAME = 'portee-uploads';
/**
 * An upload whose file moved no byte up for this long is given up as lost and sent again later
 * (the key makes it one document). A phone's connection that dies silently leaves a request open
 * for minutes, and it holds the queue's lock all that time. Progress events come many times a
 * second while bytes flow.
 */
const STALL_MS = 60_000;
/**
 * Once the whole file is up, how long its answer may take: the server may queue an image behind
 * others and re-encode it (seconds to tens of seconds for a large photo), and on a slow network
 * the last bytes still drain from the socket. Giving up too early would send the whole file again.
 */
const ANSWER_MS = 5 * 60_000;
/**
 * A failing upload is sent again in full (the server knows a replay only once it has read it),
 * so the retries space out further than the push's: at most ten minutes apart.
 */
const MAX_RETRY_DELAY_MS = 10 * 60_000;

async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The id the server will give this upload's document (shared/document-keys.ts). */
export async function documentIdOf(familyId: string, idempotencyKey: string): Promise<string> {
  return documentIdFromHash(await sha256Hex(new TextEncoder().encode(documentIdSource(familyId, idempotencyKey))));
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

/** `gone`: the upload left the queue meanwhile (a wipe, or a pull that brought its document). */
type SendResult = 'sent' | 'refused' | 'gone' | 'offline' | 'expired' | 'error';

/** The fields whose message says why an upload was refused, the first one present winning. */
const REFUSED_FIELDS = ['file', 'kindId', 'idempotencyKey'] as const;

interface SendTimes {
  /** How long the file may move no byte on its way up (STALL_MS). */
  stallMs: number;
  /** How long the answer may take once the file is up (ANSWER_MS). */
  answerMs: number;
}

function post(upload: PendingUpload, { stallMs, answerMs }: SendTimes): Promise<{ status: number; body: unknown } | 'offline'> {
  return new Promise((resolve) => {
    const form = new FormData();
    form.set('kindId', upload.kindId);
    if (upload.studentId) form.set('studentId', upload.studentId);
    if (upload.replacesId) form.set('replacesId', upload.replacesId);
    form.set('idempotencyKey', upload.idempotencyKey);
    form.set('file', upload.blob, upload.fileName);
    // XMLHttpRequest rather than fetch: it reports the upload's progress.
    const xhr = new XMLHttpRequest();
    let stall: ReturnType<typeof setTimeout> | undefined;
    let waitMs = stallMs;
    const alive = () => {
      clearTimeout(stall);
      stall = setTimeout(() => xhr.abort(), waitMs);
    };
    const settle = (answer: { status: number; body: unknown } | 'offline') => {
      clearTimeout(stall);
      resolve(answer);
    };
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      alive();
      emit({ type: 'progress', id: upload.id, loaded: e.loaded, total: e.lengthComputable ? e.total : upload.size });
    };
    xhr.upload.onload = () => {
      waitMs = answerMs;
      alive();
    };
    xhr.onprogress = alive;
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled by status
      }
      settle({ status: xhr.status, body });
    };
    xhr.onerror = () => settle('offline');
    xhr.ontimeout = () => settle('offline');
    xhr.onabort = () => settle('offline');
    alive();
    xhr.send(form);
  });
}

/**
 * Writes `change` to this upload's row, unless the row is gone or is another upload under the same
 * number: a wipe (sign-out) starts the numbers over, and another account's file may have taken it.
 * The key holds the client id, which the wipe renews. Returns whether the row was this upload's.
 */
function whileStillQueued(upload: PendingUpload, change: () => Promise<unknown>): Promise<boolean> {
  return db.transaction('rw', db.documents, db.pendingUploads, async () => {
    if ((await db.pendingUploads.get(upload.id))?.idempotencyKey !== upload.idempotencyKey) return false;
    await change();
    return true;
  });
}

const isStoredDocument = (body: unknown): body is { document: DocumentView } =>
  typeof (body as { document?: { id?: unknown } } | null)?.document?.id === 'string';

async function sendOne(upload: PendingUpload, times: SendTimes): Promise<SendResult> {
  if (!upload.documentId) {
    // Known before the server can have the document: a pull that brings it settles this upload.
    const documentId = await documentIdOf(upload.familyId, upload.idempotencyKey);
    if (!(await whileStillQueued(upload, () => db.pendingUploads.update(upload.id, { documentId })))) return 'gone';
  }
  const answer = await post(upload, times);
  if (answer === 'offline') {
    syncStatus.set({ online: false });
    return 'offline';
  }
  syncStatus.set({ online: true });
  // A 2xx that is not the stored document (a captive portal's page, a proxy's) is not an answer.
  if ((answer.status === 200 || answer.status === 201) && isStoredDocument(answer.body)) {
    const { document } = answer.body;
    // The document as the server stored it replaces the pending entry at once; the next pull agrees.
    // Unless the device was wiped while it was on its way (sign-out): then the row is gone, and
    // the signed-out account's document must not be left for the next one.
    const mine = await whileStillQueued(upload, async () => {
      await db.documents.put(document as unknown as DocumentRecord);
      if (upload.replacesId) await db.documents.delete(upload.replacesId);
      await db.pendingUploads.delete(upload.id);
    });
    if (!mine) return 'gone';
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
    if (!(await whileStillQueued(upload, () => db.pendingUploads.update(upload.id, { error: message, errorCode: code ?? null })))) return 'gone';
    emit({ type: 'failed', id: upload.id, message, code });
    return 'refused';
  }
  return 'error';
}

/**
 * Inside the pull's transaction: the waiting uploads whose document the pull brings, or deletes,
 * leave the queue (docs/sync.md#uploads). Returns what to do once the pull has committed: recount,
 * and tell a form still waiting for its upload's answer that the document was stored.
 */
export async function settleUploads(arrived: ReadonlyArray<{ id: string }>, deletedIds: readonly string[]): Promise<() => Promise<void>> {
  const stored = new Map(arrived.map((d) => [d.id, d]));
  const known = new Set([...stored.keys(), ...deletedIds]);
  const settled = known.size ? await db.pendingUploads.filter((u) => !!u.documentId && known.has(u.documentId)).toArray() : [];
  if (!settled.length) return async () => {};
  await db.pendingUploads.bulkDelete(settled.map((u) => u.id));
  return async () => {
    for (const upload of settled) {
      const document = stored.get(upload.documentId!);
      if (document) emit({ type: 'sent', id: upload.id, document: document as unknown as DocumentView });
    }
    await refreshPendingCount();
  };
}

let running: Promise<'done' | 'offline' | 'expired' | 'error'> | null = null;

/** A session is open on this device: the `online` event and the back-off's retries send (uploadQueue). */
let active = false;
const sendIfActive = () => {
  if (active) void sendPendingUploads().catch((error) => console.error('[uploads]', error));
};
const backoff = new RetryBackoff(sendIfActive, MAX_RETRY_DELAY_MS);

/**
 * Sends the waiting uploads, oldest first, one at a time. A network failure, a stalled request or
 * a 5xx keeps them and tries again with back-off — the network may never go away and come back to
 * say so — and on the next trigger (app start, sign-in, `online`, a new file); a 401 keeps them for
 * the same account's next sign-in. If the server stored the file and only its answer was lost, the
 * pull that brings the document settles the upload (pull-apply.ts), or the retry's replay does.
 * One tab at a time (Web Lock).
 *
 * `times`: how long a request may stall (STALL_MS, ANSWER_MS); tests shorten them.
 */
export function sendPendingUploads({ stallMs = STALL_MS, answerMs = ANSWER_MS }: Partial<SendTimes> = {}): Promise<'done' | 'offline' | 'expired' | 'error'> {
  type Outcome = 'done' | 'offline' | 'expired' | 'error';
  const run = async (): Promise<Outcome> => {
    let sent = false;
    // This send replaces a planned retry; if it fails, it plans its own.
    backoff.cancel();
    try {
      for (;;) {
        const next = (await db.pendingUploads.orderBy('id').toArray()).find((u) => !u.error);
        if (!next) {
          backoff.succeeded();
          return 'done';
        }
        const result = await sendOne(next, { stallMs, answerMs });
        if (result === 'sent') sent = true;
        if (result === 'offline' || result === 'error') backoff.later();
        if (result === 'offline' || result === 'expired' || result === 'error') return result;
      }
    } catch (error) {
      // The database failed under it: the queue is kept, and tried again like any failed send.
      backoff.later();
      throw error;
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

/**
 * The upload queue's triggers while a session is open (started and stopped by device-work.ts,
 * never on import): now, the back-off's retries, and the network's return (the page hears it:
 * `networkBack`, which also starts the delays over). A new file sends at once through `queueDocument`.
 */
export const uploadQueue = {
  start() {
    active = true;
    sendIfActive();
  },
  stop() {
    active = false;
    backoff.cancel();
  },
  networkBack() {
    backoff.reset();
    sendIfActive();
  },
};

import type { MutationError, MutationResult, PushResponse } from '../../shared/push-protocol.ts';
import { refreshPendingCount } from './pending-count.ts';
import { answer, apiClient, HttpError, OfflineError } from '../api/http.ts';
import { db } from './db.ts';
import { CLIENT_ID_KEY, NEXT_MUTATION_KEY, REJECTIONS_KEY, type StoredRejection } from './outbox-keys.ts';
import { unwatchPendingCount, watchPendingCount } from './pending-watch.ts';
import { requestPull } from './pull-request.ts';
import { RetryBackoff } from './retry-backoff.ts';

const LOCK_NAME = 'portee-push';
/** The highest mutation id the server has answered for this device's client (in `meta`). */
const LAST_ANSWERED_KEY = 'lastAnsweredMutationId';
const BATCH = 100;

export type PushOutcome = 'done' | 'offline' | 'expired' | 'error';

/** What the server did with one mutation: applied, or refused for good with its field messages. */
export type MutationOutcome = 'applied' | { rejected: MutationError; mutationId: number };

/** Who waits for a mutation's answer (a command that queued it), by mutation id. */
const watchers = new Map<number, (outcome: MutationOutcome) => void>();

/**
 * Tells `onAnswer` what the server did with mutation `mutationId`, whichever push sends it (this
 * tab's timer, the `online` event, the submitter's own push). Register it before the row can be
 * sent (inside the transaction that queues it), and `unwatchMutation` once no longer interested.
 */
export function watchMutation(mutationId: number, onAnswer: (outcome: MutationOutcome) => void) {
  watchers.set(mutationId, onAnswer);
}

export function unwatchMutation(mutationId: number) {
  watchers.delete(mutationId);
}

const backoff = new RetryBackoff(() => {
  if (active) void pushNow().catch((error) => console.error('[push]', error));
});
/** A session is open on this device: back-off retries and the `online` event push (pushQueue). */
let active = false;

/**
 * Sends the outbox (docs/sync.md), oldest first, in batches. One tab at a time (Web Lock; a
 * second caller waits, then finds the queue empty or sends what was added meanwhile). Each batch
 * is read from the database once the lock is held, so two tabs never hold the same rows in
 * flight; a tab closed mid-request releases the lock and the next holder sends its rows again,
 * which the server applies only once (it stores the client's last applied id with the effects).
 * - acknowledged ids (≤ lastMutationId) leave the queue, with rejections kept for display;
 * - a network failure or a 5xx keeps the queue and retries with back-off;
 * - a 401 keeps the queue: http.ts has already started the "session expired" flow, and the push
 *   resumes when the same account signs in again (another account wipes the device first);
 * - after anything was sent, a pull brings the requests' server state.
 */
export async function pushNow(): Promise<PushOutcome> {
  const run = async (): Promise<PushOutcome> => {
    let sent = false;
    try {
      for (;;) {
        const clientId = (await db.meta.get(CLIENT_ID_KEY))?.value as string | undefined;
        const rows = await db.outbox.orderBy('mutationId').limit(BATCH).toArray();
        if (!rows.length || !clientId) break;
        let pushed: PushResponse;
        try {
          pushed = await answer(
            apiClient.sync.push.$post({
              json: { clientId, mutations: rows.map((r) => ({ mutationId: r.mutationId, name: r.name, args: r.args, baseVersion: r.baseVersion })) },
            }),
          );
        } catch (error) {
          if (error instanceof OfflineError) return retryLater('offline');
          if (error instanceof HttpError && error.status === 401) return 'expired';
          console.error('[push]', error);
          return retryLater('error');
        }
        sent = true;
        // The device wiped meanwhile (sign-out): the answer is the old account's, not this database's.
        if (!(await acknowledge(clientId, pushed))) break;
        if (pushed.expected !== undefined && !(await renumberFrom(clientId, pushed.expected))) break;
        const first = await db.outbox.orderBy('mutationId').first();
        if (first && first.mutationId === rows[0].mutationId) break; // no progress: do not spin
      }
      backoff.succeeded();
      return 'done';
    } finally {
      await answerFromDevice().catch((error) => console.error('[push]', error));
      await refreshPendingCount();
      // The page's pull queues behind any pull already running (which may have read its cursor before our push).
      if (sent) requestPull();
    }
  };
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(LOCK_NAME, run);
  return run();
}

/** Pushes soon (after a local edit): now if nothing else is running. */
export function schedulePush() {
  backoff.cancel();
  void pushNow().catch((error) => console.error('[push]', error));
}

function retryLater(outcome: PushOutcome): PushOutcome {
  backoff.later();
  return outcome;
}

/** Whether the outbox is still the one a batch was read from: a wipe (sign-out) drops its client id. */
async function sameClient(clientId: string): Promise<boolean> {
  return (await db.meta.get(CLIENT_ID_KEY))?.value === clientId;
}

/**
 * Drops what the server has applied or refused; refused ones are kept for the screens to show.
 * False, writing nothing, when the device was wiped while the batch was on its way: the answer
 * would leave the signed-out account's traces for the next one.
 */
async function acknowledge(clientId: string, answer: PushResponse): Promise<boolean> {
  const refused = answer.results.filter((r): r is Extract<MutationResult, { error: unknown }> => 'error' in r);
  const done = await db.transaction('rw', db.outbox, db.meta, async () => {
    if (!(await sameClient(clientId))) return null;
    const done = await db.outbox.where('mutationId').belowOrEqual(answer.lastMutationId).toArray();
    if (refused.length) {
      const list = ((await db.meta.get(REJECTIONS_KEY))?.value as StoredRejection[] | undefined) ?? [];
      for (const r of refused) {
        const row = done.find((d) => d.mutationId === r.mutationId);
        list.push({ mutationId: r.mutationId, name: row?.name ?? '', args: row?.args, error: r.error, at: new Date().toISOString() });
      }
      await db.meta.put({ key: REJECTIONS_KEY, value: list });
    }
    await db.outbox.bulkDelete(done.map((d) => d.mutationId));
    await db.meta.put({ key: LAST_ANSWERED_KEY, value: answer.lastMutationId });
    return done;
  });
  if (!done) return false;
  // Told once the transaction committed: the queue and the kept refusals already say the same.
  for (const row of done) {
    const onAnswer = watchers.get(row.mutationId);
    if (!onAnswer) continue;
    watchers.delete(row.mutationId);
    const error = refused.find((r) => r.mutationId === row.mutationId)?.error;
    onAnswer(error ? { rejected: error, mutationId: row.mutationId } : 'applied');
  }
  return true;
}

/**
 * Mutations this tab waits for that another tab's push carried (it read them from the shared
 * outbox while holding the lock): the server has answered them (id ≤ the last answered one) and
 * they left the queue, so their answer is on the device — refused ones among the kept
 * refusals, the others applied. Without this, the form that queued one would say "kept on this
 * device" for an edit already on the server.
 */
async function answerFromDevice() {
  if (!watchers.size) return;
  const { queued, answered, refused } = await db.transaction('r', db.outbox, db.meta, async () => ({
    queued: new Set(await db.outbox.toCollection().primaryKeys()),
    answered: ((await db.meta.get(LAST_ANSWERED_KEY))?.value as number | undefined) ?? 0,
    refused: ((await db.meta.get(REJECTIONS_KEY))?.value as StoredRejection[] | undefined) ?? [],
  }));
  for (const [mutationId, onAnswer] of [...watchers]) {
    if (mutationId > answered || queued.has(mutationId)) continue;
    watchers.delete(mutationId);
    const error = refused.find((r) => r.mutationId === mutationId)?.error;
    onAnswer(error ? { rejected: error, mutationId } : 'applied');
  }
}

/**
 * The server expects an id below our oldest queued one (it never saw those in between, e.g. its
 * database was restored): renumber the queue from the expected id, in order, so nothing is lost.
 */
async function renumberFrom(clientId: string, expected: number): Promise<boolean> {
  const rows = await db.transaction('rw', db.outbox, db.meta, async () => {
    if (!(await sameClient(clientId))) return null;
    const rows = await db.outbox.orderBy('mutationId').toArray();
    if (!rows.length || rows[0].mutationId <= expected) return null;
    await db.outbox.clear();
    await db.outbox.bulkAdd(rows.map((r, i) => ({ ...r, mutationId: expected + i })));
    await db.meta.put({ key: NEXT_MUTATION_KEY, value: expected + rows.length });
    return rows;
  });
  if (!rows) return false;
  // A command waiting for one of these mutations follows it under its new id.
  const moved = rows.map((r, i) => [expected + i, watchers.get(r.mutationId)] as const);
  for (const r of rows) watchers.delete(r.mutationId);
  for (const [id, onAnswer] of moved) if (onAnswer) watchers.set(id, onAnswer);
  return true;
}


/**
 * The push loop's triggers while a session is open (started and stopped by device-work.ts, never
 * on import): now (the app start with a kept session, each sign-in), the network's return (the
 * page hears it and says so: `networkBack`), and the back-off retries. A local edit pushes by
 * itself (`enqueueMutation`).
 */
export const pushQueue = {
  start() {
    active = true;
    // The count of waiting changes follows every tab's edits and pushes, not only this tab's.
    watchPendingCount();
    schedulePush();
  },
  stop() {
    active = false;
    unwatchPendingCount();
    backoff.cancel();
  },
  networkBack() {
    if (!active) return;
    backoff.reset();
    schedulePush();
  },
};

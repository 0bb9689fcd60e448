import { HttpError, OfflineError, sessionExpired } from '../api/http.ts';
import { dataWorker, onDataWorkerLost } from './data-worker.ts';
import type { PullLanded } from './pull-apply.ts';
import type { PullAsk, PullOutcome } from './pull-messages.ts';
import { syncStatus } from './sync-status.ts';

/** Where there is no worker: the same pull on the page, loaded then (it brings the database). */
async function fetchAndApply(background: boolean): Promise<PullLanded> {
  return (await import('./pull-apply.ts')).fetchAndApply(background);
}

/** The worker could not start, or died: the pull runs on the page instead. */
class WorkerUnavailable extends Error {}

let lastId = 0;
const asked = new Map<number, { resolve: (outcome: PullOutcome) => void; reject: (error: Error) => void }>();
let listening: Worker | undefined;

/** The data worker, answering this module's pulls (its queries' answers come on their own port). */
function pullWorker(): Worker | null {
  const w = dataWorker();
  if (w && listening !== w) {
    listening = w;
    w.addEventListener('message', ({ data }: MessageEvent<PullOutcome>) => {
      asked.get(data.id)?.resolve(data);
      asked.delete(data.id);
    });
    onDataWorkerLost(() => {
      for (const { reject } of asked.values()) reject(new WorkerUnavailable());
      asked.clear();
    });
  }
  return w;
}

/**
 * One pull (the caller holds the lock), in the data worker when there is one, else on the page.
 * Either way the page sees the same outcomes as from its own transport (client/api/http.ts):
 * the online state set, OfflineError, HttpError (a 401 telling `sessionExpired`).
 */
export async function runPull(background: boolean): Promise<PullLanded> {
  const w = pullWorker();
  if (!w) return fetchAndApply(background);
  let outcome: PullOutcome;
  try {
    outcome = await new Promise<PullOutcome>((resolve, reject) => {
      const id = ++lastId;
      asked.set(id, { resolve, reject });
      w.postMessage({ id, background } satisfies PullAsk);
    });
  } catch (error) {
    // Applied or not, the stored cursor says where to start again: nothing is lost or doubled.
    if (error instanceof WorkerUnavailable) return fetchAndApply(background);
    throw error;
  }
  switch (outcome.kind) {
    case 'landed':
      syncStatus.set({ online: true });
      return { fromCursor: outcome.fromCursor, lastSyncAt: outcome.lastSyncAt };
    case 'offline':
      syncStatus.set({ online: false });
      throw new OfflineError();
    case 'http':
      syncStatus.set({ online: true });
      if (outcome.status === 401) sessionExpired.dispatchEvent(new Event('expired'));
      throw new HttpError(outcome.status, outcome.body);
    case 'failed':
      throw new Error(outcome.message);
  }
}

import { HttpError, OfflineError, sessionExpired } from '../api/http.ts';
import { fetchAndApply, type PullLanded } from './pull-apply.ts';
import type { PullAsk, PullOutcome } from './pull-messages.ts';
import { syncStatus } from './sync-status.ts';

/** The worker could not start, or died: the pull runs on the page instead. */
class WorkerUnavailable extends Error {}

/** Started on the first pull; null once it proved unavailable (then never tried again). */
let worker: Worker | null | undefined;
let lastId = 0;
const asked = new Map<number, { resolve: (outcome: PullOutcome) => void; reject: (error: Error) => void }>();

/**
 * The pull worker, where Vite serves the app (its build and its dev server bundle the worker's
 * module). The component tests' server does not, and those tests answer the pull by replacing
 * the page's own fetch: there, as in a browser without workers, the pull runs on the page.
 */
function pullWorker(): Worker | null {
  if (worker !== undefined) return worker;
  // Vite defines import.meta.env; other servers (the component tests') leave it undefined.
  const bundled = (import.meta as { env?: unknown }).env !== undefined;
  if (typeof Worker === 'undefined' || !bundled) return (worker = null);
  try {
    worker = new Worker(new URL('./pull-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = ({ data }: MessageEvent<PullOutcome>) => {
    asked.get(data.id)?.resolve(data);
    asked.delete(data.id);
  };
  // A script that failed to load (or a worker that died): the pulls asked of it run on the page.
  worker.onerror = (event) => {
    event.preventDefault();
    console.error('[sync] pull worker unavailable:', event.message);
    worker?.terminate();
    worker = null;
    for (const { reject } of asked.values()) reject(new WorkerUnavailable());
    asked.clear();
  };
  return worker;
}

/**
 * One pull (the caller holds the lock), in the pull worker when there is one, else on the page.
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

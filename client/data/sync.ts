import { OfflineError } from '../api/http.ts';
import { runCommand } from './command-client.ts';
import { pullRequests } from './pull-request.ts';
import { runPull } from './pull-runner.ts';
import { syncStatus } from './sync-status.ts';

const LOCK_NAME = 'portee-sync';
const TIMER_MS = 60_000;

/** The pull waiting to start behind the running one (at most one): a new request joins it. */
let waiting: Promise<boolean> | null = null;
/** Whether someone asked for the waiting pull in person (not the timer): it then extends the session. */
let waitingForeground = false;
/** Without Web Locks: pulls run one after the other. */
let chain: Promise<unknown> = Promise.resolve();

/**
 * Pull (docs/sync.md): asks for what changed since the stored cursor and applies it in one Dexie
 * transaction, so a page never sees half a pull. One at a time across tabs (Web Locks). A request
 * made while a pull runs is never lost: it queues one more pull, which reads the cursor only when
 * it starts; requests made meanwhile join that queued pull rather than adding more. (Skipping
 * when the lock was taken lost the requests made while the lock was being released.)
 */
export function pullNow(opts: { background?: boolean } = {}): Promise<boolean> {
  if (!opts.background) waitingForeground = true;
  if (waiting) return waiting;
  const start = () => {
    const background = !waitingForeground;
    waiting = null;
    waitingForeground = false;
    return pullOnce({ background });
  };
  let next: Promise<boolean>;
  // The lock's promise settles with the callback's own result (the DOM typing nests it).
  if (typeof navigator !== 'undefined' && navigator.locks) next = navigator.locks.request(LOCK_NAME, start) as unknown as Promise<boolean>;
  else chain = next = chain.then(start, start);
  waiting = next;
  // Should the lock itself fail, the next request must not find this one still waiting.
  const clear = () => {
    if (waiting === next) {
      waiting = null;
      waitingForeground = false;
    }
  };
  next.then(clear, clear);
  return next;
}

/**
 * One pull, in the pull worker when the browser has one (client/data/pull-runner.ts): parsing and
 * writing a large snapshot no longer blocks the page. The marks time it (bench/first-sync.bench.ts).
 */
async function pullOnce(opts: { background?: boolean }): Promise<boolean> {
  syncStatus.set({ syncing: true });
  performance.mark('portee:pull:start');
  try {
    const { fromCursor, lastSyncAt } = await runPull(!!opts.background);
    performance.mark('portee:pull:applied');
    syncStatus.set({ lastSyncAt });
    if (fromCursor === 0) void requestPersistentStorage();
    return true;
  } catch (error) {
    if (error instanceof OfflineError) return false;
    throw error;
  } finally {
    syncStatus.set({ syncing: false });
  }
}

/** Asked once, after the first successful sync: the browser then keeps the data under pressure. */
async function requestPersistentStorage() {
  try {
    if (navigator.storage?.persist && !(await navigator.storage.persisted())) await navigator.storage.persist();
  } catch {
    // Not granted or not supported: the data is still there, only evictable.
  }
}

let timer: ReturnType<typeof setInterval> | undefined;
const onOnline = () => void pullNow();
const onOffline = () => syncStatus.set({ online: false });
/** A push or an upload reached the server (client/data/pull-request.ts): read back what it changed. */
const onPullRequest = () => void pullNow().catch((error) => console.error('[sync]', error));

/**
 * Starts the triggers: now, on `online`, on a timer (background: it does not extend the session),
 * and after a push or an upload.
 */
export function startSync() {
  stopSync();
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  pullRequests.addEventListener('pull', onPullRequest);
  timer = setInterval(() => {
    if (document.visibilityState === 'visible') void pullNow({ background: true });
  }, TIMER_MS);
  refreshStatus().catch((error: unknown) => console.error('[sync]', error));
  void pullNow().catch((error) => console.error('[sync]', error));
}

export function stopSync() {
  window.removeEventListener('online', onOnline);
  window.removeEventListener('offline', onOffline);
  pullRequests.removeEventListener('pull', onPullRequest);
  if (timer) clearInterval(timer);
  timer = undefined;
}

/** Loads what the status region shows from the local database (after a reload, offline too). */
export async function refreshStatus() {
  syncStatus.set(await runCommand('deviceSyncState'));
}

/**
 * Wipes what this device holds for the account: the local database and every cache but the
 * precached app code (public, and what lets the sign-in page open offline).
 */
export async function wipeLocalData() {
  stopSync();
  await runCommand('wipeDevice');
  if ('caches' in window) {
    for (const name of await caches.keys()) if (!name.startsWith('workbox-precache')) await caches.delete(name);
  }
  syncStatus.set({ pending: 0, lastSyncAt: null });
}

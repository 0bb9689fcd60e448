import { SYNC_TABLES, type PullResponse } from '../../shared/sync-protocol.ts';
import { api, OfflineError } from '../api/http.ts';
import { db, getMeta, setMeta } from './db.ts';
import { refreshPendingCount } from './pending-count.ts';
import { syncStatus } from './sync-status.ts';

const LOCK_NAME = 'portee-sync';
const TIMER_MS = 60_000;

/** Set when a pull is asked for while one is running: that one may have read an older cursor. */
let pullAgain = false;

/**
 * Pull (DESIGN.md §3): asks for what changed since the stored cursor and applies it in one Dexie
 * transaction, so a page never sees half a pull. One tab at a time (Web Locks): a request that
 * finds the lock taken is not lost — the running pull is followed by one more — and the other
 * tabs' pages update through Dexie's cross-tab live queries.
 */
export async function pullNow(opts: { background?: boolean } = {}): Promise<boolean> {
  const run = async () => {
    syncStatus.set({ syncing: true });
    try {
      const cursor = (await getMeta<number>('cursor')) ?? 0;
      const answer = await api<PullResponse>(`/api/sync?cursor=${cursor}`, { background: opts.background });
      await applyPull(answer);
      const lastSyncAt = new Date().toISOString();
      await setMeta('lastSyncAt', lastSyncAt);
      syncStatus.set({ lastSyncAt });
      if (cursor === 0) void requestPersistentStorage();
      return true;
    } catch (error) {
      if (error instanceof OfflineError) return false;
      throw error;
    } finally {
      syncStatus.set({ syncing: false });
    }
  };
  const runThenAgain = async (): Promise<boolean> => {
    pullAgain = false;
    const ok = await run();
    if (pullAgain && ok) return runThenAgain();
    return ok;
  };
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) => {
      if (lock) return runThenAgain();
      pullAgain = true;
      return false;
    });
  }
  return runThenAgain();
}

export async function applyPull(answer: PullResponse) {
  const tables = SYNC_TABLES.map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const name of SYNC_TABLES) {
      const table = db.table(name);
      if (answer.snapshot) await table.clear();
      const rows = answer.changes[name];
      if (rows?.length) await table.bulkPut(rows);
      const gone = answer.deleted[name];
      if (gone?.length) await table.bulkDelete(gone);
    }
    await db.meta.put({ key: 'cursor', value: answer.cursor });
  });
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

/** Starts the triggers: now, on `online`, and on a timer (background: it does not extend the session). */
export function startSync() {
  stopSync();
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  timer = setInterval(() => {
    if (document.visibilityState === 'visible') void pullNow({ background: true });
  }, TIMER_MS);
  void refreshStatus();
  void pullNow().catch((error) => console.error('[sync]', error));
}

export function stopSync() {
  window.removeEventListener('online', onOnline);
  window.removeEventListener('offline', onOffline);
  if (timer) clearInterval(timer);
  timer = undefined;
}

/** Loads what the status region shows from the local database (after a reload, offline too). */
export async function refreshStatus() {
  const lastSyncAt = await getMeta<string>('lastSyncAt');
  syncStatus.set({ lastSyncAt: lastSyncAt ?? null });
  await refreshPendingCount();
}

/**
 * Wipes what this device holds for the account: the local database and every cache but the
 * precached app code (public, and what lets the sign-in page open offline).
 */
export async function wipeLocalData() {
  stopSync();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  if ('caches' in window) {
    for (const name of await caches.keys()) if (!name.startsWith('workbox-precache')) await caches.delete(name);
  }
  syncStatus.set({ pending: 0, lastSyncAt: null });
}

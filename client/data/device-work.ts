import { db, getMeta, setMeta } from './db.ts';
import { uploadQueue } from './document-queue.ts';
import { countPending } from './pending-count.ts';
import { pushQueue } from './push.ts';

/**
 * The device's background work where the data lives (the data worker, or the page without one):
 * the push loop and the upload queue. The page starts and stops it with the session, and tells it
 * when the network is back (client/data/sync-lifecycle.ts); the pull, its lock and the status
 * stay the page's (client/data/sync.ts).
 */
const queues = [pushQueue, uploadQueue];

export function startDeviceWork() {
  for (const queue of queues) queue.start();
}

export function stopDeviceWork() {
  for (const queue of queues) queue.stop();
}

/** The page heard `online`: the queues try again now rather than at their next back-off. */
export function networkBack() {
  for (const queue of queues) queue.networkBack();
}

/** What the status region shows from the local database (after a reload, offline too). */
export async function deviceSyncState(): Promise<{ lastSyncAt: string | null; pending: number }> {
  return db.transaction('r', db.meta, db.outbox, db.pendingUploads, async () => ({
    lastSyncAt: (await getMeta<string>('lastSyncAt')) ?? null,
    pending: await countPending(),
  }));
}

const OWNER_KEY = 'ownerUserId';

/** The account whose data this device holds (written at sign-in). */
export async function deviceOwner(): Promise<string | null> {
  return (await getMeta<string>(OWNER_KEY)) ?? null;
}

export function setDeviceOwner(userId: string): Promise<void> {
  return setMeta(OWNER_KEY, userId);
}

/** Empties every table of the local database in one transaction (sign-out, another account). */
export async function wipeDevice() {
  stopDeviceWork();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

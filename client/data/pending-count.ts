import { db } from './db.ts';
import { syncStatus } from './sync-status.ts';

/** Changes waiting on this device: the outbox's mutations and the documents not yet sent. */
export async function countPending(): Promise<number> {
  const [mutations, uploads] = await Promise.all([db.outbox.count(), db.pendingUploads.count()]);
  return mutations + uploads;
}

export async function refreshPendingCount() {
  syncStatus.set({ pending: await countPending() });
}

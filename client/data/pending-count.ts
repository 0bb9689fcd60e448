import { db } from './db.ts';
import { syncStatus } from './sync-status.ts';

/** Changes waiting on this device: the outbox's mutations and the documents not yet sent. */
export async function refreshPendingCount() {
  const [mutations, uploads] = await Promise.all([db.outbox.count(), db.pendingUploads.count()]);
  syncStatus.set({ pending: mutations + uploads });
}

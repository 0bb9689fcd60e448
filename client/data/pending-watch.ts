import { liveQuery, type Subscription } from 'dexie';
import { db } from './db.ts';
import { syncStatus } from './sync-status.ts';

let subscription: Subscription | undefined;

/**
 * Keeps the status region's count of waiting changes (the outbox's mutations and the documents
 * not yet sent) true whichever tab changed them: a live query, which Dexie re-runs when any tab of
 * this device commits to those tables (its BroadcastChannel). Without it, a change queued in one
 * tab, or sent by another tab's push, left this tab's count as it was until its own next push.
 */
export function watchPendingCount() {
  subscription?.unsubscribe();
  subscription = liveQuery(() => Promise.all([db.outbox.count(), db.pendingUploads.count()])).subscribe({
    next: ([mutations, uploads]) => syncStatus.set({ pending: mutations + uploads }),
    error: (error) => console.error('[sync]', error),
  });
}

export function unwatchPendingCount() {
  subscription?.unsubscribe();
  subscription = undefined;
}

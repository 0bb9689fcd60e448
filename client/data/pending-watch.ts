import { liveQuery, type Subscription } from 'dexie';
import { countPending } from './pending-count.ts';
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
  subscription = liveQuery(countPending).subscribe({
    next: (pending) => syncStatus.set({ pending }),
    error: (error) => console.error('[sync]', error),
  });
}

export function unwatchPendingCount() {
  subscription?.unsubscribe();
  subscription = undefined;
}

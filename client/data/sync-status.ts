import { Store } from '../state/store.ts';

export interface SyncStatus {
  /** False after a failed fetch or an `offline` event; true after any answer from the server. */
  online: boolean;
  pending: number;
  lastSyncAt: string | null;
  syncing: boolean;
}

export const syncStatus = new Store<SyncStatus>({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  pending: 0,
  lastSyncAt: null,
  syncing: false,
});

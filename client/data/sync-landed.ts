import { liveQuery } from 'dexie';
import { Store } from '../state/store.ts';
import { getMeta } from './db.ts';

/**
 * Whether this device holds the signed-in account's data: true once its first pull has landed.
 * The pull writes its cursor in the same Dexie transaction as its rows (`applyPull`), so a query
 * that reads the cursor first never sees the empty database of a new device as the truth.
 * Signing out wipes the cursor with the data.
 */
export async function firstPullLanded(): Promise<boolean> {
  return (await getMeta<number>('cursor')) !== undefined;
}

/** The same fact for rendering: undefined until the local database has answered. */
export const syncLanded = new Store<{ landed: boolean | undefined }>({ landed: undefined });

let watching = false;

/** Keeps `syncLanded` current (started by the first element that shows it). */
export function watchSyncLanded() {
  if (watching) return;
  watching = true;
  liveQuery(firstPullLanded).subscribe({
    next: (landed) => syncLanded.set({ landed }),
    error: (error) => console.error('[sync landed]', error),
  });
}

import { liveQuery } from 'dexie';
import { Store } from '../state/store.ts';
import { getMeta, LANDED_KEY } from './db.ts';

/**
 * Whether this device holds the signed-in account's data: true once its first pull has landed.
 * The pull writes its landed mark in the same Dexie transaction as its rows (`applyPull`), so a
 * query that reads it first never sees the empty database of a new device as the truth. Signing
 * out wipes it with the data. A device filled before the mark existed has a cursor and no mark
 * until its next pull: the cursor says the same meanwhile (read only then, so a live query does
 * not depend on the cursor, which nearly every pull moves).
 */
export async function firstPullLanded(): Promise<boolean> {
  return (await getMeta<boolean>(LANDED_KEY)) !== undefined || (await getMeta<number>('cursor')) !== undefined;
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

import { Store } from '../state/store.ts';
import { watchNamedQuery } from './query-client.ts';

/**
 * Whether the device's first pull has landed (client/data/sync-landed.ts), for rendering:
 * undefined until the local database has answered. Asked of the data worker like a screen's
 * query, so the page reads nothing when a pull moves the cursor.
 */
export const syncLanded = new Store<{ landed: boolean | undefined }>({ landed: undefined });

let watching = false;

/** Keeps `syncLanded` current (started by the first element that shows it). */
export function watchSyncLanded() {
  if (watching) return;
  watching = true;
  // A named query answers undefined until the first pull has landed, then this one's `true`.
  watchNamedQuery('deviceLoaded', [], {
    value: (loaded) => syncLanded.set({ landed: loaded === true }),
    error: (message) => console.error('[sync landed]', message),
  });
}

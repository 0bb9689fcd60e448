/**
 * What a session does to the device: its data (who owns it), the background work (pull, push,
 * uploads) and the wipe. Loaded by the session only once someone is signed in, or was on this
 * device: the sign-in page of a new device never downloads the local database or the sync code.
 */
export { getMeta, setMeta } from './db.ts';
export { startSessionWork, stopSessionWork, stopSessionWorkAndWipe } from './sync-lifecycle.ts';
export { refreshStatus } from './sync.ts';

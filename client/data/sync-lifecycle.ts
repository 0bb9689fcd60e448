import { uploadQueue } from './document-queue.ts';
import { pushQueue } from './push.ts';
import { startSync, stopSync, wipeLocalData } from './sync.ts';

// The push loop and the upload queue matter only once signed in (a device signed out has nothing
// queued: signing out wipes it). This module is itself loaded only then (session-device.ts), so
// they are imported statically: a lazy import of a module already in the `signed-in` chunk cost a
// request for a re-export stub each (docs/performance.md).
const queues = [pushQueue, uploadQueue];

/**
 * The one place that starts and stops the device's background work (docs/sync.md): the pull
 * (now, on `online`, every 60 s), the push loop and the upload queue. The session calls it on
 * sign-in and on a session restored at start; it stops it when the session expires (the data and
 * the queues stay, for the same account's next sign-in) and at sign-out (which also wipes the
 * device). No module starts itself on import.
 */
export function startSessionWork() {
  startSync();
  for (const queue of queues) queue.start();
}

export function stopSessionWork() {
  stopSync();
  for (const queue of queues) queue.stop();
}

/**
 * Stops everything, then wipes the local database and the caches but the precache (sign-out, or
 * another account signing in on this device).
 */
export async function stopSessionWorkAndWipe() {
  stopSessionWork();
  await wipeLocalData();
}

import { startSync, stopSync, wipeLocalData } from './sync.ts';

/** What a session runs besides the pull: the push loop and the upload queue. */
interface Queue {
  start(): void;
  stop(): void;
}

let running = false;
let queues: Promise<Queue[]> | null = null;

/**
 * The push loop and the upload queue matter only once signed in (a device signed out has nothing
 * queued: signing out wipes it), so the sign-in page does not download them: they are loaded on
 * the first start.
 */
function loadQueues(): Promise<Queue[]> {
  queues ??= Promise.all([import('./push.ts').then((m) => m.pushQueue), import('./document-queue.ts').then((m) => m.uploadQueue)]);
  return queues;
}

/**
 * The one place that starts and stops the device's background work (docs/sync.md): the pull
 * (now, on `online`, every 60 s), the push loop and the upload queue. The session calls it on
 * sign-in and on a session restored at start; it stops it when the session expires (the data and
 * the queues stay, for the same account's next sign-in) and at sign-out (which also wipes the
 * device). No module starts itself on import.
 */
export function startSessionWork() {
  running = true;
  startSync();
  void loadQueues()
    .then((list) => {
      if (running) for (const queue of list) queue.start();
    })
    .catch((error) => console.error('[sync]', error));
}

export function stopSessionWork() {
  running = false;
  stopSync();
  // Queues never loaded were never started.
  void queues?.then((list) => {
    if (!running) for (const queue of list) queue.stop();
  });
}

/**
 * Stops everything, then wipes the local database and the caches but the precache (sign-out, or
 * another account signing in on this device).
 */
export async function stopSessionWorkAndWipe() {
  stopSessionWork();
  await wipeLocalData();
}

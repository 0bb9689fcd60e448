import { runCommand } from './command-client.ts';
import { startSync, stopSync, wipeLocalData } from './sync.ts';

/** The network is back: the push loop and the upload queue try again (the pull has its own trigger). */
const onOnline = () => void runCommand('networkBack').catch((error: unknown) => console.error('[sync]', error));

/**
 * The one place that starts and stops the device's background work (docs/sync.md): the pull
 * (now, on `online`, every 60 s), here on the page, and the push loop and the upload queue, where
 * the data lives (client/data/device-work.ts). The session calls it on sign-in and on a session
 * restored at start; it stops it when the session expires (the data and the queues stay, for the
 * same account's next sign-in) and at sign-out (which also wipes the device). No module starts
 * itself on import.
 */
export function startSessionWork() {
  startSync();
  window.removeEventListener('online', onOnline);
  window.addEventListener('online', onOnline);
  void runCommand('startDeviceWork').catch((error: unknown) => console.error('[sync]', error));
}

export function stopSessionWork() {
  stopSync();
  window.removeEventListener('online', onOnline);
  void runCommand('stopDeviceWork').catch((error: unknown) => console.error('[sync]', error));
}

/**
 * Stops everything, then wipes the local database and the caches but the precache (sign-out, or
 * another account signing in on this device).
 */
export async function stopSessionWorkAndWipe() {
  stopSessionWork();
  await wipeLocalData();
}

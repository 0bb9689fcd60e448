import { runCommand } from './command-client.ts';

/**
 * What a session does to the device: its data (who owns it), the background work (pull, push,
 * uploads) and the wipe. Loaded by the session only once someone is signed in, or was on this
 * device: the sign-in page of a new device never downloads the sync code. The data itself lives
 * in the data worker (client/data/command-client.ts): this page never loads the database.
 */
export { startSessionWork, stopSessionWork, stopSessionWorkAndWipe } from './sync-lifecycle.ts';
export { refreshStatus } from './sync.ts';

/** The account whose data this device holds (written at sign-in). */
export function deviceOwner(): Promise<string | null> {
  return runCommand('deviceOwner');
}

export function setDeviceOwner(userId: string): Promise<void> {
  return runCommand('setDeviceOwner', userId);
}

/**
 * Work that ran where the data lives (the data worker, or the page without one) asks the page for
 * a pull here: after a push or an upload the server holds what the device must now read back.
 * The pull itself, its lock and the status it shows are the page's (client/data/sync.ts), which
 * listens while a session is open; in the worker, the command host passes the asks on
 * (client/data/command-host.ts).
 */
export const pullRequests = new EventTarget();

export function requestPull() {
  pullRequests.dispatchEvent(new Event('pull'));
}

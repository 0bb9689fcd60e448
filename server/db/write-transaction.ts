import { isBusy, type Db, type Tx } from './client.ts';

/**
 * Every write transaction goes through here: one at a time per process, BEGIN IMMEDIATE (never
 * nest them: the inner one would wait for the outer forever). The embedded libSQL client opens a
 * connection per concurrent transaction and its calls are synchronous: a second `BEGIN IMMEDIATE` while the
 * first is open answers SQLITE_BUSY at once (waiting would block the only thread, the one that
 * must commit the first). Queuing them here turns two racing pushes into two orderly ones. First
 * come, first served: long work split into several calls lets the writes asked meanwhile run in
 * between (server/sync/push.ts).
 * A BUSY caused by a write outside this queue is retried briefly: at BEGIN nothing was done yet.
 */
let tail: Promise<unknown> = Promise.resolve();

export function writeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = tail.then(() => withBusyRetry(() => db.transaction(fn, { behavior: 'immediate' })));
  tail = run.catch(() => undefined);
  return run;
}

async function withBusyRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt));
    }
  }
}

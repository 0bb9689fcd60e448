import { retryWhileBusy, type Db, type Tx } from './client.ts';

/**
 * Every write transaction goes through here: one at a time per process, BEGIN IMMEDIATE (never
 * nest them: the inner one would wait for the outer forever). The embedded libSQL client opens a
 * connection per concurrent transaction and its calls are synchronous: a second `BEGIN IMMEDIATE` while the
 * first is open answers SQLITE_BUSY at once (waiting would block the only thread, the one that
 * must commit the first). Queuing them here turns two racing pushes into two orderly ones. First
 * come, first served: long work split into several calls lets the writes asked meanwhile run in
 * between (server/sync/push.ts).
 * A BUSY at BEGIN (a write outside this queue, or another server process on the same file holding
 * the write lock) is retried after asynchronous pauses (client.ts, retryWhileBusy): nothing was done
 * yet. Only BEGIN can meet it: once BEGIN IMMEDIATE succeeded the transaction holds the write lock
 * (a libSQL connection that met SQLITE_BUSY inside a transaction could not commit it). Across
 * processes this queue does not exist: SQLite's lock orders their transactions, one at a time.
 */
let tail: Promise<unknown> = Promise.resolve();

export function writeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = tail.then(() => retryWhileBusy(() => db.transaction(fn, { behavior: 'immediate' })));
  tail = run.catch(() => undefined);
  return run;
}

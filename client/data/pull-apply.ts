import { SYNC_TABLES, type PullResponse } from '../../shared/sync-protocol.ts';
import { answer, apiClient, backgroundRequest } from '../api/http.ts';
import { db, getMeta, setMeta } from './db.ts';
import { settleUploads } from './document-queue.ts';

/** What a landed pull tells the page: the cursor it started from (0: the device's first) and when it landed. */
export interface PullLanded {
  fromCursor: number;
  lastSyncAt: string;
}

/**
 * One pull from the stored cursor: ask, parse, apply, stamp the time. The same code runs in the
 * pull worker (client/data/pull-worker.ts) and, without one, on the page. Transport errors
 * (OfflineError, HttpError) are thrown as they come; the caller holds the lock.
 */
export async function fetchAndApply(background: boolean): Promise<PullLanded> {
  const fromCursor = (await getMeta<number>('cursor')) ?? 0;
  const pulled = await answer(apiClient.sync.$get({ query: { cursor: String(fromCursor) } }, background ? backgroundRequest : undefined));
  await applyPull(pulled);
  const lastSyncAt = new Date().toISOString();
  await setMeta('lastSyncAt', lastSyncAt);
  return { fromCursor, lastSyncAt };
}

/**
 * Applies a pull in one Dexie transaction, its cursor included, so a page never sees half a pull
 * (live queries, in this thread or another, are told only once it commits).
 *
 * A document the server stored from an upload still waiting here (its answer lost on the way, the
 * retry not yet sent) settles that upload in the same transaction: the server has the file, and
 * the list must not show it twice, waiting and received (docs/sync.md#uploads). So does its
 * deletion (refused, then replaced from another device): sent again, it would come back as new.
 */
export async function applyPull(answer: PullResponse) {
  const tables = SYNC_TABLES.map((name) => db.table(name));
  const settled = await db.transaction('rw', [...tables, db.meta, db.pendingUploads], async () => {
    for (const name of SYNC_TABLES) {
      const table = db.table(name);
      if (answer.snapshot) await table.clear();
      const rows = answer.changes[name];
      if (rows?.length) await table.bulkPut(rows);
      const gone = answer.deleted[name];
      if (gone?.length) await table.bulkDelete(gone);
    }
    const settled = await settleUploads(answer.changes.documents ?? [], answer.deleted.documents ?? []);
    await db.meta.put({ key: 'cursor', value: answer.cursor });
    return settled;
  });
  await settled();
}

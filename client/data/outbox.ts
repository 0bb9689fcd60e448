import { db, getMeta } from './db.ts';
import { CLIENT_ID_KEY, NEXT_MUTATION_KEY, REJECTIONS_KEY, type StoredRejection } from './outbox-keys.ts';
import { refreshPendingCount } from './pending-count.ts';
import { schedulePush, unwatchMutation, watchMutation, type MutationOutcome } from './push.ts';

export { CLIENT_ID_KEY, NEXT_MUTATION_KEY, REJECTIONS_KEY, type StoredRejection };

/**
 * Queues a mutation (docs/sync.md). The outbox row and the per-client counter are written in one
 * Dexie transaction — the row *is* the device's pending state, which the screens overlay on the
 * record — and the network is only asked afterwards. Ids are 1, 2, 3… per client id: a device
 * wiped at sign-out starts a new client with a new counter.
 */
export async function enqueueMutation(
  name: string,
  args: unknown,
  baseVersion?: number,
  onAnswer?: (outcome: MutationOutcome) => void,
): Promise<number> {
  let watched: number | undefined;
  try {
    const mutationId = await db.transaction('rw', db.outbox, db.meta, async () => {
      if (!(await db.meta.get(CLIENT_ID_KEY))) await db.meta.put({ key: CLIENT_ID_KEY, value: crypto.randomUUID() });
      const next = ((await db.meta.get(NEXT_MUTATION_KEY))?.value as number | undefined) ?? 1;
      await db.outbox.add({ mutationId: next, name, args, baseVersion, createdAt: new Date().toISOString() });
      await db.meta.put({ key: NEXT_MUTATION_KEY, value: next + 1 });
      // Watched before the row is committed, so no push can answer it unheard.
      if (onAnswer) watchMutation((watched = next), onAnswer);
      return next;
    });
    await refreshPendingCount();
    schedulePush();
    return mutationId;
  } catch (error) {
    if (watched !== undefined) unwatchMutation(watched);
    throw error;
  }
}

export async function rejections(): Promise<StoredRejection[]> {
  return (await getMeta<StoredRejection[]>(REJECTIONS_KEY)) ?? [];
}

/** Removes a rejection once the person has seen it (or once the form shows it inline). */
export async function dismissRejection(mutationId: number): Promise<StoredRejection | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const list = ((await db.meta.get(REJECTIONS_KEY))?.value as StoredRejection[] | undefined) ?? [];
    const found = list.find((r) => r.mutationId === mutationId);
    await db.meta.put({ key: REJECTIONS_KEY, value: list.filter((r) => r.mutationId !== mutationId) });
    return found;
  });
}

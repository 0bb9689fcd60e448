import { eq, sql } from 'drizzle-orm';
import type { Db, ReadConnection, Tx } from './client.ts';
import { preparedGet } from './prepared-read.ts';
import { changeCounter } from './schema/index.ts';

/**
 * Takes the next value of the global change counter. Call it inside the transaction that writes
 * the rows, and stamp them with it: a pull with cursor N then sees exactly what changed after N.
 */
export async function nextVersion(tx: Db | Tx): Promise<number> {
  await tx.run(sql`INSERT OR IGNORE INTO change_counter (id, value) VALUES (1, 0)`);
  const row = await tx.get<{ value: number }>(
    sql`UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value`,
  );
  return row.value;
}

/** The current counter value: the cursor a pull hands back when nothing newer exists. */
export async function currentVersion(db: Db | Tx): Promise<number> {
  const row = await db.get<{ value: number } | undefined>(sql`SELECT value FROM change_counter WHERE id = 1`);
  return row?.value ?? 0;
}

/** currentVersion for every sync request, on the kept-prepared read connection when there is one. */
export function createHeadReader(db: Db, reads: ReadConnection | null): () => Promise<number> {
  const fields = { value: changeCounter.value };
  const get = preparedGet(reads, db.select(fields).from(changeCounter).where(eq(changeCounter.id, 1)), fields);
  return async () => (await get({}))?.value ?? 0;
}

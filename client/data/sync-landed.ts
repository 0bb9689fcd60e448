import { getMeta } from './db.ts';

/**
 * Whether this device holds the signed-in account's data: true once its first pull has landed.
 * The pull writes its cursor in the same Dexie transaction as its rows (`applyPull`), so a query
 * that reads the cursor first never sees the empty database of a new device as the truth.
 * Signing out wipes the cursor with the data.
 */
export async function firstPullLanded(): Promise<boolean> {
  return (await getMeta<number>('cursor')) !== undefined;
}

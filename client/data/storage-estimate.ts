/** What the browser says of this site's storage on the device; null where it says nothing. */
export interface StorageReport {
  /** True when the data is persistent (the browser will not evict it under pressure). */
  persisted: boolean | null;
  /** Bytes used and bytes this site may use (StorageManager.estimate()). */
  usage: number | null;
  quota: number | null;
}

/** The part of `navigator.storage` this reads (a stand-in in the component tests). */
export type StorageProbe = Pick<StorageManager, 'persisted' | 'estimate'>;

const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/**
 * Whether the device keeps Portée's data durably and how much it uses of what it may use
 * (/accessibilite, po-storage-status), from `storage` (the browser's `navigator.storage`, which
 * may be undefined). An API the browser lacks, or one that fails (a private window may refuse),
 * answers null for its part: the screen says "not known", never a guess.
 */
export async function readStorageReport(storage: Partial<StorageProbe> | undefined): Promise<StorageReport> {
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().then((p) => (typeof p === 'boolean' ? p : null), () => null) : null,
    storage?.estimate ? storage.estimate().catch(() => null) : null,
  ]);
  return { persisted, usage: number(estimate?.usage), quota: number(estimate?.quota) };
}

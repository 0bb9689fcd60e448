/**
 * IndexedDB refused a write because the device's storage for this site is full (its quota). The
 * browser says so with a DOMException named `QuotaExceededError`, which Dexie passes on as its own
 * `Dexie.QuotaExceededError` (the DOMException in `inner`), or inside an `AbortError` of the
 * transaction that failed; Firefox has also used `NS_ERROR_DOM_QUOTA_REACHED`. A write in a
 * Dexie transaction is all or nothing: the edit that failed left nothing behind, and what was
 * already queued is untouched (docs/sync.md, "Storage under pressure").
 */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Whether `error` (or an error it wraps, through `inner` or `cause`) is the storage being full. */
export function isStorageFull(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    current = inner ?? cause;
  }
  return false;
}

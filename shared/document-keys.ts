/**
 * The idempotency key of an upload: the device's client id, the upload's number on that device and
 * the file's SHA-256, so a replayed upload is recognised and stored once. Kept apart from the
 * validation rules so the upload queue, which starts with the app, does not pull in zod.
 */
export const idempotencyKeyOf = (clientId: string, mutationId: number, sha256: string) => `${clientId}:${mutationId}:${sha256}`;

/**
 * The document id of an upload is derived from the family and the idempotency key: a replay of the
 * same upload lands on the same primary key, so the database itself refuses a second row. The
 * device derives it too, to know its waiting upload when a pull brings the document the server
 * stored (the send's own answer lost on the way). Each side hashes `documentIdSource` with its own
 * SHA-256 (shared code has no crypto of its own), then `documentIdFromHash` shapes the hex as a
 * UUID of version 5's form.
 */
export const documentIdSource = (familyId: string, idempotencyKey: string) => `document\n${familyId}\n${idempotencyKey}`;

export function documentIdFromHash(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

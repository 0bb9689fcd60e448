/**
 * The idempotency key of an upload: the device's client id, the upload's number on that device and
 * the file's SHA-256, so a replayed upload is recognised and stored once. Kept apart from the
 * validation rules so the upload queue, which starts with the app, does not pull in zod.
 */
export const idempotencyKeyOf = (clientId: string, mutationId: number, sha256: string) => `${clientId}:${mutationId}:${sha256}`;

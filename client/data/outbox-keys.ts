import type { MutationError } from '../../shared/push-protocol.ts';

/**
 * The outbox's keys in the `meta` table and its rejection record, apart from the outbox itself so
 * the push loop and the upload queue (which start with the app) do not load the form schemas.
 */
export const CLIENT_ID_KEY = 'clientId';
export const NEXT_MUTATION_KEY = 'nextMutationId';
export const REJECTIONS_KEY = 'rejectedMutations';

/** A mutation the server refused for good: out of the queue, kept to tell the person. */
export interface StoredRejection {
  mutationId: number;
  name: string;
  args: unknown;
  error: MutationError;
  at: string;
}

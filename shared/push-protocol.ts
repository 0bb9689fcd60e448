import { z } from 'zod';
import type { IssueCode } from './validation-messages.ts';

/**
 * POST /api/sync/push (docs/sync.md, Replicache's rules). A client (one device's database for
 * one account) numbers its mutations 1, 2, 3…; the server applies them in order and records the
 * last applied id in the same transaction as the effect, so a replay is a no-op.
 */
export const pushRequestSchema = z.object({
  clientId: z.string({ error: 'Identifiant de client manquant.' }).min(8).max(100),
  mutations: z
    .array(
      z.object({
        mutationId: z.number().int().positive(),
        name: z.string().min(1).max(100),
        args: z.unknown(),
        baseVersion: z.number().int().min(0).optional(),
      }),
    )
    .max(1000),
});
export type PushRequest = z.input<typeof pushRequestSchema>;

/** The inner shape of any 4xx body: `message` for the summary, `fields` next to each field. */
export interface MutationError {
  code: string;
  message: string;
  fields?: Record<string, string>;
  /** The codes of the `fields` messages, for the browser's language (see ApiErrorBody). */
  fieldCodes?: Record<string, IssueCode>;
}

export type MutationResult = { mutationId: number; ok: true } | { mutationId: number; error: MutationError };

export interface PushResponse {
  /** The last mutation id applied for this client (after this push). */
  lastMutationId: number;
  /** One entry per mutation applied (or rejected for good) by this push; replays are not listed. */
  results: MutationResult[];
  /** Present when a mutation id skipped ahead: the id the server expects next. The batch stopped there. */
  expected?: number;
}

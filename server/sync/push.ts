import { eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import type { MutationResult, PushResponse } from '../../shared/push-protocol.ts';
import type { PushRequest } from '../../shared/push-protocol.ts';
import { acknowledgementMail } from '../change-requests/mails.ts';
import { requestIdentityChange, type IdentityChangeOutcome } from '../change-requests/request.ts';
import { familyContact } from '../change-requests/targets.ts';
import type { Db, Tx } from '../db/client.ts';
import { syncClient } from '../db/schema/index.ts';
import type { SessionUser } from '../http/context.ts';
import { forbidden } from '../http/errors.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Mailer } from '../mail/mailer.ts';

type Mutation = PushRequest['mutations'][number];
type Handler = (tx: Tx, user: SessionUser, args: unknown, baseVersion: number | undefined) => Promise<IdentityChangeOutcome>;

/** The mutations a client may push, by name. */
const HANDLERS: Record<string, Handler> = {
  [IDENTITY_CHANGE]: requestIdentityChange,
};

/**
 * POST /api/sync/push (DESIGN.md §3). The batch's mutations run in order in one transaction that
 * also writes `sync_client.last_mutation_id`: either the effects and the id are stored or
 * neither, so a push cut off half-way and sent again applies nothing twice.
 *
 * - id ≤ last: a replay, skipped (already applied, or already rejected for good);
 * - id > last + 1: a gap; the batch stops and the answer says which id is expected;
 * - a permanent rejection (unreadable, not this family's record, invalid values) stores the id
 *   without any effect and is answered in the 200 body, so the client drops it from its queue;
 * - anything else that fails rolls the batch back and surfaces as a 500: the client keeps its queue.
 *
 * A client id belongs to the account that first used it; another account gets 403.
 */
export async function push(db: Db, mailer: Mailer, user: SessionUser, body: PushRequest): Promise<PushResponse> {
  const [client] = await db.select().from(syncClient).where(eq(syncClient.clientId, body.clientId));
  if (client && client.userId !== user.id) throw forbidden();

  const ordered = [...body.mutations].sort((a, b) => a.mutationId - b.mutationId);
  const { lastMutationId, results, acknowledgements, expected } = await writeTransaction(db, async (tx) => {
    const acks = new Map<string, { familyId: string; label: string; fields: Set<string> }>();
    const done: MutationResult[] = [];
    let last = 0;
    for (const mutation of ordered) {
      const step = await applyOne(tx, user, body.clientId, mutation);
      if (step.kind === 'forbidden') throw forbidden();
      last = step.last;
      if (step.kind === 'replay') continue;
      if (step.kind === 'gap') return { lastMutationId: last, results: done, acknowledgements: acks, expected: last + 1 };
      const outcome = step.outcome;
      if (!outcome.ok) {
        done.push({ mutationId: mutation.mutationId, error: outcome.error });
        continue;
      }
      done.push({ mutationId: mutation.mutationId, ok: true });
      if (outcome.acknowledge) {
        const key = outcome.acknowledge.familyId + ' ' + outcome.acknowledge.label;
        const entry = acks.get(key) ?? { ...outcome.acknowledge, fields: new Set<string>() };
        for (const f of outcome.acknowledge.fields) entry.fields.add(f);
        acks.set(key, entry);
      }
    }
    if (!ordered.length) last = client?.lastMutationId ?? 0;
    return { lastMutationId: last, results: done, acknowledgements: acks, expected: undefined as number | undefined };
  });

  // After the commits: one acknowledgement per record edited in this push.
  for (const ack of acknowledgements.values()) {
    const contact = await familyContact(db, ack.familyId);
    if (contact?.email) await mailer.send(acknowledgementMail(contact, ack.label, [...ack.fields]));
  }
  return { lastMutationId, results, ...(expected !== undefined ? { expected } : {}) };
}

type Step =
  | { kind: 'forbidden' }
  | { kind: 'replay'; last: number }
  | { kind: 'gap'; last: number }
  | { kind: 'applied'; last: number; outcome: IdentityChangeOutcome };

async function applyOne(tx: Tx, user: SessionUser, clientId: string, mutation: Mutation): Promise<Step> {
  // Read again inside the write transaction: another push of the same client may have committed.
  const [client] = await tx.select().from(syncClient).where(eq(syncClient.clientId, clientId));
  if (client && client.userId !== user.id) return { kind: 'forbidden' };
  const last = client?.lastMutationId ?? 0;
  if (mutation.mutationId <= last) return { kind: 'replay', last };
  if (mutation.mutationId > last + 1) return { kind: 'gap', last };

  const handler = Object.hasOwn(HANDLERS, mutation.name) ? HANDLERS[mutation.name] : undefined;
  const outcome: IdentityChangeOutcome = handler
    ? await handler(tx, user, mutation.args, mutation.baseVersion)
    : { ok: false, error: { code: 'unknown_mutation', message: 'Cette modification n’est pas reconnue par le serveur.' } };

  const updatedAt = new Date().toISOString();
  await tx
    .insert(syncClient)
    .values({ clientId, userId: user.id, lastMutationId: mutation.mutationId, updatedAt })
    .onConflictDoUpdate({ target: syncClient.clientId, set: { lastMutationId: mutation.mutationId, updatedAt } });
  return { kind: 'applied', last: mutation.mutationId, outcome };
}

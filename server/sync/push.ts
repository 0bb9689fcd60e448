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
import { logEvent } from '../log.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import { TEACHING_HANDLERS } from '../teaching/mutations.ts';
import { ABSENCE_NOTICE_HANDLERS } from '../absence-notices/mutations.ts';
import { REENROLMENT_HANDLERS } from '../reenrolment/mutations.ts';
import { CALENDAR_HANDLERS } from '../calendar/mutations.ts';
import type { Mailer } from '../mail/mailer.ts';

type Mutation = PushRequest['mutations'][number];
type Handler = (tx: Tx, user: SessionUser, args: unknown, baseVersion: number | undefined) => Promise<IdentityChangeOutcome>;
type Acknowledgement = NonNullable<Extract<IdentityChangeOutcome, { ok: true }>['acknowledge']>;

/** The mutations a client may push, by name. */
const HANDLERS: Record<string, Handler> = {
  [IDENTITY_CHANGE]: requestIdentityChange,
  ...TEACHING_HANDLERS,
  ...ABSENCE_NOTICE_HANDLERS,
  ...REENROLMENT_HANDLERS,
  ...CALENDAR_HANDLERS,
};

/**
 * A write transaction of a push applies at most this many mutations (about 1 ms each) and starts
 * no new one after TRANSACTION_MS (a loaded machine makes each slower). Write transactions run
 * one at a time, in the order asked, so a long push lets other writers in between its
 * transactions instead of holding everyone for seconds (`npm run bench -- push`: another
 * family's longest wait during a 1,000-mutation push, budget 200 ms).
 */
export const MUTATIONS_PER_TRANSACTION = 50;
const TRANSACTION_MS = 25;

/**
 * POST /api/sync/push (docs/sync.md). The mutations run in id order, in short write transactions
 * (see MUTATIONS_PER_TRANSACTION) that each also store `sync_client.last_mutation_id`: the
 * effects of a transaction and its last id are stored together or not at all, so a push cut off
 * anywhere (even by a crash between two transactions) and sent again applies nothing twice and
 * skips nothing.
 *
 * - id ≤ last: a replay, skipped (already applied, or already rejected for good);
 * - id > last + 1: a gap; the push stops and the answer says which id is expected;
 * - a permanent rejection (unreadable, not this family's record, invalid values) stores the id
 *   without any effect and is answered in the 200 body, so the client drops it from its queue;
 * - anything else that fails rolls its transaction back: a 500 if nothing of this push was
 *   stored (the client keeps its queue), else a 200 answering what the earlier transactions
 *   applied (the client drops those, keeps their refusals, and sends the rest again).
 *
 * A client id belongs to the account that first used it; another account gets 403.
 */
export async function push(db: Db, mailer: Mailer, user: SessionUser, body: PushRequest): Promise<PushResponse> {
  const [client] = await db.select().from(syncClient).where(eq(syncClient.clientId, body.clientId));
  if (client && client.userId !== user.id) throw forbidden();

  const ordered = [...body.mutations].sort((a, b) => a.mutationId - b.mutationId);
  const acknowledged: Acknowledged = new Map();
  const results: MutationResult[] = [];
  let lastMutationId = client?.lastMutationId ?? 0;
  let expected: number | undefined;
  try {
    for (let next = 0; next < ordered.length && expected === undefined; ) {
      // The embedded client's calls are synchronous: without this pause a whole push would run
      // in one turn of the event loop, and other requests could not even be read in between.
      if (next > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = await writeTransaction(db, async (tx) => {
        const applied = await applyBatch(tx, user, body.clientId, ordered, next);
        await queueAcknowledgements(tx, mailer, acknowledged, applied.acknowledgements);
        return applied;
      });
      ({ next, expected, lastMutationId } = batch);
      results.push(...batch.results);
    }
  } catch (error) {
    if (!results.length) throw error;
    logEvent('error', 'push stopped after a committed part', { clientId: body.clientId, lastMutationId, error });
  }

  await mailer.deliver([...acknowledged.values()].map((a) => a.mail));
  return { lastMutationId, results, ...(expected !== undefined ? { expected } : {}) };
}

/** The acknowledgement queued so far in this push for each record (family + label), with its fields. */
type Acknowledged = Map<string, { mail: string; fields: Set<string> }>;

/**
 * One acknowledgement per record edited in this push, queued in the transaction of the edits it
 * acknowledges: a push cut off and sent again acknowledges each edit once, and a crash loses none.
 * A later transaction of the same push that edits the record again rewrites the mail still queued
 * (they are delivered once the push is over), so the family gets one mail per record and push.
 */
async function queueAcknowledgements(tx: Tx, mailer: Mailer, acknowledged: Acknowledged, acks: Acknowledgement[]) {
  const perRecord = new Map<string, { familyId: string; label: string; fields: Set<string> }>();
  for (const ack of acks) {
    const key = ack.familyId + ' ' + ack.label;
    const entry = perRecord.get(key) ?? { familyId: ack.familyId, label: ack.label, fields: new Set<string>() };
    for (const f of ack.fields) entry.fields.add(f);
    perRecord.set(key, entry);
  }
  for (const [key, ack] of perRecord) {
    const contact = await familyContact(tx, ack.familyId);
    if (!contact?.email) continue;
    const earlier = acknowledged.get(key);
    if (earlier) {
      // Rewritten only while still queued, with the earlier fields too; once the sender job has
      // sent it (between two transactions), a new mail names only this transaction's fields.
      const fields = new Set([...earlier.fields, ...ack.fields]);
      if (await mailer.rewriteQueued(tx, earlier.mail, acknowledgementMail(contact, ack.label, [...fields]))) {
        earlier.fields = fields;
        continue;
      }
    }
    acknowledged.set(key, { mail: await mailer.queue(tx, acknowledgementMail(contact, ack.label, [...ack.fields]), contact.siteId), fields: ack.fields });
  }
}

interface Batch {
  /** The client's last applied id, as stored by this transaction. */
  lastMutationId: number;
  /** Where the next transaction starts in the ordered mutations. */
  next: number;
  /** Set when a gap stopped the push. */
  expected: number | undefined;
  results: MutationResult[];
  acknowledgements: Acknowledgement[];
}

/** One write transaction: from `from`, mutations until a bound is reached, then the last id. */
async function applyBatch(tx: Tx, user: SessionUser, clientId: string, ordered: Mutation[], from: number): Promise<Batch> {
  const until = performance.now() + TRANSACTION_MS;
  // Read inside the write transaction: another push of the same client may have committed.
  const [client] = await tx.select().from(syncClient).where(eq(syncClient.clientId, clientId));
  if (client && client.userId !== user.id) throw forbidden();
  const stored = client?.lastMutationId ?? 0;
  const batch: Batch = { lastMutationId: stored, next: from, expected: undefined, results: [], acknowledgements: [] };
  for (; batch.next < ordered.length && batch.results.length < MUTATIONS_PER_TRANSACTION; batch.next++) {
    const mutation = ordered[batch.next];
    if (mutation.mutationId <= batch.lastMutationId) continue;
    if (batch.results.length && performance.now() > until) break;
    if (mutation.mutationId > batch.lastMutationId + 1) {
      batch.expected = batch.lastMutationId + 1;
      break;
    }
    const outcome = await applyOne(tx, user, mutation);
    batch.lastMutationId = mutation.mutationId;
    batch.results.push(outcome.ok ? { mutationId: mutation.mutationId, ok: true } : { mutationId: mutation.mutationId, error: outcome.error });
    if (outcome.ok && outcome.acknowledge) batch.acknowledgements.push(outcome.acknowledge);
  }
  if (batch.lastMutationId !== stored) {
    const updatedAt = new Date().toISOString();
    await tx
      .insert(syncClient)
      .values({ clientId, userId: user.id, lastMutationId: batch.lastMutationId, updatedAt })
      .onConflictDoUpdate({ target: syncClient.clientId, set: { lastMutationId: batch.lastMutationId, updatedAt } });
  }
  return batch;
}

function applyOne(tx: Tx, user: SessionUser, mutation: Mutation): Promise<IdentityChangeOutcome> {
  const handler = Object.hasOwn(HANDLERS, mutation.name) ? HANDLERS[mutation.name] : undefined;
  if (!handler) return Promise.resolve({ ok: false, error: { code: 'unknown_mutation', message: 'Cette modification n’est pas reconnue par le serveur.' } });
  return handler(tx, user, mutation.args, mutation.baseVersion);
}

// Push: 500 queued mutations sent as the client sends them (batches of 100), then the same
// mutations replayed (a lost answer): the replay must create nothing. Then one push of 1,000
// mutations (the most a request may carry) while another family keeps writing: the longest wait
// of that family's writes is what a long push makes everyone else endure.
import { count, eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../shared/identity-schemas.ts';
import type { PushResponse } from '../shared/push-protocol.ts';
import { auditLog, changeRequest, mailOutbox, student, syncClient } from '../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient } from '../test/helpers/test-app.ts';
import { fmt } from './load.ts';

export const title = 'Push: 500 queued mutations, then the same batch replayed; another family’s writes during a 1,000-mutation push';

const TOTAL = 500;
const BATCH = 100;
const BIG = 1000;
/** Another family's one-edit push must not wait longer than this while a long push runs. */
const WAIT_BUDGET_MS = 200;
const OTHER_EVERY_MS = 10;

export async function run() {
  // Acknowledgements go to the test app's recording mailer (counted below with mail_outbox).
  const t = await createTestApp();
  try {
    const c = new TestClient(t.app);
    const signedIn = await c.signIn(...DEMO.family);
    const familyId = signedIn.body.user.familyId as string;
    const students = await t.db.select({ id: student.id }).from(student).where(eq(student.familyId, familyId));
    const targets = [{ kind: 'family' as const, id: familyId }, ...students.map((s) => ({ kind: 'student' as const, id: s.id }))];
    const clientId = crypto.randomUUID();
    const edits = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => {
        const target = targets[i % targets.length];
        return { mutationId: i + 1, name: IDENTITY_CHANGE, args: { targetKind: target.kind, targetId: target.id, values: { city: `${tag} ${i}` }, from: {} }, baseVersion: 1 };
      });
    const mutations = edits(TOTAL, 'Ville');

    const counts = async () => ({
      changeRequests: (await t.db.select({ n: count() }).from(changeRequest))[0].n,
      auditRows: (await t.db.select({ n: count() }).from(auditLog))[0].n,
      mails: (await t.db.select({ n: count() }).from(mailOutbox))[0].n + t.mails.length,
    });
    const pushAll = async () => {
      let applied = 0;
      const start = performance.now();
      for (let i = 0; i < TOTAL; i += BATCH) {
        const r = await c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: mutations.slice(i, i + BATCH) } });
        if (r.status !== 200) throw new Error(`push ${r.status}`);
        applied += r.body.results.length;
      }
      return { ms: performance.now() - start, applied };
    };

    const before = await counts();
    const first = await pushAll();
    const afterFirst = await counts();
    const replay = await pushAll();
    const afterReplay = await counts();
    const [client] = await t.db.select().from(syncClient).where(eq(syncClient.clientId, clientId));

    console.log(`push ${TOTAL} mutations (${TOTAL / BATCH} × ${BATCH})   ${fmt(first.ms, 0)} ms, ${fmt((TOTAL / first.ms) * 1000, 0)} mutations/s, ${first.applied} applied`);
    console.log(`  rows created                  change_request +${afterFirst.changeRequests - before.changeRequests} (one pending per record), audit_log +${afterFirst.auditRows - before.auditRows}, mails +${afterFirst.mails - before.mails}`);
    console.log(`replay of the same ${TOTAL}          ${fmt(replay.ms, 0)} ms, ${fmt((TOTAL / replay.ms) * 1000, 0)} mutations/s, ${replay.applied} applied`);
    console.log(
      `  rows created by the replay    change_request +${afterReplay.changeRequests - afterFirst.changeRequests}, audit_log +${afterReplay.auditRows - afterFirst.auditRows}, mails +${afterReplay.mails - afterFirst.mails} — ` +
        (afterReplay.changeRequests === afterFirst.changeRequests && afterReplay.auditRows === afterFirst.auditRows && afterReplay.mails === afterFirst.mails ? 'nothing: OK' : 'SOMETHING WAS CREATED'),
    );
    console.log(`  sync_client.last_mutation_id  ${client.lastMutationId}`);

    // Another family writes (a one-edit push every 10 ms) while a 1,000-mutation push runs. A
    // request's wait counts from when it was due, not from when the event loop got to it: a loop
    // blocked by the push delays a real request's very reading just as much.
    const other = new TestClient(t.app);
    const otherFamilyId = (await other.signIn(...DEMO.martin)).body.user.familyId as string;
    const otherClientId = crypto.randomUUID();
    let otherId = 0;
    const otherWrite = async () => {
      otherId++;
      const due = performance.now() + OTHER_EVERY_MS;
      await new Promise((r) => setTimeout(r, OTHER_EVERY_MS));
      const r = await other.json<PushResponse>('/api/sync/push', {
        json: { clientId: otherClientId, mutations: [{ mutationId: otherId, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: otherFamilyId, values: { city: `Mantes ${otherId}` }, from: {} }, baseVersion: 1 }] },
      });
      if (r.status !== 200 || r.body.lastMutationId !== otherId) throw new Error(`other family's push ${r.status}`);
      return performance.now() - due;
    };
    const alone: number[] = [];
    for (let i = 0; i < 20; i++) alone.push(await otherWrite());
    const big = edits(BIG, 'Bourg');
    let pushDone = false;
    const bigStart = performance.now();
    const bigPush = c.json<PushResponse>('/api/sync/push', { json: { clientId: crypto.randomUUID(), mutations: big } }).finally(() => (pushDone = true));
    const waits: number[] = [];
    while (!pushDone) waits.push(await otherWrite());
    const bigAnswer = await bigPush;
    const bigMs = performance.now() - bigStart;
    if (bigAnswer.status !== 200 || bigAnswer.body.lastMutationId !== BIG) throw new Error(`1,000-mutation push ${bigAnswer.status}`);
    const longest = Math.max(...waits);
    console.log(`push ${fmt(BIG, 0)} mutations in one request    ${fmt(bigMs, 0)} ms, ${fmt((BIG / bigMs) * 1000, 0)} mutations/s`);
    console.log(
      `  another family's write, longest wait during it   ${fmt(longest, 0)} ms (${waits.length} writes, median ${fmt(median(waits), 0)} ms; alone: median ${fmt(median(alone), 0)} ms)` +
        ` — budget ≤ ${WAIT_BUDGET_MS} ms: ${longest <= WAIT_BUDGET_MS ? 'within' : 'OVER'}`,
    );
  } finally {
    t.close();
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

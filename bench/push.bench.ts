// Push: 500 queued mutations sent as the client sends them (batches of 100), then the same
// mutations replayed (a lost answer): the replay must create nothing.
import { count, eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../shared/identity-schemas.ts';
import type { PushResponse } from '../shared/push-protocol.ts';
import { auditLog, changeRequest, mailOutbox, student, syncClient } from '../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient } from '../test/helpers/test-app.ts';
import { fmt } from './load.ts';

export const title = 'Push: 500 queued mutations, then the same batch replayed';

const TOTAL = 500;
const BATCH = 100;

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
    const mutations = Array.from({ length: TOTAL }, (_, i) => {
      const target = targets[i % targets.length];
      return { mutationId: i + 1, name: IDENTITY_CHANGE, args: { targetKind: target.kind, targetId: target.id, values: { city: `Ville ${i}` }, from: {} }, baseVersion: 1 };
    });

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
  } finally {
    t.close();
  }
}

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, sql } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import { auditLog, changeRequest, family, student, syncClient, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function signedIn(account: readonly [string, string]) {
  const c = new TestClient(t.app);
  const r = await c.signIn(...account);
  assert.equal(r.status, 200);
  return { c, me: r.body.user as { id: string; familyId: string } };
}

async function familyIdOf(username: string) {
  const [row] = await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, username));
  return row.familyId!;
}

async function studentsOf(familyId: string) {
  return t.db.select().from(student).where(eq(student.familyId, familyId));
}

const change = (mutationId: number, targetKind: 'family' | 'student', targetId: string, values: Record<string, unknown>, from: Record<string, unknown> = {}, baseVersion = 1) => ({
  mutationId,
  name: IDENTITY_CHANGE,
  args: { targetKind, targetId, values, from },
  baseVersion,
});

async function pushAs(c: TestClient, clientId: string, mutations: unknown[]) {
  return c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations } });
}

async function requestsFor(targetId: string) {
  return t.db.select().from(changeRequest).where(eq(changeRequest.targetId, targetId));
}

describe('POST /api/sync/push', () => {
  test('anonymous → 401; a malformed body → 422 with fields', async () => {
    const anon = await new TestClient(t.app).json('/api/sync/push', { json: { clientId: 'x'.repeat(10), mutations: [] } });
    assert.equal(anon.status, 401);
    const { c } = await signedIn(DEMO.family);
    const bad = await c.json('/api/sync/push', { json: { clientId: 'abc', mutations: [{ mutationId: 0 }] } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.error.fields.clientId);
  });

  test('per-field validation errors come back in the 200 body, nothing is written, the id is consumed', async () => {
    const { c, me } = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    const before = (await requestsFor(me.familyId)).length;
    const r = await pushAs(c, clientId, [
      change(1, 'family', me.familyId, { postalCode: '7820', phoneHome: '12 34', mobile: '01 23 45 67 89', email: 'pas-une-adresse', lastName: '  ' }),
    ]);
    assert.equal(r.status, 200);
    assert.equal(r.body.lastMutationId, 1);
    const [result] = r.body.results;
    assert.ok('error' in result);
    assert.equal(result.error.code, 'validation');
    assert.match(result.error.fields!.postalCode, /5 chiffres/);
    assert.match(result.error.fields!.phoneHome, /10 chiffres/);
    assert.match(result.error.fields!.mobile, /06 ou 07/);
    assert.match(result.error.fields!.email, /adresse e-mail valide/);
    assert.match(result.error.fields!.lastName, /obligatoire/);
    assert.equal((await requestsFor(me.familyId)).length, before);

    const kids = await studentsOf(me.familyId);
    const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const r2 = await pushAs(c, clientId, [change(2, 'student', kids[0].id, { birthDate: future, firstName: '' })]);
    const [res2] = r2.body.results;
    assert.ok('error' in res2);
    assert.match(res2.error.fields!.birthDate, /futur/);
    assert.match(res2.error.fields!.firstName, /obligatoire/);
    assert.equal((await requestsFor(kids[0].id)).length, 0);
    assert.equal(t.mails.length, 0, 'no acknowledgement for a rejected edit');
  });

  test('a valid edit creates one pending request (never the record), normalises phones, acknowledges by e-mail, audits', async () => {
    const { c, me } = await signedIn(DEMO.family);
    const [fam] = await t.db.select().from(family).where(eq(family.id, me.familyId));
    const mailsBefore = t.mails.length;
    const r = await pushAs(c, crypto.randomUUID(), [
      change(1, 'family', me.familyId, { city: 'Rosny-sur-Seine', phoneWork: '01.39.00.58.21' }, { city: fam.city, phoneWork: fam.phoneWork }, fam.version),
    ]);
    assert.deepEqual(r.body.results, [{ mutationId: 1, ok: true }]);
    const [after] = await t.db.select().from(family).where(eq(family.id, me.familyId));
    assert.equal(after.city, fam.city, 'the record itself is unchanged');
    assert.equal(after.version, fam.version);
    const requests = await requestsFor(me.familyId);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].status, 'pending');
    assert.equal(requests[0].baseVersion, fam.version);
    assert.deepEqual(requests[0].fields, {
      city: { from: fam.city, to: 'Rosny-sur-Seine', status: 'pending' },
      phoneWork: { from: fam.phoneWork, to: '01 39 00 58 21', status: 'pending' },
    });
    assert.equal(t.mails.length, mailsBefore + 1);
    assert.equal(t.mails.at(-1)!.to, fam.email);
    assert.match(t.mails.at(-1)!.text, /en attente de validation/);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, me.familyId), eq(auditLog.action, 'change_request.submitted')));
    assert.equal(audits.length, 1);

    // A second edit before review updates the same request: latest value per field, `from` kept.
    const r2 = await pushAs(c, crypto.randomUUID(), [change(1, 'family', me.familyId, { city: 'Limay', address: '3 rue Neuve' }, { city: 'Rosny-sur-Seine', address: fam.address })]);
    assert.deepEqual(r2.body.results, [{ mutationId: 1, ok: true }]);
    const [one] = await requestsFor(me.familyId);
    assert.equal((await requestsFor(me.familyId)).length, 1);
    assert.deepEqual(one.fields.city, { from: fam.city, to: 'Limay', status: 'pending' });
    assert.deepEqual(one.fields.address, { from: fam.address, to: '3 rue Neuve', status: 'pending' });
    assert.ok(one.version > requests[0].version, 'the request got a new change version');
    // Setting a field back to the value on file takes it out of the request.
    await pushAs(c, crypto.randomUUID(), [change(1, 'family', me.familyId, { phoneWork: fam.phoneWork })]);
    const [again] = await requestsFor(me.familyId);
    assert.deepEqual(Object.keys(again.fields).sort(), ['address', 'city']);
  });

  test('a change request for another family’s student → not_found in the body, nothing written', async () => {
    const { c } = await signedIn(DEMO.family);
    const martinStudents = await studentsOf(await familyIdOf('famille.martin'));
    const clientId = crypto.randomUUID();
    const auditsBefore = (await t.db.select({ n: count() }).from(auditLog))[0].n;
    const r = await pushAs(c, clientId, [
      change(1, 'student', martinStudents[0].id, { city: 'Ailleurs' }),
      change(2, 'family', await familyIdOf('famille.martin'), { city: 'Ailleurs' }),
      change(3, 'student', 'inconnu', { city: 'Ailleurs' }),
    ]);
    assert.equal(r.status, 200);
    assert.equal(r.body.lastMutationId, 3);
    assert.deepEqual(
      r.body.results.map((x) => ('error' in x ? x.error.code : 'ok')),
      ['not_found', 'not_found', 'not_found'],
    );
    const text = JSON.stringify(r.body);
    assert.ok(!text.includes(martinStudents[0].firstName), 'nothing of the other family leaks');
    assert.equal((await requestsFor(martinStudents[0].id)).length, 0);
    assert.equal((await t.db.select({ n: count() }).from(auditLog))[0].n, auditsBefore);
  });

  test('replayed, duplicated and out-of-order pushes apply exactly once; a gap stops the batch', async () => {
    const { c, me } = await signedIn(DEMO.family);
    const kids = await studentsOf(me.familyId);
    const [a, b] = kids;
    const clientId = crypto.randomUUID();
    const m1 = change(1, 'student', a.id, { school: 'Lycée Saint-Exupéry' });
    const m2 = change(2, 'student', b.id, { schoolLevel: 'Niveau test' });
    const m3 = change(3, 'student', a.id, { birthPlace: 'Poissy' });
    const m5 = change(5, 'student', b.id, { birthPlace: 'Meulan' });

    // Out of order and duplicated within one batch: applied in id order, each once.
    const r = await pushAs(c, clientId, [m2, m1, m1]);
    assert.equal(r.body.lastMutationId, 2);
    assert.deepEqual(r.body.results, [{ mutationId: 1, ok: true }, { mutationId: 2, ok: true }]);

    // The same batch again (the answer was lost): nothing new.
    const auditsBefore = (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'change_request.submitted')))[0].n;
    const mailsBefore = t.mails.length;
    const replay = await pushAs(c, clientId, [m1, m2]);
    assert.equal(replay.body.lastMutationId, 2);
    assert.deepEqual(replay.body.results, []);
    assert.equal((await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'change_request.submitted')))[0].n, auditsBefore);
    assert.equal(t.mails.length, mailsBefore, 'no second acknowledgement');

    // A gap: 3 applies, 5 stops the batch, the server names 4.
    const gap = await pushAs(c, clientId, [m3, m5]);
    assert.equal(gap.body.lastMutationId, 3);
    assert.equal(gap.body.expected, 4);
    assert.deepEqual(gap.body.results, [{ mutationId: 3, ok: true }]);
    const [reqB] = await requestsFor(b.id);
    assert.equal(reqB.fields.birthPlace, undefined, 'mutation 5 was not applied');

    const reqA = await requestsFor(a.id);
    assert.equal(reqA.length, 1, 'one pending request per record');
    assert.deepEqual(Object.keys(reqA[0].fields).sort(), ['birthPlace', 'school']);
    const [client] = await t.db.select().from(syncClient).where(eq(syncClient.clientId, clientId));
    assert.equal(client.lastMutationId, 3);
    assert.equal(client.userId, me.id);

    // Concurrent identical pushes (two tabs, a retry racing the first): still once.
    const m4 = change(4, 'student', b.id, { school: 'Collège Clemenceau' });
    const [x, y] = await Promise.all([pushAs(c, clientId, [m4]), pushAs(c, clientId, [m4])]);
    assert.equal(x.body.lastMutationId, 4);
    assert.equal(y.body.lastMutationId, 4);
    assert.equal([...x.body.results, ...y.body.results].length, 1);
  });

  test('a client id of another account is refused', async () => {
    const { c } = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    const me = (await c.json('/api/session')).body.user;
    assert.equal((await pushAs(c, clientId, [change(1, 'family', me.familyId, { city: 'Vétheuil' })])).status, 200);
    const { c: other, me: martin } = await signedIn(DEMO.martin);
    const r = await pushAs(other, clientId, [change(2, 'family', martin.familyId, { city: 'Vétheuil' })]);
    assert.equal(r.status, 403);
    assert.equal(r.body.lastMutationId, undefined);
    assert.equal((await requestsFor(martin.familyId)).length, 0);
  });

  test('a teacher pushing an identity edit gets not_found', async () => {
    const { c } = await signedIn(DEMO.teacher);
    const fam = await familyIdOf('famille.demo');
    const r = await pushAs(c, crypto.randomUUID(), [change(1, 'family', fam, { city: 'X' })]);
    assert.equal(r.status, 200);
    assert.ok('error' in r.body.results[0] && r.body.results[0].error.code === 'not_found');
  });
});

/** Mutation i sets a new city on one of the family's records (each one touches a field, so each is audited). */
function edits(targets: { kind: 'family' | 'student'; id: string }[], ids: number[], tag: string) {
  return ids.map((id) => {
    const target = targets[id % targets.length];
    return { mutationId: id, name: IDENTITY_CHANGE, args: { targetKind: target.kind, targetId: target.id, values: { city: `${tag} ${id}` }, from: {} }, baseVersion: 1 };
  });
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function lastIdOf(clientId: string) {
  const [row] = await t.db.select({ last: syncClient.lastMutationId }).from(syncClient).where(eq(syncClient.clientId, clientId));
  return row?.last ?? 0;
}

async function submittedFor(familyId: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.familyId, familyId), eq(auditLog.action, 'change_request.submitted')));
  return row.n;
}

/** A write that fails (as a full disk or a bug would) when a change request gets this city. */
async function failWhenCityIs(city: string) {
  for (const event of ['INSERT', 'UPDATE']) {
    await t.db.run(
      sql.raw(`CREATE TRIGGER push_test_fail_${event.toLowerCase()} BEFORE ${event} ON change_request WHEN NEW.fields LIKE '%"${city}"%' BEGIN SELECT RAISE(ABORT, 'test failure'); END`),
    );
  }
}
async function stopFailing() {
  for (const event of ['insert', 'update']) await t.db.run(sql.raw(`DROP TRIGGER IF EXISTS push_test_fail_${event}`));
}

/** One family's account and the records it may edit (its own, then its students). */
async function withTargets(account: readonly [string, string]) {
  const { c, me } = await signedIn(account);
  const kids = await studentsOf(me.familyId);
  const targets = [{ kind: 'family' as const, id: me.familyId }, ...kids.map((k) => ({ kind: 'student' as const, id: k.id }))];
  return { c, familyId: me.familyId, targets };
}

// A long push is applied in bounded write transactions (server/sync/push.ts), each storing the
// client's last applied id with its effects, so other families' writes get their turn in between.
describe('a long push is applied in bounded transactions', () => {
  test('another family’s write commits between the transactions of a 200-mutation push', async () => {
    const demo = await withTargets(DEMO.family);
    const martin = await withTargets(DEMO.martin);
    const clientId = crypto.randomUUID();
    const before = await submittedFor(demo.familyId);

    let finished = false;
    const long = pushAs(demo.c, clientId, edits(demo.targets, range(1, 200), 'Ville')).finally(() => (finished = true));
    // Wait until the push has committed part of its work (a single transaction never shows this).
    let seen = 0;
    while (!finished && (seen = await lastIdOf(clientId)) === 0) await new Promise((r) => setTimeout(r, 1));

    const other = await pushAs(martin.c, crypto.randomUUID(), edits(martin.targets, [1], 'Mantes'));
    const demoLastWhenOtherDone = await lastIdOf(clientId);
    const answer = await long;

    assert.equal(other.status, 200);
    assert.deepEqual(other.body.results, [{ mutationId: 1, ok: true }]);
    assert.ok(demoLastWhenOtherDone < 200, `the other family's write committed before the push ended (push at ${demoLastWhenOtherDone})`);
    assert.ok(seen > 0 && seen < 200, `the push showed a partial commit (saw ${seen})`);

    assert.equal(answer.status, 200);
    assert.equal(answer.body.lastMutationId, 200);
    assert.deepEqual(
      answer.body.results.map((r) => r.mutationId),
      range(1, 200),
    );
    assert.ok(answer.body.results.every((r) => 'ok' in r));
    assert.equal(answer.body.expected, undefined);
    assert.equal((await submittedFor(demo.familyId)) - before, 200, 'each mutation applied once');
    assert.equal(await lastIdOf(clientId), 200);
  });

  test('a push that fails after a transaction committed answers what was applied; its replay applies only the rest', async () => {
    const demo = await withTargets(DEMO.family);
    const clientId = crypto.randomUUID();
    const all = edits(demo.targets, range(1, 120), 'Rosny');
    const before = await submittedFor(demo.familyId);
    const mailsBefore = t.mails.length;

    // Mutation 70 fails: the transactions before it (at most 50 mutations each, fewer on a slow
    // machine) stay committed, the one holding 70 rolls back.
    await failWhenCityIs('Rosny 70');
    let cut: Awaited<ReturnType<typeof pushAs>>;
    try {
      cut = await pushAs(demo.c, clientId, all);
    } finally {
      await stopFailing();
    }
    assert.equal(cut.status, 200, 'what was committed is answered, so the client drops it (and keeps its refusals)');
    const applied = cut.body.lastMutationId;
    assert.ok(applied >= 1 && applied < 70, `the transactions before the failure were answered (${applied})`);
    assert.deepEqual(
      cut.body.results.map((r) => r.mutationId),
      range(1, applied),
    );
    assert.equal(cut.body.expected, undefined);
    assert.equal(await lastIdOf(clientId), applied, 'the stored id matches what was applied');
    assert.equal((await submittedFor(demo.familyId)) - before, applied, 'nothing of the rolled-back transaction remains');
    const editedRecords = new Set(range(1, applied).map((id) => id % demo.targets.length)).size;
    assert.equal(t.mails.length - mailsBefore, editedRecords, 'the committed edits are acknowledged, one mail per record');

    // The client sends its whole queue again: what was applied is replayed, the rest applied once.
    const replay = await pushAs(demo.c, clientId, all);
    assert.equal(replay.status, 200);
    assert.equal(replay.body.lastMutationId, 120);
    assert.deepEqual(
      replay.body.results.map((r) => r.mutationId),
      range(applied + 1, 120),
    );
    assert.equal((await submittedFor(demo.familyId)) - before, 120);

    const again = await pushAs(demo.c, clientId, all);
    assert.deepEqual(again.body.results, []);
    assert.equal(again.body.lastMutationId, 120);
    assert.equal((await submittedFor(demo.familyId)) - before, 120, 'a full replay applies nothing');
  });

  test('a failure in the first transaction applies nothing and answers 500 (the client keeps its queue)', async () => {
    const demo = await withTargets(DEMO.family);
    const clientId = crypto.randomUUID();
    const before = await submittedFor(demo.familyId);
    await failWhenCityIs('Limay 1');
    try {
      const r = await pushAs(demo.c, clientId, edits(demo.targets, range(1, 80), 'Limay'));
      assert.equal(r.status, 500);
    } finally {
      await stopFailing();
    }
    assert.equal(await lastIdOf(clientId), 0);
    assert.equal(await submittedFor(demo.familyId), before);
  });

  test('a gap in the middle of a long push stops it there; the transactions before it stay applied', async () => {
    const demo = await withTargets(DEMO.family);
    const clientId = crypto.randomUUID();
    const before = await submittedFor(demo.familyId);
    const r = await pushAs(demo.c, clientId, edits(demo.targets, [...range(1, 80), ...range(82, 130)], 'Poissy'));
    assert.equal(r.status, 200);
    assert.equal(r.body.lastMutationId, 80);
    assert.equal(r.body.expected, 81);
    assert.deepEqual(
      r.body.results.map((x) => x.mutationId),
      range(1, 80),
    );
    assert.equal(await lastIdOf(clientId), 80);
    assert.equal((await submittedFor(demo.familyId)) - before, 80, 'nothing after the gap was applied');

    // The missing id arrives with the rest: applied from 81 on, in order.
    const rest = await pushAs(demo.c, clientId, edits(demo.targets, range(1, 130), 'Poissy'));
    assert.equal(rest.body.lastMutationId, 130);
    assert.deepEqual(
      rest.body.results.map((x) => x.mutationId),
      range(81, 130),
    );
    assert.equal((await submittedFor(demo.familyId)) - before, 130);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
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

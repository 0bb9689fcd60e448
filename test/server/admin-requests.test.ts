import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import type { PullResponse } from '../../shared/sync-protocol.ts';
import { auditLog, changeRequest, family, student, user } from '../../server/db/schema/index.ts';
import { nextVersion } from '../../server/db/versioning.ts';
import type { PendingRequestView } from '../../server/change-requests/review.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site = 'Mantes') {
  const c = new TestClient(t.app);
  const r = await c.signIn(account[0], account[1], site);
  assert.equal(r.status, 200);
  return { c, me: r.body.user as { id: string; familyId: string } };
}

let nextId = 1;
const clientId = crypto.randomUUID();
async function ask(c: TestClient, targetKind: 'family' | 'student', targetId: string, values: Record<string, unknown>, from: Record<string, unknown>, baseVersion: number) {
  const r = await c.json('/api/sync/push', {
    json: { clientId, mutations: [{ mutationId: nextId++, name: IDENTITY_CHANGE, args: { targetKind, targetId, values, from }, baseVersion }] },
  });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.results.map((x: { ok?: boolean }) => x.ok), [true]);
}

const pending = async (c: TestClient) => {
  const r = await c.json<{ requests: PendingRequestView[] }>('/api/admin/requests');
  assert.equal(r.status, 200);
  return r.body.requests;
};

describe('the secretariat’s change requests', () => {
  let familyClient: TestClient;
  let familyId: string;
  let famBefore: typeof family.$inferSelect;
  let kid: typeof student.$inferSelect;

  before(async () => {
    const f = await signedIn(DEMO.family);
    familyClient = f.c;
    familyId = f.me.familyId;
    [famBefore] = await t.db.select().from(family).where(eq(family.id, familyId));
    [kid] = await t.db.select().from(student).where(eq(student.familyId, familyId));
    await ask(familyClient, 'family', familyId, { city: 'Rosny-sur-Seine', mobile: '06 11 22 33 44' }, { city: famBefore.city, mobile: famBefore.mobile }, famBefore.version);
    await ask(familyClient, 'student', kid.id, { school: 'Lycée Test' }, { school: kid.school }, kid.version);
  });

  test('families and teachers get 403 on every admin API', async () => {
    for (const account of [DEMO.family, DEMO.teacher]) {
      const { c } = await signedIn(account);
      assert.equal((await c.json('/api/admin/requests')).status, 403);
      assert.equal((await c.json('/api/admin/requests/x/approve', { json: {} })).status, 403);
      assert.equal((await c.json('/api/admin/requests/x/refuse', { json: { reason: 'non' } })).status, 403);
      assert.equal((await c.json(`/api/admin/families/${familyId}`)).status, 403);
      assert.equal((await c.json(`/api/admin/families/${familyId}`, { method: 'PUT', json: {} })).status, 403);
    }
    assert.equal((await new TestClient(t.app).json('/api/admin/requests')).status, 401);
  });

  test('pending requests of the site, oldest first, with started-from / on-file / asked-for values', async () => {
    const { c } = await signedIn(DEMO.secretariat);
    const list = await pending(c);
    assert.deepEqual(list.map((r) => r.targetId), [familyId, kid.id]);
    const fam = list[0];
    assert.equal(fam.conflict, false);
    const city = fam.fields.find((f) => f.field === 'city')!;
    assert.deepEqual([city.from, city.onFile, city.to, city.changedOnFile], [famBefore.city, famBefore.city, 'Rosny-sur-Seine', false]);
  });

  test('a record changed since the family started → conflict flag', async () => {
    const version = await nextVersion(t.db);
    await t.db.update(student).set({ schoolLevel: 'Terminale', school: 'Lycée Mansart', version }).where(eq(student.id, kid.id));
    const { c } = await signedIn(DEMO.secretariat);
    const req = (await pending(c)).find((r) => r.targetId === kid.id)!;
    assert.equal(req.conflict, true);
    const school = req.fields.find((f) => f.field === 'school')!;
    assert.deepEqual([school.from, school.onFile, school.to, school.changedOnFile], [kid.school, 'Lycée Mansart', 'Lycée Test', true]);
  });

  test('Limay’s secretariat sees none of Mantes’ requests and gets 404 on them', async () => {
    const { c } = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.deepEqual(await pending(c), []);
    const [req] = await t.db.select().from(changeRequest).where(eq(changeRequest.targetId, familyId));
    const approve = await c.json(`/api/admin/requests/${req.id}/approve`, { json: {} });
    assert.equal(approve.status, 404);
    assert.equal((await c.json(`/api/admin/requests/${req.id}/refuse`, { json: { reason: 'x' } })).status, 404);
    assert.equal((await c.json(`/api/admin/families/${familyId}`)).status, 404);
    const put = await c.json(`/api/admin/families/${familyId}`, { method: 'PUT', json: { ...famBefore, city: 'Limay' } });
    assert.equal(put.status, 404);
    const [fam] = await t.db.select().from(family).where(eq(family.id, familyId));
    assert.equal(fam.city, famBefore.city);
    assert.equal((await t.db.select().from(changeRequest).where(eq(changeRequest.id, req.id)))[0].status, 'pending');
  });

  test('refusing needs a reason; approve one field, refuse the other: values, versions, e-mails, audit, the family’s next pull', async () => {
    const { c: fc } = await signedIn(DEMO.family);
    const cursor = (await fc.json<PullResponse>('/api/sync?cursor=0')).body.cursor;

    const { c, me } = await signedIn(DEMO.secretariat);
    const req = (await pending(c)).find((r) => r.targetId === familyId)!;
    const noReason = await c.json(`/api/admin/requests/${req.id}/refuse`, { json: { fields: ['mobile'], reason: '  ' } });
    assert.equal(noReason.status, 422);
    assert.match(noReason.body.error.fields.reason, /Motif du refus/);

    const mails = t.mails.length;
    const ok = await c.json(`/api/admin/requests/${req.id}/approve`, { json: { fields: ['city'] } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.status, 'pending', 'one field still waits');
    const [famAfter] = await t.db.select().from(family).where(eq(family.id, familyId));
    assert.equal(famAfter.city, 'Rosny-sur-Seine');
    assert.equal(famAfter.mobile, famBefore.mobile, 'the other field is not applied');
    assert.ok(famAfter.version > famBefore.version, 'approval bumps the record version');
    assert.equal(t.mails.length, mails + 1);
    assert.equal(t.mails.at(-1)!.to, famBefore.email);
    assert.match(t.mails.at(-1)!.text, /Ville : acceptée/);

    const refused = await c.json(`/api/admin/requests/${req.id}/refuse`, { json: { fields: ['mobile'], reason: 'Numéro non vérifié' } });
    assert.equal(refused.status, 200);
    assert.equal(refused.body.status, 'partial');
    assert.equal(t.mails.length, mails + 2);
    assert.match(t.mails.at(-1)!.text, /Mobile : refusée \(motif : Numéro non vérifié\)/);
    const again = await c.json(`/api/admin/requests/${req.id}/approve`, { json: {} });
    assert.equal(again.status, 409);

    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, familyId), eq(auditLog.actorUserId, me.id)));
    assert.deepEqual(audits.map((a) => a.action).sort(), ['change_request.approved', 'change_request.refused']);
    const refusedAudit = audits.find((a) => a.action === 'change_request.refused')!;
    assert.equal((refusedAudit.details as { reason: string }).reason, 'Numéro non vérifié');

    const next = await fc.json<PullResponse>(`/api/sync?cursor=${cursor}`);
    const pulledFamily = next.body.changes.families?.[0] as { city: string } | undefined;
    assert.equal(pulledFamily?.city, 'Rosny-sur-Seine');
    const pulledRequest = next.body.changes.changeRequests?.find((r) => r.id === req.id) as { status: string; fields: Record<string, { status: string; reason?: string }> } | undefined;
    assert.equal(pulledRequest?.status, 'partial');
    assert.equal(pulledRequest?.fields.city.status, 'approved');
    assert.deepEqual([pulledRequest?.fields.mobile.status, pulledRequest?.fields.mobile.reason], ['rejected', 'Numéro non vérifié']);
    assert.ok(!(await pending(c)).some((r) => r.id === req.id), 'a decided request leaves the queue');
  });

  test('whole-request approval of a student', async () => {
    const { c } = await signedIn(DEMO.secretariat);
    const req = (await pending(c)).find((r) => r.targetId === kid.id)!;
    const r = await c.json(`/api/admin/requests/${req.id}/approve`, { json: {} });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'approved');
    const [after] = await t.db.select().from(student).where(eq(student.id, kid.id));
    assert.equal(after.school, 'Lycée Test');
  });

  test('direct edit of a family of the site: validated, applied with a new version, audited', async () => {
    const { c, me } = await signedIn(DEMO.secretariat);
    const got = await c.json(`/api/admin/families/${familyId}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.students.length, 3);
    const fam = got.body.family;
    const bad = await c.json(`/api/admin/families/${familyId}`, { method: 'PUT', json: { ...fam, postalCode: 'ABCDE', lastName: '' } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.error.fields.postalCode && bad.body.error.fields.lastName);
    const put = await c.json(`/api/admin/families/${familyId}`, { method: 'PUT', json: { ...fam, address: '8 rue du Test', phoneHome: '0134002148' } });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body.changed.sort(), ['address', 'phoneHome']);
    const [after] = await t.db.select().from(family).where(eq(family.id, familyId));
    assert.equal(after.phoneHome, '01 34 00 21 48');
    assert.ok(after.version > fam.version);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'family.updated'), eq(auditLog.actorUserId, me.id)));
    assert.deepEqual((audit.details as { changes: Record<string, { to: string }> }).changes.address.to, '8 rue du Test');

    const [martin] = await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, 'famille.martin'));
    const [limayFam] = await t.db.select().from(family).where(eq(family.lastName, 'Garnier'));
    assert.equal((await c.json(`/api/admin/families/${limayFam.id}`)).status, 404, 'another site’s family');
    assert.equal((await c.json(`/api/admin/families/${martin.familyId}`)).status, 200, 'any family of the site');
  });
});

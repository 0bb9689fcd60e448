import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import type { EmergencyContact } from '../../shared/emergency-contact.ts';
import type { PushResponse } from '../../shared/push-protocol.ts';
import type { PendingRequestView } from '../../server/change-requests/review.ts';
import { auditLog, changeRequest, course, enrollment, student } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
/** Lucie Lefèvre: in the demo teacher's FM 1C1 A. */
let lucie: typeof student.$inferSelect;
/** Théo Martin: another family's student. */
let theo: typeof student.$inferSelect;

before(async () => {
  t = await createTestApp();
  [lucie] = await t.db.select().from(student).where(eq(student.firstName, 'Lucie'));
  [theo] = await t.db.select().from(student).where(eq(student.firstName, 'Théo'));
});
after(() => t.close());

async function signedIn(account: readonly [string, string]) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1])).status, 200);
  return c;
}

const GRANDMA: EmergencyContact = { name: 'Jeanne Lefèvre', relation: 'Grand-mère', phone: '06 12 34 56 78', mayPickUp: true };
const NEIGHBOUR: EmergencyContact = { name: 'Paul Durand', relation: 'Voisin', phone: '01 34 77 88 99', mayPickUp: false };

const ask = (c: TestClient, clientId: string, mutationId: number, targetId: string, values: Record<string, unknown>, from: Record<string, unknown> = {}) =>
  c.json<PushResponse>('/api/sync/push', { json: { clientId, mutations: [{ mutationId, name: IDENTITY_CHANGE, args: { targetKind: 'student', targetId, values, from }, baseVersion: 1 }] } });
const resultOf = (r: { body: PushResponse }) => r.body.results[0];
const pendingOf = (id: string) => t.db.select().from(changeRequest).where(and(eq(changeRequest.targetId, id), eq(changeRequest.status, 'pending')));

describe('emergency contacts, reviewed like the identity', () => {
  test('validation: each contact checked with codes on its path (name, phone, at most 6), the phone stored in one form', async () => {
    const c = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    const bad = await ask(c, clientId, 1, lucie.id, {
      emergencyContacts: [
        { name: '', relation: 'Oncle', phone: '0612', mayPickUp: true },
        { name: 'x'.repeat(81), relation: 'y'.repeat(41), phone: '06 12 34 56 78', mayPickUp: 'oui' },
      ],
    });
    const first = resultOf(bad);
    const error = 'error' in first ? first.error : null;
    assert.equal(error?.code, 'validation');
    assert.equal(error?.fieldCodes?.['emergencyContacts.0.name']?.code, 'required');
    assert.equal(error?.fieldCodes?.['emergencyContacts.0.phone']?.code, 'phone');
    assert.equal(error?.fieldCodes?.['emergencyContacts.1.name']?.code, 'tooLong');
    assert.equal(error?.fieldCodes?.['emergencyContacts.1.relation']?.code, 'tooLong');
    assert.ok(error?.fieldCodes?.['emergencyContacts.1.mayPickUp']);
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...GRANDMA, name: `Personne ${i}` }));
    const tooMany = resultOf(await ask(c, clientId, 2, lucie.id, { emergencyContacts: seven }));
    assert.equal('error' in tooMany && tooMany.error.fieldCodes?.emergencyContacts?.code, 'contactsTooMany');
    const unknownKey = resultOf(await ask(c, clientId, 3, lucie.id, { emergencyContacts: [{ ...GRANDMA, address: '1 rue' }] }));
    assert.equal('error' in unknownKey && unknownKey.error.code, 'validation');
    assert.equal((await pendingOf(lucie.id)).length, 0, 'nothing asked');
  });

  test('what the family says it started from is kept only with the field’s shape: junk lists and a list for a name are replaced by the value on file', async () => {
    const c = await signedIn(DEMO.family);
    const junk = Array.from({ length: 12 }, () => Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`k${k}`, 'x'.repeat(150)])));
    const r = resultOf(await ask(c, crypto.randomUUID(), 1, lucie.id, { emergencyContacts: [GRANDMA], firstName: 'Lucy' }, { emergencyContacts: junk, firstName: [{ '<img src=x>': 'y' }] }));
    assert.deepEqual(r, { mutationId: 1, ok: true });
    const [pending] = await pendingOf(lucie.id);
    assert.deepEqual(pending.fields.emergencyContacts.from, lucie.emergencyContacts);
    assert.equal(pending.fields.firstName.from, lucie.firstName);
    assert.ok(JSON.stringify(pending.fields).length < 2_000, 'bounded');
    await t.db.delete(changeRequest).where(eq(changeRequest.id, pending.id));
  });

  test("another family's student, an unknown id: not_found, nothing written", async () => {
    const c = await signedIn(DEMO.family);
    const before = (await t.db.select().from(changeRequest)).length;
    for (const id of [theo.id, crypto.randomUUID()]) {
      const r = resultOf(await ask(c, crypto.randomUUID(), 1, id, { emergencyContacts: [GRANDMA] }));
      assert.equal('error' in r && r.error.code, 'not_found');
    }
    assert.equal((await t.db.select().from(changeRequest)).length, before);
  });

  test('the family asks, the list is not on the record until the secretariat approves; the teacher then pulls it', async () => {
    const c = await signedIn(DEMO.family);
    const clientId = crypto.randomUUID();
    const asked = [GRANDMA, { ...NEIGHBOUR, phone: '01.34.77.88.99' }];
    assert.deepEqual(resultOf(await ask(c, clientId, 1, lucie.id, { emergencyContacts: asked }, { emergencyContacts: [] })), { mutationId: 1, ok: true });
    // A replay and the same list again: one request, one field.
    assert.deepEqual((await ask(c, clientId, 1, lucie.id, { emergencyContacts: asked })).body.results, []);
    assert.deepEqual(resultOf(await ask(c, clientId, 2, lucie.id, { emergencyContacts: [GRANDMA, NEIGHBOUR] })), { mutationId: 2, ok: true });
    const [request] = await pendingOf(lucie.id);
    assert.deepEqual(Object.keys(request.fields), ['emergencyContacts']);
    assert.deepEqual(request.fields.emergencyContacts.to, [GRANDMA, NEIGHBOUR], 'the phone stored in one form');
    assert.deepEqual(request.fields.emergencyContacts.from, []);
    const [onFile] = await t.db.select().from(student).where(eq(student.id, lucie.id));
    assert.deepEqual(onFile.emergencyContacts, [], 'not on the record before review');

    // The secretariat sees the list (before / after), and approves it.
    const desk = await signedIn(DEMO.secretariat);
    const list = (await desk.json<{ requests: PendingRequestView[] }>('/api/admin/requests')).body.requests;
    const view = list.find((r) => r.targetId === lucie.id)!;
    const field = view.fields.find((f) => f.field === 'emergencyContacts')!;
    assert.deepEqual(field.onFile, []);
    assert.deepEqual(field.to, [GRANDMA, NEIGHBOUR]);
    assert.equal(field.changedOnFile, false);
    assert.equal((await desk.json(`/api/admin/requests/${view.id}/approve`, { json: { fields: ['emergencyContacts'] } })).status, 200);
    const [approved] = await t.db.select().from(student).where(eq(student.id, lucie.id));
    assert.deepEqual(approved.emergencyContacts, [GRANDMA, NEIGHBOUR]);
    assert.ok(approved.version > onFile.version);
    assert.ok((await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'change_request.approved'), eq(auditLog.targetId, lucie.id)))).length >= 1);

    // The class's teacher pulls the validated list with the student's name, and nothing else of the record.
    const teacher = await signedIn(DEMO.teacher);
    const pulled = await teacher.json('/api/sync?cursor=0');
    const row = (pulled.body.changes.students as Array<Record<string, unknown>>).find((s) => s.id === lucie.id)!;
    assert.deepEqual(row.emergencyContacts, [GRANDMA, NEIGHBOUR]);
    assert.equal(row.birthDate, undefined);
    assert.equal(row.phoneHome, undefined);

    // Asking for the list on file again asks nothing.
    assert.deepEqual(resultOf(await ask(c, clientId, 3, lucie.id, { emergencyContacts: [GRANDMA, NEIGHBOUR] })), { mutationId: 3, ok: true });
    assert.equal((await pendingOf(lucie.id)).length, 0);
  });

  test('a refused list stays off the record; a pending list is not what the teacher pulls', async () => {
    const c = await signedIn(DEMO.family);
    const [hugo] = await t.db.select().from(student).where(eq(student.firstName, 'Hugo'));
    assert.deepEqual(resultOf(await ask(c, crypto.randomUUID(), 1, hugo.id, { emergencyContacts: [NEIGHBOUR] })), { mutationId: 1, ok: true });
    const teacher = await signedIn(DEMO.teacher);
    const [choir] = await t.db.select({ id: course.id }).from(course).innerJoin(enrollment, eq(enrollment.courseId, course.id)).where(eq(enrollment.studentId, hugo.id));
    assert.ok(choir, 'Hugo is in one of the teacher’s classes');
    const pulled = await teacher.json('/api/sync?cursor=0');
    const row = (pulled.body.changes.students as Array<Record<string, unknown>>).find((s) => s.id === hugo.id);
    assert.deepEqual(row?.emergencyContacts, hugo.emergencyContacts, 'the validated list (the demo seeds two), not the one asked for');
    assert.equal(hugo.emergencyContacts.length, 2);
    const desk = await signedIn(DEMO.secretariat);
    const view = (await desk.json<{ requests: PendingRequestView[] }>('/api/admin/requests')).body.requests.find((r) => r.targetId === hugo.id)!;
    assert.equal((await desk.json(`/api/admin/requests/${view.id}/refuse`, { json: { reason: 'Numéro à vérifier' } })).status, 200);
    const [after] = await t.db.select().from(student).where(eq(student.id, hugo.id));
    assert.deepEqual(after.emergencyContacts, hugo.emergencyContacts);
  });
});

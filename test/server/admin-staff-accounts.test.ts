import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { ACCOUNT_MAX_FAILURES } from '../../server/auth/throttle.ts';
import { auditLog, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let mantes: TestClient;
let limay: TestClient;

before(async () => {
  t = await createTestApp();
  mantes = new TestClient(t.app, '10.10.0.1');
  limay = new TestClient(t.app, '10.10.0.2');
  assert.equal((await mantes.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
});
after(() => t.close());

const idOf = async (username: string) => (await t.db.select({ id: user.id }).from(user).where(eq(user.username, username)))[0].id;

describe('the secretariat and its site’s staff accounts', () => {
  test('GET /api/admin/staff-accounts: the site’s teachers and secretariat accounts with their lock state, not families, not another site’s', async () => {
    const r = await mantes.json('/api/admin/staff-accounts');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.map((a: { username: string }) => a.username), ['enseignant.demo', 'secretariat.demo']);
    for (const a of r.body) {
      assert.deepEqual(Object.keys(a).sort(), ['disabled', 'email', 'id', 'lockedMinutes', 'name', 'role', 'username']);
      assert.equal(a.lockedMinutes, 0);
    }
    assert.deepEqual((await limay.json('/api/admin/staff-accounts')).body.map((a: { username: string }) => a.username), ['secretariat.limay']);
  });

  test('a teacher locked by failed sign-ins shows as locked, and the desk unlocks them: audited', async () => {
    const guesser = new TestClient(t.app, '10.10.1.1');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) assert.equal((await guesser.signIn(DEMO.teacher[0], 'Pas-le-bon')).status, 401);
    assert.equal((await new TestClient(t.app, '10.10.1.2').signIn(...DEMO.teacher)).status, 429);

    const teacher = (await mantes.json('/api/admin/staff-accounts')).body.find((a: { username: string }) => a.username === 'enseignant.demo');
    assert.ok(teacher.lockedMinutes >= 14 && teacher.lockedMinutes <= 15, String(teacher.lockedMinutes));
    assert.equal(teacher.role, 'teacher');

    const unlocked = await mantes.json(`/api/admin/staff-accounts/${teacher.id}/unlock`, { method: 'POST' });
    assert.equal(unlocked.status, 200);
    assert.match(unlocked.body.message, /enseignant\.demo est débloqué/);
    assert.equal((await mantes.json('/api/admin/staff-accounts')).body.find((a: { id: string }) => a.id === teacher.id).lockedMinutes, 0);
    assert.equal((await new TestClient(t.app, '10.10.1.3').signIn(...DEMO.teacher)).status, 200);

    const [desk] = await t.db.select({ id: user.id }).from(user).where(eq(user.username, 'secretariat.demo'));
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'account.unlocked'), eq(auditLog.targetId, teacher.id)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actorUserId, desk.id);
    assert.equal(audit[0].siteId, (await t.db.select().from(user).where(eq(user.id, teacher.id)))[0].siteId);
  });

  test('another site’s staff, a family account or an unknown id: 404; families and teachers: 403; anonymous: 401', async () => {
    assert.equal((await limay.json(`/api/admin/staff-accounts/${await idOf('enseignant.demo')}/unlock`, { method: 'POST' })).status, 404);
    assert.equal((await mantes.json(`/api/admin/staff-accounts/${await idOf('secretariat.limay')}/unlock`, { method: 'POST' })).status, 404);
    assert.equal((await mantes.json(`/api/admin/staff-accounts/${await idOf('famille.demo')}/unlock`, { method: 'POST' })).status, 404);
    assert.equal((await mantes.json('/api/admin/staff-accounts/inconnu/unlock', { method: 'POST' })).status, 404);
    const family = new TestClient(t.app, '10.10.2.1');
    assert.equal((await family.signIn(...DEMO.family)).status, 200);
    assert.equal((await family.json('/api/admin/staff-accounts')).status, 403);
    assert.equal((await family.json(`/api/admin/staff-accounts/${await idOf('enseignant.demo')}/unlock`, { method: 'POST' })).status, 403);
    const teacher = new TestClient(t.app, '10.10.2.2');
    assert.equal((await teacher.signIn(...DEMO.teacher)).status, 200);
    assert.equal((await teacher.json('/api/admin/staff-accounts')).status, 403);
    assert.equal((await new TestClient(t.app).json('/api/admin/staff-accounts')).status, 401);
  });
});

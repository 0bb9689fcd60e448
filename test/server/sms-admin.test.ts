import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { family, mailOutbox, site } from '../../server/db/schema/index.ts';
import { queueSms } from '../../server/sms/queue.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function signedIn(account: readonly [string, string], siteName = 'Mantes') {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], siteName)).status, 200);
  return c;
}

describe('the secretariat’s list of sent messages (GET /api/admin/messages)', () => {
  let mantesFamily: typeof family.$inferSelect;
  let limayFamily: typeof family.$inferSelect;

  before(async () => {
    const [mantes] = await t.db.select().from(site).where(eq(site.name, 'Mantes'));
    const [limay] = await t.db.select().from(site).where(eq(site.name, 'Limay'));
    [mantesFamily] = await t.db.select().from(family).where(eq(family.siteId, mantes.id)).limit(1);
    [limayFamily] = await t.db.select().from(family).where(eq(family.siteId, limay.id)).limit(1);
    for (let i = 0; i < 5; i++) {
      const now = new Date(Date.UTC(2026, 2, 10, 10, i));
      await queueSms(t.db, { siteId: mantes.id, familyId: mantesFamily.id, to: '06 12 34 56 78', text: `Mantes ${i}`, dedupeKey: `mantes-${i}`, now });
    }
    await queueSms(t.db, { siteId: limay.id, familyId: limayFamily.id, to: '07 81 22 33 44', text: 'Limay', dedupeKey: 'limay-0', now: new Date('2026-03-10T11:00:00Z') });
    await t.db.insert(mailOutbox).values([
      { to: mantesFamily.email, subject: 'Mantes mail', text: 'lien secret https://…/reinitialiser?token=abc', status: 'stored' },
      { to: limayFamily.email, subject: 'Limay mail', text: 'x', status: 'stored' },
      { to: mantesFamily.email, subject: 'Mantes retry', text: 'x', status: 'queued', attempts: 2, nextAttemptAt: '2026-03-10T11:01:00.000Z', error: '451 try later' },
    ]);
  });

  test('the site’s SMS, newest first, bounded by limit; never another site’s', async () => {
    const c = await signedIn(DEMO.secretariat);
    const r = await c.json('/api/admin/messages?kind=sms');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.sms.map((m: { text: string }) => m.text), ['Mantes 4', 'Mantes 3', 'Mantes 2', 'Mantes 1', 'Mantes 0']);
    assert.deepEqual(Object.keys(r.body.sms[0]).sort(), ['attempts', 'createdAt', 'deliveredAt', 'error', 'familyId', 'id', 'nextAttemptAt', 'sentAt', 'status', 'text', 'to'].sort());
    assert.equal(r.body.sms[0].to, '+33612345678');
    assert.equal(r.body.sms[0].status, 'queued');
    const two = await c.json('/api/admin/messages?kind=sms&limit=2');
    assert.deepEqual(two.body.sms.map((m: { text: string }) => m.text), ['Mantes 4', 'Mantes 3']);
    const limay = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.deepEqual((await limay.json('/api/admin/messages')).body.sms.map((m: { text: string }) => m.text), ['Limay']);
  });

  test('mails addressed to the site’s people, without their body (it may hold a password link)', async () => {
    const c = await signedIn(DEMO.secretariat);
    const r = await c.json('/api/admin/messages?kind=mail&limit=200');
    assert.equal(r.status, 200);
    const subjects = r.body.mail.map((m: { subject: string }) => m.subject);
    assert.ok(subjects.includes('Mantes mail'));
    assert.ok(!subjects.includes('Limay mail'));
    assert.ok(r.body.mail.every((m: Record<string, unknown>) => !('text' in m)));
    // A mail waiting for another try says so: its tries, when, and why (server/mail/mailer.ts).
    const retry = r.body.mail.find((m: { subject: string }) => m.subject === 'Mantes retry');
    assert.deepEqual(
      { status: retry.status, attempts: retry.attempts, nextAttemptAt: retry.nextAttemptAt, error: retry.error },
      { status: 'queued', attempts: 2, nextAttemptAt: '2026-03-10T11:01:00.000Z', error: '451 try later' },
    );
  });

  test('a bad kind or limit is a 422', async () => {
    const c = await signedIn(DEMO.secretariat);
    for (const q of ['kind=fax', 'limit=0', 'limit=201', 'limit=abc', 'limit=1.5']) {
      assert.equal((await c.json(`/api/admin/messages?${q}`)).status, 422, q);
    }
  });

  test('families and teachers get 403, anonymous 401', async () => {
    for (const account of [DEMO.family, DEMO.teacher]) {
      assert.equal((await (await signedIn(account)).json('/api/admin/messages?kind=sms')).status, 403);
    }
    assert.equal((await new TestClient(t.app).json('/api/admin/messages')).status, 401);
  });
});

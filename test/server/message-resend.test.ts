import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditLog, family, mailOutbox, site, smsOutbox, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function signedIn(account: readonly [string, string], site?: string) {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], site)).status, 200);
  return c;
}

async function demoFamily() {
  const [{ familyId }] = await t.db.select({ familyId: user.familyId }).from(user).where(eq(user.username, DEMO.family[0]));
  const [f] = await t.db.select().from(family).where(eq(family.id, familyId!));
  return f;
}

describe('the secretariat sends a failed message again', () => {
  test('a failed SMS goes back to the queue once; a delivered one cannot; another site’s is 404; a family 403', async () => {
    const f = await demoFamily();
    const [failed] = await t.db
      .insert(smsOutbox)
      .values({ siteId: f.siteId, familyId: f.id, to: '+33639984127', text: 'Test', dedupeKey: `test:${crypto.randomUUID()}`, status: 'failed', attempts: 10, error: 'gateway down', nextAttemptAt: new Date().toISOString() })
      .returning();
    const [delivered] = await t.db
      .insert(smsOutbox)
      .values({ siteId: f.siteId, familyId: f.id, to: '+33639984127', text: 'Test', dedupeKey: `test:${crypto.randomUUID()}`, status: 'delivered', nextAttemptAt: new Date().toISOString() })
      .returning();
    const limay = await signedIn(DEMO.secretariatLimay, 'Limay');
    assert.equal((await limay.json(`/api/admin/messages/sms/${failed.id}/resend`, { json: {} })).status, 404);
    const fam = await signedIn(DEMO.family);
    assert.equal((await fam.json(`/api/admin/messages/sms/${failed.id}/resend`, { json: {} })).status, 403);

    const desk = await signedIn(DEMO.secretariat);
    assert.equal((await desk.json(`/api/admin/messages/sms/${failed.id}/resend`, { json: {} })).status, 200);
    const [row] = await t.db.select().from(smsOutbox).where(eq(smsOutbox.id, failed.id));
    assert.deepEqual([row.status, row.attempts, row.error], ['queued', 0, null]);
    assert.equal((await desk.json(`/api/admin/messages/sms/${failed.id}/resend`, { json: {} })).status, 409, 'queued again, not twice');
    assert.equal((await desk.json(`/api/admin/messages/sms/${delivered.id}/resend`, { json: {} })).status, 409);
    assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.targetId, failed.id))).length, 1);
  });

  test('a failed e-mail is sent again as a new message, the failed one marked resent', async () => {
    const f = await demoFamily();
    const [failed] = await t.db.insert(mailOutbox).values({ to: f.email, subject: 'Portée — essai', text: 'Bonjour', status: 'failed', error: 'SMTP down' }).returning();
    const [other] = await t.db.insert(mailOutbox).values({ to: 'quelquun@ailleurs.example', subject: 'x', text: 'x', status: 'failed' }).returning();
    const desk = await signedIn(DEMO.secretariat);
    t.mails.length = 0;
    assert.equal((await desk.json(`/api/admin/messages/mail/${other.id}/resend`, { json: {} })).status, 404, 'not addressed to the site');
    assert.equal((await desk.json(`/api/admin/messages/mail/${failed.id}/resend`, { json: {} })).status, 200);
    assert.deepEqual(t.mails.map((m) => [m.to, m.subject]), [[f.email, 'Portée — essai']]);
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, failed.id));
    assert.equal(row.status, 'resent');
    assert.equal((await desk.json(`/api/admin/messages/mail/${failed.id}/resend`, { json: {} })).status, 409);
    assert.equal(t.mails.length, 1);
  });
});

describe('which site’s desk lists a mail', () => {
  test('the site it was written for, not whose address it went to; rows from before the site was written are matched by address', async () => {
    const f = await demoFamily();
    const [limaySite] = await t.db.select().from(site).where(eq(site.name, 'Limay'));
    const subject = (what: string) => `Portée — ${what} ${crypto.randomUUID()}`;
    const [forLimay] = await t.db.insert(mailOutbox).values({ siteId: limaySite.id, to: f.email, subject: subject('Limay, same address'), text: 'x', status: 'sent' }).returning();
    const [applicant] = await t.db.insert(mailOutbox).values({ siteId: f.siteId, to: `candidat-${crypto.randomUUID()}@exemple.fr`, subject: subject('applicant'), text: 'x', status: 'sent' }).returning();
    const [older] = await t.db.insert(mailOutbox).values({ to: f.email, subject: subject('before 0010'), text: 'x', status: 'sent' }).returning();
    const listed = async (c: TestClient) => {
      const res = await c.json('/api/admin/messages?kind=mail&limit=200');
      assert.equal(res.status, 200);
      return new Set((res.body.mail as Array<{ id: string }>).map((m) => m.id));
    };
    const mantes = await listed(await signedIn(DEMO.secretariat));
    const limay = await listed(await signedIn(DEMO.secretariatLimay, 'Limay'));
    assert.ok(!mantes.has(forLimay.id), 'a mail Limay wrote to an address a Mantes family has is not Mantes’s');
    assert.ok(limay.has(forLimay.id));
    assert.ok(mantes.has(applicant.id), 'an applicant’s mail (an address nobody has yet) is its site’s');
    assert.ok(!limay.has(applicant.id));
    assert.ok(mantes.has(older.id) && !limay.has(older.id), 'an older row: by address');
  });

});


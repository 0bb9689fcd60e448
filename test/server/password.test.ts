import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { mailOutbox, site, user, verification } from '../../server/db/schema/index.ts';
import { LOST_PASSWORD_ANSWER } from '../../server/routes/password.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';
import { startSmtp, type LocalSmtp, type ReceivedMail } from '../helpers/smtp.ts';

const FAMILY_EMAIL = 'camille.lefevre@example.org';
const NEW_PASSWORD = 'Un-nouveau-mot-de-passe-42';

let smtp: LocalSmtp;
let t: TestApp;
let mantes: string;
let limay: string;

before(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  const sites = await t.db.select().from(site);
  mantes = sites.find((s) => s.name === 'Mantes')!.id;
  limay = sites.find((s) => s.name === 'Limay')!.id;
});

after(async () => {
  t.close();
  await smtp.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function resetToken(mail: ReceivedMail): string {
  const match = /\/mot-de-passe-perdu\/nouveau\?jeton=([^\s&]+)/.exec(mail.text);
  assert.ok(match, `reset link in:\n${mail.text}`);
  return decodeURIComponent(match[1]);
}

async function outboxTo(to: string) {
  return t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
}

/**
 * Asks for a reset link (famille.demo by default) and returns the token from the mail that arrives.
 * An account gets 3 links an hour (lost-password-limits.test.ts): spread the tests over two accounts.
 */
async function requestLink(username = 'famille.demo', email = FAMILY_EMAIL): Promise<string> {
  const before = smtp.received.length;
  const r = await new TestClient(t.app).json('/api/password/lost', {
    json: { siteId: mantes, username, email },
  });
  assert.equal(r.status, 200);
  const mails = await smtp.waitFor(before + 1);
  return resetToken(mails[before]);
}

describe('lost password', () => {
  test('the right site, identifiant and e-mail send one reset link by SMTP', async () => {
    const c = new TestClient(t.app);
    const r = await c.json('/api/password/lost', { json: { siteId: mantes, username: 'famille.demo', email: FAMILY_EMAIL } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { message: LOST_PASSWORD_ANSWER });

    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail.to, [FAMILY_EMAIL]);
    assert.match(mail.raw, /^To: .*camille\.lefevre@example\.org/im);
    const token = resetToken(mail);
    assert.ok(token.length >= 16, `token ${token}`);
    assert.match(mail.text, /^http:\/\/localhost:3000\/mot-de-passe-perdu\/nouveau\?jeton=/m);
    assert.doesNotMatch(mail.text, /Portee-demo-2026/, 'never a password by e-mail');

    // The outbox row turns to 'sent' once the SMTP server accepted the message.
    let rows = await outboxTo(FAMILY_EMAIL);
    for (let i = 0; i < 60 && rows[0]?.status !== 'sent'; i++) {
      await sleep(50);
      rows = await outboxTo(FAMILY_EMAIL);
    }
    assert.equal(rows.length, 1);
    assert.equal(rows[0].status, 'sent');
    assert.ok(rows[0].sentAt);
    assert.match(rows[0].text, /jeton=/);
  });

  test('a wrong e-mail, an unknown identifiant or the wrong site get the same answer and no mail', async () => {
    const c = new TestClient(t.app);
    const mailsBefore = smtp.received.length;
    const outboxBefore = (await t.db.select().from(mailOutbox)).length;
    const attempts = [
      { siteId: mantes, username: 'famille.demo', email: 'quelqu.un@example.org' },
      { siteId: mantes, username: 'famille.inconnue', email: FAMILY_EMAIL },
      { siteId: limay, username: 'famille.demo', email: FAMILY_EMAIL },
      { siteId: mantes, username: 'famille.martin', email: FAMILY_EMAIL },
    ];
    for (const json of attempts) {
      const r = await c.json('/api/password/lost', { json });
      assert.equal(r.status, 200, JSON.stringify(json));
      assert.deepEqual(r.body, { message: LOST_PASSWORD_ANSWER });
    }
    await sleep(600);
    assert.equal(smtp.received.length, mailsBefore, 'no message reached the SMTP server');
    assert.equal((await t.db.select().from(mailOutbox)).length, outboxBefore, 'no message was queued');
  });

  test('the identifiant and e-mail are compared without case', async () => {
    const before = smtp.received.length;
    const r = await new TestClient(t.app).json('/api/password/lost', {
      json: { siteId: mantes, username: 'Famille.Martin', email: 'JULIEN.MARTIN@example.org' },
    });
    assert.equal(r.status, 200);
    const mails = await smtp.waitFor(before + 1);
    assert.deepEqual(mails[before].to, ['julien.martin@example.org']);
  });

  test('empty fields → 422 naming each field', async () => {
    const r = await new TestClient(t.app).json('/api/password/lost', { json: { siteId: '', username: '', email: '' } });
    assert.equal(r.status, 422);
    assert.deepEqual(Object.keys(r.body.error.fields).sort(), ['email', 'siteId', 'username']);
    const bad = await new TestClient(t.app).json('/api/password/lost', { json: { siteId: mantes, username: 'famille.demo', email: 'pas-une-adresse' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys(bad.body.error.fields), ['email']);
  });
});

describe('reset with the link', () => {
  test('the new password policy is checked before the token is used', async () => {
    const token = await requestLink();
    const c = new TestClient(t.app);
    const short = await c.json('/api/password/reset', { json: { token, newPassword: 'Court-1', confirmation: 'Court-1' } });
    assert.equal(short.status, 422);
    assert.ok(short.body.error.fields.newPassword, JSON.stringify(short.body));
    for (const common of ['motdepasse123', 'azertyuiop']) {
      const r = await c.json('/api/password/reset', { json: { token, newPassword: common, confirmation: common } });
      assert.equal(r.status, 422, common);
      assert.match(r.body.error.fields.newPassword, /plus utilisés/);
    }
    const mismatch = await c.json('/api/password/reset', { json: { token, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD + 'x' } });
    assert.equal(mismatch.status, 422);
    assert.ok(mismatch.body.error.fields.confirmation);
    assert.equal(mismatch.body.error.fields.newPassword, undefined);
    // None of these used the token up.
    const [row] = await t.db.select().from(verification).where(eq(verification.identifier, `reset-password:${token}`));
    assert.ok(row, 'the token is still valid');
  });

  test('a reset sets the new password, revokes sessions, and the link works once', async () => {
    const before = new TestClient(t.app);
    assert.equal((await before.signIn(...DEMO.family)).status, 200);
    assert.equal(typeof (await before.json('/api/session')).body.user?.id, 'string');

    const token = await requestLink();
    const c = new TestClient(t.app);
    const r = await c.json('/api/password/reset', { json: { token, newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.match(r.body.message, /modifié/);

    assert.equal((await before.json('/api/session')).body.user, null, 'the session opened before the reset is revoked');
    assert.equal((await new TestClient(t.app).signIn(DEMO.family[0], DEMO.family[1])).status, 401, 'the old password no longer works');
    const signedIn = await new TestClient(t.app).signIn(DEMO.family[0], NEW_PASSWORD);
    assert.equal(signedIn.status, 200);

    const again = await c.json('/api/password/reset', { json: { token, newPassword: 'Encore-un-autre-mot-2', confirmation: 'Encore-un-autre-mot-2' } });
    assert.equal(again.status, 400);
    assert.equal(again.body.error.code, 'invalid_token');
    assert.equal((await new TestClient(t.app).signIn(DEMO.family[0], NEW_PASSWORD)).status, 200, 'the second try changed nothing');
  });

  test('an expired token → 400', async () => {
    const token = await requestLink('famille.martin', 'julien.martin@example.org');
    const updated = await t.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verification.identifier, `reset-password:${token}`))
      .returning({ id: verification.id });
    assert.equal(updated.length, 1);
    const r = await new TestClient(t.app).json('/api/password/reset', { json: { token, newPassword: 'Expire-depuis-longtemps', confirmation: 'Expire-depuis-longtemps' } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'invalid_token');
    assert.equal((await new TestClient(t.app).signIn(DEMO.martin[0], 'Expire-depuis-longtemps')).status, 401);
  });

  test('an unknown token → 400', async () => {
    const r = await new TestClient(t.app).json('/api/password/reset', { json: { token: 'nimporte-quoi', newPassword: NEW_PASSWORD, confirmation: NEW_PASSWORD } });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'invalid_token');
  });
});

describe('change password', () => {
  const [username, password] = DEMO.secretariat;
  const changed = 'Secretariat-nouveau-2027';

  test('anonymous → 401', async () => {
    const r = await new TestClient(t.app).json('/api/password/change', {
      json: { currentPassword: password, newPassword: changed, confirmation: changed },
    });
    assert.equal(r.status, 401);
  });

  test('a wrong current password → 422 on currentPassword, nothing changes', async () => {
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(username, password)).status, 200);
    const r = await c.json('/api/password/change', { json: { currentPassword: 'Pas-le-bon-du-tout', newPassword: changed, confirmation: changed } });
    assert.equal(r.status, 422);
    assert.ok(r.body.error.fields.currentPassword);
    const weak = await c.json('/api/password/change', { json: { currentPassword: password, newPassword: 'azertyuiop', confirmation: 'azertyuiop' } });
    assert.equal(weak.status, 422);
    assert.ok(weak.body.error.fields.newPassword);
    assert.equal(typeof (await c.json('/api/session')).body.user?.id, 'string', 'still signed in');
    assert.equal((await new TestClient(t.app).signIn(username, password)).status, 200, 'the password is unchanged');
  });

  test('a change closes the other sessions, keeps this one and sends a notice', async () => {
    const other = new TestClient(t.app);
    assert.equal((await other.signIn(username, password)).status, 200);
    const c = new TestClient(t.app);
    assert.equal((await c.signIn(username, password)).status, 200);
    const [account] = await t.db.select().from(user).where(eq(user.username, username));

    const res = await c.request('/api/password/change', { json: { currentPassword: password, newPassword: changed, confirmation: changed } });
    assert.equal(res.status, 200);
    assert.ok(res.headers.getSetCookie().some((h) => h.startsWith('portee.session_token=')), 'a new session cookie');

    assert.equal((await other.json('/api/session')).body.user, null, 'the other session is closed');
    const mine = await c.json('/api/session');
    assert.equal(mine.status, 200, 'the changing client stays signed in');
    assert.equal(mine.body.user.username, username);

    assert.equal((await new TestClient(t.app).signIn(username, password)).status, 401);
    assert.equal((await new TestClient(t.app).signIn(username, changed)).status, 200);

    let notices = (await outboxTo(account.email)).filter((m) => m.subject.includes('mot de passe a été modifié'));
    for (let i = 0; i < 60 && notices[0]?.status !== 'sent'; i++) {
      await sleep(50);
      notices = (await outboxTo(account.email)).filter((m) => m.subject.includes('mot de passe a été modifié'));
    }
    assert.equal(notices.length, 1);
    assert.equal(notices[0].status, 'sent');
    assert.ok(smtp.received.some((m) => m.to.includes(account.email)), 'the notice reached the SMTP server');
  });
});

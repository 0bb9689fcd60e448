import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { LINK_WINDOW_MS, LINKS_PER_ACCOUNT, REQUESTS_PER_IP, createLinkThrottle } from '../../server/auth/link-throttle.ts';
import { site, user, verification } from '../../server/db/schema/index.ts';
import { LOST_PASSWORD_ANSWER } from '../../server/routes/password.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DEMO_EMAIL = 'camille.lefevre@example.org';
const MARTIN_EMAIL = 'julien.martin@example.org';

let t: TestApp;
let mantes: string;

async function fresh() {
  t = await createTestApp();
  const sites = await t.db.select().from(site);
  mantes = sites.find((s) => s.name === 'Mantes')!.id;
}

/** Asks for a link and returns the mails that arrived for `to` (the route does not await the mail). */
async function ask(ip: string, username: string, email: string) {
  const r = await new TestClient(t.app, ip).json('/api/password/lost', { json: { siteId: mantes, username, email } });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.deepEqual(r.body, { message: LOST_PASSWORD_ANSWER }, 'always the same answer');
  await sleep(150);
}

const mailsTo = (to: string) => t.mails.filter((m) => m.to === to);
const tokenOf = (text: string) => decodeURIComponent(/jeton=([^\s&]+)/.exec(text)![1]);
const lastToken = (to: string) => tokenOf(mailsTo(to).at(-1)!.text);
const reset = (token: string, newPassword: string) =>
  new TestClient(t.app).json('/api/password/reset', { json: { token, newPassword, confirmation: newPassword } });

describe('lost password: per-account and per-IP limits', () => {
  before(fresh);
  after(() => t.close());

  test(`${LINKS_PER_ACCOUNT} links per account per hour; more requests get the same answer and send nothing`, async () => {
    for (let i = 0; i < LINKS_PER_ACCOUNT; i++) await ask(`10.5.0.${i + 1}`, 'famille.demo', DEMO_EMAIL);
    assert.equal(mailsTo(DEMO_EMAIL).length, LINKS_PER_ACCOUNT);
    for (let i = 0; i < 3; i++) await ask(`10.5.1.${i + 1}`, 'famille.demo', DEMO_EMAIL);
    assert.equal(mailsTo(DEMO_EMAIL).length, LINKS_PER_ACCOUNT, 'no more mail, from any address');
    const live = await t.db.select().from(verification);
    assert.equal(live.filter((v) => v.identifier.startsWith('reset-password:')).length, 1, 'one live link');
  });

  test('the account limit survives a restart', async () => {
    t = await t.restart();
    await ask('10.5.2.1', 'famille.demo', DEMO_EMAIL);
    assert.equal(t.mails.length, 0, 'the restarted app sent nothing');
  });

  test('requests whose details do not match do not use up the account’s links (a stranger cannot block them)', async () => {
    for (let i = 0; i < 6; i++) await ask(`10.5.3.${i + 1}`, 'famille.martin', 'quelqu.un@example.org');
    await ask('10.5.3.99', 'famille.martin', MARTIN_EMAIL);
    assert.equal(mailsTo(MARTIN_EMAIL).length, 1);
  });

  test(`one address gets ${REQUESTS_PER_IP} requests an hour, matching or not; other addresses are not affected`, async () => {
    const ip = '10.5.4.1';
    for (let i = 0; i < REQUESTS_PER_IP; i++) await new TestClient(t.app, ip).json('/api/password/lost', { json: { siteId: mantes, username: `inconnu.${i}`, email: 'x@example.org' } });
    const [teacher] = await t.db.select().from(user).where(eq(user.username, 'enseignant.demo'));
    const before = t.mails.length;
    await ask(ip, 'enseignant.demo', teacher.email);
    assert.equal(t.mails.length, before, 'nothing sent from the address over its limit');
    await ask('10.5.4.2', 'enseignant.demo', teacher.email);
    assert.equal(t.mails.length, before + 1, 'another address still gets its link');
  });
});

describe('lost password: a new link or a reset ends the earlier links', () => {
  before(fresh);
  after(() => t.close());

  test('a newer link makes the older one useless; the newer one works', async () => {
    await ask('10.6.0.1', 'famille.demo', DEMO_EMAIL);
    const older = lastToken(DEMO_EMAIL);
    await ask('10.6.0.1', 'famille.demo', DEMO_EMAIL);
    const newer = lastToken(DEMO_EMAIL);
    assert.notEqual(older, newer);
    const refused = await reset(older, 'Ancien-lien-refuse-42');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'invalid_token');
    assert.equal((await reset(newer, 'Nouveau-lien-accepte-42')).status, 200);
    assert.equal((await new TestClient(t.app).signIn(DEMO.family[0], 'Nouveau-lien-accepte-42')).status, 200);
  });

  test('a successful reset ends every other live link of the account (even one made at the same time)', async () => {
    await ask('10.6.0.2', 'famille.martin', MARTIN_EMAIL);
    const mailed = lastToken(MARTIN_EMAIL);
    const [martin] = await t.db.select().from(user).where(eq(user.username, 'famille.martin'));
    // A link made concurrently (both live): the reset must end it too.
    const now = new Date();
    await t.db.insert(verification).values({
      id: crypto.randomUUID(), identifier: 'reset-password:lien-concurrent-0123456789', value: martin.id,
      expiresAt: new Date(now.getTime() + 3600_000), createdAt: now, updatedAt: now,
    });
    assert.equal((await reset(mailed, 'Martin-nouveau-mot-42')).status, 200);
    const other = await reset('lien-concurrent-0123456789', 'Martin-pirate-mot-42');
    assert.equal(other.status, 400);
    assert.equal((await new TestClient(t.app).signIn(DEMO.martin[0], 'Martin-nouveau-mot-42')).status, 200);
  });

  test('the desk’s link ends the family’s earlier link, and is not held back by the family’s limit', async () => {
    const desk = new TestClient(t.app, '10.6.1.1');
    assert.equal((await desk.signIn(...DEMO.secretariat)).status, 200);
    const [demo] = await t.db.select().from(user).where(eq(user.username, 'famille.demo'));
    for (let i = 0; i < LINKS_PER_ACCOUNT; i++) await ask('10.6.0.3', 'famille.demo', DEMO_EMAIL);
    const familyLink = lastToken(DEMO_EMAIL);
    const before = mailsTo(DEMO_EMAIL).length;
    const sent = await desk.json(`/api/admin/accounts/${demo.id}/reset-link`, { method: 'POST' });
    assert.equal(sent.status, 200);
    assert.equal(mailsTo(DEMO_EMAIL).length, before + 1);
    const deskLink = lastToken(DEMO_EMAIL);
    assert.equal((await reset(familyLink, 'Lien-de-la-famille-42')).status, 400, 'the family’s earlier link is ended');
    assert.equal((await reset(deskLink, 'Lien-du-secretariat-42')).status, 200);
  });
});

describe('the link throttle’s window (fake clock)', () => {
  before(async () => {
    t = await createTestApp({ seed: false });
  });
  after(() => t.close());

  test('an account gets links again an hour after the first one; rows older than the window are pruned', async () => {
    let now = 1_800_000_000_000;
    const links = createLinkThrottle(t.db, () => now);
    for (let i = 0; i < LINKS_PER_ACCOUNT; i++) {
      assert.equal(await links.reserve('compte-1', '192.0.2.1'), true, `link ${i + 1}`);
      now += 60_000;
    }
    assert.equal(await links.reserve('compte-1', '192.0.2.2'), false);
    assert.equal(await links.reserve('compte-2', '192.0.2.2'), true, 'another account is not held back');
    now = 1_800_000_000_000 + LINK_WINDOW_MS;
    assert.equal(await links.reserve('compte-1', '192.0.2.2'), true, 'the first link left the window');
    assert.equal(await links.reserve('compte-1', '192.0.2.2'), false, 'the second one has not yet');
  });

  test(`an address is held back after ${REQUESTS_PER_IP} requests, matching an account or not`, async () => {
    let now = 1_900_000_000_000;
    const links = createLinkThrottle(t.db, () => now);
    for (let i = 0; i < REQUESTS_PER_IP; i++) assert.equal(await links.reserve(i % 2 ? null : `c-${i}`, '198.51.100.1'), true);
    assert.equal(await links.reserve(null, '198.51.100.1'), false);
    assert.equal(await links.reserve('c-x', '198.51.100.1'), false);
    assert.equal(await links.reserve('c-x', '198.51.100.2'), true);
    now += LINK_WINDOW_MS;
    assert.equal(await links.reserve(null, '198.51.100.1'), true);
  });
});

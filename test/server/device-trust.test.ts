import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ACCOUNT_MAX_FAILURES, DEVICE_MAX_FAILURES } from '../../server/auth/throttle.ts';
import { DEVICE_COOKIE_MAX_AGE_S } from '../../server/auth/devices.ts';
import { site, trustedDevice, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

const WRONG = 'Pas-le-bon-mot-de-passe';
const DEVICE = 'portee.device';

/** A client that keeps cookies, and shows the device cookie it holds (or undefined). */
class Device extends TestClient {
  lastDeviceCookie: string | undefined;
  override async request(path: string, init?: Parameters<TestClient['request']>[1]) {
    const res = await super.request(path, init);
    const set = res.headers.getSetCookie().find((h) => h.startsWith(`${DEVICE}=`));
    if (set) this.lastDeviceCookie = set;
    return res;
  }
}

async function lockByStranger(t: TestApp, username: string, ip = '203.0.113.66') {
  const stranger = new TestClient(t.app, ip);
  for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) assert.equal((await stranger.signIn(username, WRONG)).status, 401, `wrong try ${i + 1}`);
  return stranger;
}

describe('device cookies: a stranger cannot lock the owner out', () => {
  let t: TestApp;
  let owner: Device;
  before(async () => {
    t = await createTestApp();
    owner = new Device(t.app, '10.7.0.1');
    assert.equal((await owner.signIn(...DEMO.family)).status, 200);
    assert.equal((await owner.request('/api/session/sign-out', { method: 'POST' })).status, 204);
  });
  after(() => t.close());

  test('a successful sign-in sets an HttpOnly device cookie for a year, stored only as a hash', async () => {
    const set = owner.lastDeviceCookie;
    assert.ok(set, 'a device cookie');
    assert.match(set, /;\s*HttpOnly/i);
    assert.match(set, /;\s*SameSite=Strict/i);
    assert.match(set, /;\s*Path=\/(;|$)/i);
    assert.match(set, new RegExp(`;\\s*Max-Age=${DEVICE_COOKIE_MAX_AGE_S}(;|$)`, 'i'));
    assert.ok(DEVICE_COOKIE_MAX_AGE_S >= 364 * 24 * 3600);
    const token = decodeURIComponent(set.split(';')[0].slice(DEVICE.length + 1));
    assert.ok(token.length >= 32, 'a long random token');
    const rows = await t.db.select().from(trustedDevice);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].tokenHash, createHash('sha256').update(token).digest('base64url'));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
    const [demo] = await t.db.select().from(user).where(eq(user.username, 'famille.demo'));
    assert.equal(rows[0].userId, demo.id);
  });

  test('after 5 wrong passwords from elsewhere, a stranger is locked, even with the right password, and told to wait or use the lost-password link', async () => {
    const stranger = await lockByStranger(t, DEMO.family[0]);
    const r = await stranger.signIn(...DEMO.family);
    assert.equal(r.status, 429);
    assert.equal(r.body.error.code, 'throttled');
    assert.match(r.body.error.message, /Réessayez dans \d+ minutes?/);
    assert.match(r.body.error.message, /Mot de passe perdu/);
    assert.equal((await new TestClient(t.app, '10.7.0.9').signIn(...DEMO.family)).status, 429, 'any unknown device');
  });

  test('the owner’s device still gets in while the account is locked for the others', async () => {
    const r = await owner.signIn(...DEMO.family);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.user.username, 'famille.demo');
    assert.equal((await new TestClient(t.app, '10.7.0.10').signIn(...DEMO.family)).status, 429, 'the lock still holds for unknown devices');
  });

  test('the device cookie is rotated at each sign-in: the old value is no longer trusted', async () => {
    const before = owner.lastDeviceCookie!.split(';')[0];
    assert.equal((await owner.signIn(...DEMO.family)).status, 200);
    const now = owner.lastDeviceCookie!.split(';')[0];
    assert.notEqual(now, before);
    const copy = await t.app.request('/api/session/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: before, 'x-test-client-ip': '10.7.0.11' },
      body: JSON.stringify({ siteId: (await t.db.select().from(site).where(eq(site.name, 'Mantes')))[0].id, username: DEMO.family[0], password: DEMO.family[1] }),
    });
    assert.equal(copy.status, 429, 'a copy of the previous cookie is an unknown device');
  });

  test('a device cookie only vouches for its own account', async () => {
    await lockByStranger(t, DEMO.martin[0]);
    assert.equal((await owner.signIn(...DEMO.martin)).status, 429);
  });

  test('a made-up device cookie is an unknown device', async () => {
    const forger = new TestClient(t.app, '10.7.0.12');
    const siteId = (await t.db.select().from(site).where(eq(site.name, 'Mantes')))[0].id;
    const r = await forger.request('/api/session/sign-in', {
      json: { siteId, username: DEMO.family[0], password: DEMO.family[1] },
      headers: { cookie: `${DEVICE}=${'A'.repeat(43)}` },
    });
    assert.equal(r.status, 429);
  });

  test(`a device has its own limit: ${DEVICE_MAX_FAILURES} wrong passwords with the cookie lock that device, not the owner’s others`, async () => {
    const second = new Device(t.app, '10.7.0.2');
    // Signed in once earlier (before anyone guessed): trusted too. Simulated by an unlock then sign-in.
    const unknown = new TestClient(t.app, '10.7.0.3');
    const desk = new TestClient(t.app, '10.7.0.4');
    assert.equal((await desk.signIn(...DEMO.secretariat)).status, 200);
    const [demo] = await t.db.select().from(user).where(eq(user.username, 'famille.demo'));
    assert.equal((await desk.json(`/api/admin/accounts/${demo.id}/unlock`, { method: 'POST' })).status, 200);
    assert.equal((await second.signIn(...DEMO.family)).status, 200);
    assert.ok(second.lastDeviceCookie);
    await lockByStranger(t, DEMO.family[0], '203.0.113.67');
    assert.equal((await unknown.signIn(...DEMO.family)).status, 429, 'locked again for unknown devices');

    // Someone holding the owner's cookie guesses: the device's own limit stops them.
    for (let i = 0; i < DEVICE_MAX_FAILURES; i++) assert.equal((await owner.signIn(DEMO.family[0], WRONG)).status, 401, `device try ${i + 1}`);
    const stopped = await owner.signIn(...DEMO.family);
    assert.equal(stopped.status, 429, 'even the right password, from that device');
    assert.equal((await second.signIn(...DEMO.family)).status, 200, 'the owner’s other device still gets in');
  });

  test('a reset by the lost-password link lifts the lock for unknown devices too', async () => {
    await lockByStranger(t, DEMO.limay[0]);
    const fresh = new TestClient(t.app, '10.7.0.20');
    assert.equal((await fresh.signIn(DEMO.limay[0], DEMO.limay[1], 'Limay')).status, 429);
    const sites = await t.db.select().from(site);
    const limay = sites.find((s) => s.name === 'Limay')!.id;
    const [account] = await t.db.select().from(user).where(eq(user.username, DEMO.limay[0]));
    assert.equal((await fresh.json('/api/password/lost', { json: { siteId: limay, username: DEMO.limay[0], email: account.email } })).status, 200);
    await new Promise((r) => setTimeout(r, 150));
    const token = decodeURIComponent(/jeton=([^\s&]+)/.exec(t.mails.filter((m) => m.to === account.email).at(-1)!.text)![1]);
    const changed = 'Limay-nouveau-mot-42';
    assert.equal((await fresh.json('/api/password/reset', { json: { token, newPassword: changed, confirmation: changed } })).status, 200);
    assert.equal((await fresh.signIn(DEMO.limay[0], changed, 'Limay')).status, 200);
  });
});

describe('device cookie in production', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', AUTH_SECRET: 'k8Qz2vN7pL4xR9tW1mB6cY3hJ5dF0gSa', PUBLIC_URL: 'https://portee.example' } });
  });
  after(() => t.close());

  test('it is __Host- prefixed, Secure, HttpOnly, Path=/, without Domain, and lets its owner through a lock', async () => {
    const siteId = (await t.db.select().from(site).where(eq(site.name, 'Mantes')))[0].id;
    const signIn = (cookie?: string, ip = '10.8.0.1') =>
      t.app.request('/api/session/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-test-client-ip': ip, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ siteId, username: DEMO.family[0], password: DEMO.family[1] }),
      });
    const res = await signIn();
    assert.equal(res.status, 200);
    const set = res.headers.getSetCookie().find((h) => h.startsWith('__Host-portee.device='));
    assert.ok(set, res.headers.getSetCookie().join(' | '));
    assert.match(set, /;\s*Secure/i);
    assert.match(set, /;\s*HttpOnly/i);
    assert.match(set, /;\s*Path=\/(;|$)/i);
    assert.doesNotMatch(set, /domain=/i);
    assert.ok(!res.headers.getSetCookie().some((h) => h.startsWith(`${DEVICE}=`)), 'no unprefixed device cookie');
    await lockByStranger(t, DEMO.family[0]);
    assert.equal((await signIn(undefined, '10.8.0.2')).status, 429);
    assert.equal((await signIn(set.split(';')[0], '10.8.0.3')).status, 200);
  });
});

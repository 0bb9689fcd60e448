import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createSessionReader } from '../../server/auth/session-reader.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

const COOKIE = 'portee.session_token';
const sign = (secret: string, token: string) => createHmac('sha256', secret).update(token).digest('base64');
const cookie = (value: string) => `${COOKIE}=${encodeURIComponent(value)}`;

/**
 * The session cookie is `token.base64(HMAC-SHA256(secret, token))`: requireSession and the reader
 * must refuse a cookie whose signature is wrong, missing or made with another secret, even when the
 * token itself names a live session (these tests fail if the comparison is removed).
 */
describe('session cookie signature', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await createTestApp();
    const c = new TestClient(t.app);
    const res = await c.request('/api/session/sign-in', {
      json: { siteId: (await c.json('/api/sites')).body.find((s: { name: string }) => s.name === 'Mantes').id, username: DEMO.family[0], password: DEMO.family[1] },
    });
    assert.equal(res.status, 200);
    const value = decodeURIComponent(res.headers.getSetCookie().find((h) => h.startsWith(`${COOKIE}=`))!.split(';')[0].slice(COOKIE.length + 1));
    token = value.slice(0, value.lastIndexOf('.'));
    // The session is fresh: requireSession reads it itself, better-auth is not asked.
    assert.equal(value, `${token}.${sign(t.env.AUTH_SECRET, token)}`, 'the format the reader expects');
  });
  after(() => t.close());

  // A guarded resource: 200 with a session the reader accepts, 401 without one.
  const me = (cookieHeader: string) => t.app.request('/api/sync?cursor=0', { headers: { cookie: cookieHeader } });

  test('the rightly signed cookie is accepted (the control)', async () => {
    assert.equal((await me(cookie(`${token}.${sign(t.env.AUTH_SECRET, token)}`))).status, 200);
  });

  test('a wrong signature → 401', async () => {
    const good = Buffer.from(sign(t.env.AUTH_SECRET, token), 'base64');
    good[0] ^= 0xff; // same length, one byte off
    assert.equal((await me(cookie(`${token}.${good.toString('base64')}`))).status, 401);
    const otherToken = sign(t.env.AUTH_SECRET, 'un-autre-jeton');
    assert.equal((await me(cookie(`${token}.${otherToken}`))).status, 401, 'the signature of another token');
  });

  test('a missing signature → 401', async () => {
    assert.equal((await me(cookie(`${token}.`))).status, 401, 'empty signature');
    assert.equal((await me(cookie(token))).status, 401, 'no dot at all');
  });

  test('a cookie signed with another secret → 401', async () => {
    assert.equal((await me(cookie(`${token}.${sign('un-autre-secret-de-plus-de-32-caracteres', token)}`))).status, 401);
  });

  test('the reader itself returns nothing for these cookies, and the session for the right one', async () => {
    const read = createSessionReader(t.db, null, t.env.AUTH_SECRET, async () => COOKIE);
    const found = await read(cookie(`${token}.${sign(t.env.AUTH_SECRET, token)}`));
    assert.equal(found?.user.username, 'famille.demo');
    const bad = Buffer.from(sign(t.env.AUTH_SECRET, token), 'base64');
    bad[bad.length - 1] ^= 1;
    for (const value of [`${token}.${bad.toString('base64')}`, `${token}.`, `${token}.${sign('un-autre-secret-de-plus-de-32-caracteres', token)}`]) {
      assert.equal(await read(cookie(value)), null, value);
    }
  });
});

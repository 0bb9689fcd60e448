import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { desc, eq } from 'drizzle-orm';
import { session, site, user } from '../../server/db/schema/index.ts';
import { parseEnv } from '../../server/env.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

/** A production-grade secret (random, made once per run): production refuses guessable ones. */
const TEST_SECRET = crypto.randomUUID() + crypto.randomUUID();

async function siteId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.db.select({ id: site.id }).from(site).where(eq(site.name, name));
  assert.ok(row, `site ${name}`);
  return row.id;
}

async function userRow(t: TestApp, username: string) {
  const [row] = await t.db.select().from(user).where(eq(user.username, username));
  assert.ok(row, `user ${username}`);
  return row;
}

describe('sign-in', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('famille.demo on Mantes gets its SessionInfo and an HttpOnly, SameSite=Lax session cookie', async () => {
    const c = new TestClient(t.app);
    const mantes = await siteId(t, 'Mantes');
    const res = await c.request('/api/session/sign-in', { json: { siteId: mantes, username: DEMO.family[0], password: DEMO.family[1] } });
    assert.equal(res.status, 200);
    const body = await res.json();
    const demo = await userRow(t, 'famille.demo');
    assert.equal(body.user.id, demo.id);
    assert.equal(body.user.username, 'famille.demo');
    assert.equal(body.user.role, 'family');
    assert.equal(body.user.siteId, mantes);
    assert.equal(body.user.siteName, 'Mantes');
    assert.equal(body.user.familyId, demo.familyId);
    assert.ok(body.user.familyId);
    assert.equal(body.user.teacherId, null);
    assert.equal(body.idleTimeoutSeconds, 30 * 60);
    assert.equal(body.idleWarningSeconds, 2 * 60);
    const expiresIn = Date.parse(body.expiresAt) - Date.now();
    assert.ok(expiresIn > 25 * 60_000 && expiresIn <= 30 * 60_000 + 1000, `session expires in ${expiresIn} ms`);

    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('portee.session_token='));
    assert.ok(cookie, `session cookie in ${res.headers.getSetCookie().join(' | ')}`);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Path=\//i);
  });

  test('wrong site, wrong password and unknown identifiant get the same 401 body', async () => {
    const c = new TestClient(t.app);
    const demo = await userRow(t, 'famille.demo');
    const sessionsOfDemo = async () => (await t.db.select().from(session).where(eq(session.userId, demo.id))).length;
    const sessionsBefore = await sessionsOfDemo();
    const wrongSite = await c.signIn(DEMO.family[0], DEMO.family[1], 'Limay');
    const wrongPassword = await c.signIn(DEMO.martin[0], 'Pas-le-bon-mot-de-passe');
    const unknown = await c.signIn('famille.inconnue', DEMO.family[1]);
    for (const r of [wrongSite, wrongPassword, unknown]) assert.equal(r.status, 401);
    assert.equal(wrongSite.body.error.code, 'bad_credentials');
    assert.deepEqual(wrongSite.body, wrongPassword.body);
    assert.deepEqual(wrongSite.body, unknown.body);
    // No session was given to the client, and none is left in the database.
    assert.equal((await c.json('/api/session')).body.user, null);
    assert.equal(await sessionsOfDemo(), sessionsBefore, 'the session made for the wrong site is revoked');
  });

  test('the identifiant is case-insensitive', async () => {
    const c = new TestClient(t.app);
    const r = await c.signIn('  Famille.DEMO ', DEMO.family[1]);
    assert.equal(r.status, 200);
    assert.equal(r.body.user.username, 'famille.demo');
  });

  test('the password is case-sensitive', async () => {
    const c = new TestClient(t.app);
    const r = await c.signIn(DEMO.secretariat[0], DEMO.secretariat[1].toUpperCase());
    assert.equal(r.status, 401);
  });

  test('empty fields → 422 naming each field', async () => {
    const c = new TestClient(t.app);
    const r = await c.json('/api/session/sign-in', { json: { siteId: '', username: '  ', password: '' } });
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'validation');
    assert.deepEqual(Object.keys(r.body.error.fields).sort(), ['password', 'siteId', 'username']);
    for (const message of Object.values(r.body.error.fields)) assert.match(String(message), /obligatoire/);
    const missing = await c.json('/api/session/sign-in', { json: {} });
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.error.fields).sort(), ['password', 'siteId', 'username']);
  });

  test('GET /api/session: the account with the cookie; without one, 200 and a signed-out state (no error in the console of the sign-in page); sign-out ends it', async () => {
    const c = new TestClient(t.app);
    const before = await c.json('/api/session');
    assert.equal(before.status, 200);
    assert.deepEqual(before.body, { user: null });
    assert.equal((await c.signIn(...DEMO.family)).status, 200);
    const me = await c.json('/api/session');
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'famille.demo');
    assert.equal(me.body.user.siteName, 'Mantes');

    const anonymous = await t.app.request('/api/session');
    assert.equal(anonymous.status, 200);
    assert.match(anonymous.headers.get('cache-control') ?? '', /no-store/);
    assert.deepEqual(await anonymous.json(), { user: null });
    // Other resources still refuse a request without a session.
    const guarded = await t.app.request('/api/sync?cursor=0');
    assert.equal(guarded.status, 401);
    assert.equal((await guarded.json()).error.code, 'unauthorized');

    const out = await c.request('/api/session/sign-out', { method: 'POST' });
    assert.equal(out.status, 204);
    assert.equal((await c.json('/api/session')).body.user, null);
    assert.equal((await c.request('/api/session/sign-out', { method: 'POST' })).status, 401, 'signing out without a session is still refused');
  });

  test('a signed-out cookie replayed by hand is refused', async () => {
    const c = new TestClient(t.app);
    const res = await c.request('/api/session/sign-in', {
      json: { siteId: await siteId(t, 'Mantes'), username: DEMO.martin[0], password: DEMO.martin[1] },
    });
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('portee.session_token='))!.split(';')[0];
    assert.equal(typeof (await (await t.app.request('/api/session', { headers: { cookie } })).json()).user?.id, 'string');
    assert.equal((await c.request('/api/session/sign-out', { method: 'POST' })).status, 204);
    assert.equal((await (await t.app.request('/api/session', { headers: { cookie } })).json()).user, null);
  });

  test('each role gets its role in SessionInfo', async () => {
    const secretariat = await new TestClient(t.app).signIn(...DEMO.secretariat);
    assert.equal(secretariat.status, 200);
    assert.equal(secretariat.body.user.role, 'secretariat');
    assert.equal(secretariat.body.user.familyId, null);
    assert.equal(secretariat.body.user.teacherId, null);

    const teacher = await new TestClient(t.app).signIn(...DEMO.teacher);
    assert.equal(teacher.status, 200);
    assert.equal(teacher.body.user.role, 'teacher');
    assert.equal(teacher.body.user.teacherId, (await userRow(t, 'enseignant.demo')).teacherId);
    assert.ok(teacher.body.user.teacherId);
    assert.equal(teacher.body.user.familyId, null);

    const limay = await new TestClient(t.app).signIn(DEMO.limay[0], DEMO.limay[1], 'Limay');
    assert.equal(limay.status, 200);
    assert.equal(limay.body.user.role, 'family');
    assert.equal(limay.body.user.siteName, 'Limay');
  });
});

describe('session lifetime', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function signedIn() {
    const c = new TestClient(t.app);
    const r = await c.signIn(...DEMO.family);
    assert.equal(r.status, 200);
    // The session just made: the newest one of the account.
    const [row] = await t.db.select().from(session).where(eq(session.userId, r.body.user.id)).orderBy(desc(session.createdAt)).limit(1);
    return { c, row };
  }

  test('a session idle past its end → 401', async () => {
    const { c, row } = await signedIn();
    await t.db.update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.id, row.id));
    assert.equal((await c.json('/api/session')).body.user, null);
  });

  test('a session older than 12 hours ends whatever the activity', async () => {
    const { c, row } = await signedIn();
    await t.db.update(session).set({ createdAt: new Date(Date.now() - 12 * 3600_000 - 60_000) }).where(eq(session.id, row.id));
    assert.equal((await c.json('/api/session')).body.user, null);
    assert.equal((await t.db.select().from(session).where(eq(session.id, row.id))).length, 0, 'the session is revoked');
  });

  test('activity extends the session; the background sync does not', async () => {
    const { c, row } = await signedIn();
    const soon = new Date(Date.now() + 10 * 60_000);
    await t.db.update(session).set({ expiresAt: soon }).where(eq(session.id, row.id));
    const background = await c.json('/api/session', { headers: { 'x-portee-background': '1' } });
    assert.equal(background.status, 200);
    const [afterBackground] = await t.db.select().from(session).where(eq(session.id, row.id));
    assert.equal(afterBackground.expiresAt.getTime(), soon.getTime(), 'a background request does not extend it');

    const active = await c.json('/api/session');
    assert.equal(active.status, 200);
    const [afterActivity] = await t.db.select().from(session).where(eq(session.id, row.id));
    assert.ok(afterActivity.expiresAt.getTime() > Date.now() + 29 * 60_000, 'activity moves the end 30 minutes ahead');
  });
});

describe('production cookie', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production', AUTH_SECRET: TEST_SECRET, PUBLIC_URL: 'https://portee.example' } });
  });
  after(() => t.close());

  test('the session cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain', async () => {
    assert.equal(t.env.production, true);
    const res = await t.app.request('/api/session/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ siteId: await siteId(t, 'Mantes'), username: DEMO.family[0], password: DEMO.family[1] }),
    });
    assert.equal(res.status, 200);
    const cookies = res.headers.getSetCookie();
    assert.ok(cookies.length > 0);
    const cookie = cookies.find((h) => h.startsWith('__Host-portee.session_token='));
    assert.ok(cookie, `__Host- cookie in ${cookies.join(' | ')}`);
    assert.match(cookie, /;\s*Secure/i);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*SameSite=Lax/i);
    assert.match(cookie, /;\s*Path=\/(;|$)/i);
    assert.doesNotMatch(cookie, /domain=/i);
    assert.ok(!cookies.some((h) => h.startsWith('portee.session_token=')), 'no unprefixed session cookie');

    const me = await t.app.request('/api/session', { headers: { cookie: cookie.split(';')[0] } });
    assert.equal((await me.json()).user.username, DEMO.family[0]);

    // Sign-out clears it with the same attributes (a browser ignores a __Host- cookie without them).
    const out = await t.app.request('/api/session/sign-out', { method: 'POST', headers: { cookie: cookie.split(';')[0] } });
    assert.equal(out.status, 204);
    const cleared = out.headers.getSetCookie().find((h) => h.startsWith('__Host-portee.session_token='));
    assert.ok(cleared);
    assert.match(cleared, /Max-Age=0/i);
    assert.match(cleared, /;\s*Secure/i);
    assert.match(cleared, /;\s*Path=\/(;|$)/i);
    assert.equal((await (await t.app.request('/api/session', { headers: { cookie: cookie.split(';')[0] } })).json()).user, null);
  });
});

describe('environment', () => {
  test('production without AUTH_SECRET stops with a message naming it', () => {
    assert.throws(
      () => parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portee.example' }),
      (err: Error) => /AUTH_SECRET/.test(err.message),
    );
  });

  test('a short AUTH_SECRET is refused too', () => {
    assert.throws(
      () => parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portee.example', AUTH_SECRET: 'short' }),
      /AUTH_SECRET/,
    );
  });

  test('production with a secret and a public URL parses', () => {
    const env = parseEnv({ NODE_ENV: 'production', PUBLIC_URL: 'https://portee.example/', AUTH_SECRET: TEST_SECRET });
    assert.equal(env.production, true);
    assert.equal(env.PUBLIC_URL, 'https://portee.example');
  });
});

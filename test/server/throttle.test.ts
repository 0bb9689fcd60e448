import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { ACCOUNT_MAX_FAILURES, IP_MAX_FAILURES, THROTTLE_WINDOW_MS, createThrottle } from '../../server/auth/throttle.ts';
import { signInFailure } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

const WRONG = 'Pas-le-bon-mot-de-passe';

function assertThrottled(r: { status: number; body: any }) {
  assert.equal(r.status, 429, JSON.stringify(r.body));
  assert.equal(r.body.error.code, 'throttled');
  assert.match(r.body.error.message, /Réessayez dans/);
  assert.match(r.body.error.message, /minute/);
  const minutes = r.body.error.retryAfterMinutes;
  assert.equal(typeof minutes, 'number');
  assert.ok(minutes >= 1 && minutes <= 15, `retryAfterMinutes ${minutes}`);
  assert.match(r.body.error.message, new RegExp(`Réessayez dans ${minutes} minute`));
}

describe('per-account throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('5 wrong passwords lock the account, even against the right password', async () => {
    const c = new TestClient(t.app, '10.1.0.1');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      const r = await c.signIn(DEMO.family[0], WRONG);
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    const locked = await c.request('/api/session/sign-in', {
      json: { siteId: await mantesId(c), username: DEMO.family[0], password: DEMO.family[1] },
    });
    const body = await locked.json();
    assertThrottled({ status: locked.status, body });
    assert.equal(body.error.retryAfterMinutes, 15);
    const retryAfter = Number(locked.headers.get('retry-after'));
    assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.equal(locked.headers.getSetCookie().length, 0, 'no session cookie');
    assert.equal((await c.json('/api/session')).body.user, null);
  });

  test('the lock holds from another IP and whatever the case of the identifiant', async () => {
    const other = new TestClient(t.app, '10.1.0.2');
    assertThrottled(await other.signIn(DEMO.family[0], DEMO.family[1]));
    assertThrottled(await other.signIn(' FAMILLE.Demo ', DEMO.family[1]));
  });

  test('another account still signs in from the same IP', async () => {
    const c = new TestClient(t.app, '10.1.0.1');
    const r = await c.signIn(...DEMO.martin);
    assert.equal(r.status, 200);
    assert.equal(r.body.user.username, 'famille.martin');
  });

  test('an unknown identifiant is locked the same way after 5 tries', async () => {
    const c = new TestClient(t.app, '10.1.0.3');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) {
      assert.equal((await c.signIn('famille.fantome', WRONG)).status, 401, `attempt ${i + 1}`);
    }
    const unknown = await c.signIn('famille.fantome', WRONG);
    assertThrottled(unknown);
    const known = await c.signIn(DEMO.family[0], DEMO.family[1]);
    assertThrottled(known);
    assert.deepEqual(unknown.body, known.body, 'a lock says nothing about whether the identifiant exists');
  });

  test('the lock survives a restart', async () => {
    t = await t.restart();
    const c = new TestClient(t.app, '10.1.0.4');
    assertThrottled(await c.signIn(DEMO.family[0], DEMO.family[1]));
    // The account that was not locked is still fine after the restart.
    assert.equal((await c.signIn(...DEMO.martin)).status, 200);
  });

  test('tries sent all at once are counted before the password is checked: only 5 get an answer', async () => {
    const c = new TestClient(t.app, '10.1.0.6');
    const siteId = await mantesId(c);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => c.json('/api/session/sign-in', { json: { siteId, username: DEMO.teacher[0], password: WRONG } })),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(ACCOUNT_MAX_FAILURES).fill(401), ...Array(20 - ACCOUNT_MAX_FAILURES).fill(429)]);
    assertThrottled(await c.signIn(...DEMO.teacher));
  });

  test('a success clears the account’s earlier failures', async () => {
    const c = new TestClient(t.app, '10.1.0.5');
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) assert.equal((await c.signIn(DEMO.secretariat[0], WRONG)).status, 401);
    assert.equal((await c.signIn(...DEMO.secretariat)).status, 200);
    const rows = await t.db.select().from(signInFailure).where(eq(signInFailure.username, 'secretariat.demo'));
    assert.equal(rows.length, 0);
    assert.equal((await c.signIn(DEMO.secretariat[0], WRONG)).status, 401, 'one new failure does not lock');
    assert.equal((await c.signIn(...DEMO.secretariat)).status, 200);
  });
});

describe('per-IP throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('50 failures from one IP lock that IP, not the others', async () => {
    const guesser = new TestClient(t.app, '10.2.0.1');
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      // 50 distinct identifiants: no single account reaches its own limit.
      const r = await guesser.signIn(`inconnu.${i}`, WRONG);
      assert.equal(r.status, 401, `attempt ${i + 1}`);
    }
    assertThrottled(await guesser.signIn(...DEMO.martin));
    assertThrottled(await guesser.signIn(...DEMO.teacher));

    const elsewhere = new TestClient(t.app, '10.2.0.2');
    const r = await elsewhere.signIn(...DEMO.martin);
    assert.equal(r.status, 200);
    assert.equal(r.body.user.username, 'famille.martin');
  });
});

describe('the throttle’s window (fake clock)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ seed: false });
  });
  after(() => t.close());

  test('an account lock lifts 15 minutes after the failure that set it', async () => {
    let now = 1_800_000_000_000;
    const throttle = createThrottle(t.db, () => now);
    for (let i = 0; i < ACCOUNT_MAX_FAILURES - 1; i++) {
      await throttle.recordFailure('compte.a', '192.0.2.1');
      now += 1000;
    }
    assert.equal(await throttle.retryAfterMs('compte.a', '192.0.2.1'), 0, 'four failures do not lock');
    await throttle.recordFailure('compte.a', '192.0.2.1');
    const first = now - 4000;
    assert.equal(await throttle.retryAfterMs('compte.a', '192.0.2.9'), first + THROTTLE_WINDOW_MS - now);

    now = first + 5 * 60_000;
    assert.ok((await throttle.retryAfterMs('compte.a', '192.0.2.1')) > 9 * 60_000, 'still locked after 5 minutes');
    now = first + THROTTLE_WINDOW_MS - 1;
    assert.equal(await throttle.retryAfterMs('compte.a', '192.0.2.1'), 1);
    now = first + THROTTLE_WINDOW_MS;
    assert.equal(await throttle.retryAfterMs('compte.a', '192.0.2.1'), 0, 'unlocked once the first failure left the window');
    now = first + THROTTLE_WINDOW_MS + 5 * 60_000;
    assert.equal(await throttle.retryAfterMs('compte.a', '192.0.2.1'), 0);
    assert.equal(await throttle.retryAfterMs('compte.b', '192.0.2.1'), 0, 'other accounts were never locked');
  });

  test('an IP lock lifts after the window too', async () => {
    let now = 1_900_000_000_000;
    const throttle = createThrottle(t.db, () => now);
    for (let i = 0; i < IP_MAX_FAILURES; i++) await throttle.recordFailure(`compte.${i}`, '198.51.100.7');
    const locked = await throttle.retryAfterMs('compte.x', '198.51.100.7');
    assert.equal(locked, THROTTLE_WINDOW_MS);
    assert.equal(await throttle.retryAfterMs('compte.x', '198.51.100.8'), 0);
    now += THROTTLE_WINDOW_MS;
    assert.equal(await throttle.retryAfterMs('compte.x', '198.51.100.7'), 0);
    // Failures older than the window are pruned when a new one is recorded.
    now += 1;
    await throttle.recordFailure('compte.y', '203.0.113.1');
    const rows = await t.db.select().from(signInFailure).where(eq(signInFailure.ip, '198.51.100.7'));
    assert.equal(rows.length, 0);
  });
});

async function mantesId(c: TestClient): Promise<string> {
  const sites = (await c.json<Array<{ id: string; name: string }>>('/api/sites')).body;
  return sites.find((s) => s.name === 'Mantes')!.id;
}

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FamilySearchAnswer } from '../../shared/family-search.ts';
import { eq, isNull } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import { family as familyTable, familySearch, site, student, user } from '../../server/db/schema/index.ts';
import { refreshFamilySearch } from '../../server/families/search-key.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let mantes: TestClient;
let limay: TestClient;

before(async () => {
  t = await createTestApp();
  mantes = new TestClient(t.app);
  limay = new TestClient(t.app);
  assert.equal((await mantes.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay')).status, 200);
});
after(() => t.close());

const search = (c: TestClient, q: string) => c.json<FamilySearchAnswer>(`/api/admin/families?q=${encodeURIComponent(q)}`);

describe('GET /api/admin/families (the secretariat’s family search)', () => {
  test('no words: every family of the site, by name, with students, identifiants and pending requests', async () => {
    const r = await search(mantes, '');
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 16);
    assert.equal(r.body.families.length, 16);
    const names = r.body.families.map((f) => f.lastName);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'fr')));
    const lefevre = r.body.families.find((f) => f.lastName === 'Lefèvre')!;
    assert.deepEqual(lefevre.usernames, ['famille.demo']);
    assert.equal(lefevre.students.length, 3);
    assert.equal(lefevre.pendingRequests, 0);
    assert.ok(!r.body.families.some((f) => f.lastName === 'Garnier'), 'a Limay family is not in Mantes’ list');
  });

  test('accents and case ignored; every word must match; by student name, identifiant or e-mail', async () => {
    assert.deepEqual((await search(mantes, 'LEFEVRE')).body.families.map((f) => f.lastName), ['Lefèvre']);
    assert.deepEqual((await search(mantes, 'hugo')).body.families.map((f) => f.lastName), ['Lefèvre']);
    assert.deepEqual((await search(mantes, 'famille.martin')).body.families.map((f) => f.lastName), ['Martin']);
    assert.deepEqual((await search(mantes, 'theo martin')).body.families.map((f) => f.lastName), ['Martin']);
    assert.equal((await search(mantes, 'theo lefevre')).body.total, 0);
    assert.equal((await search(mantes, 'garnier')).body.total, 0, 'another site’s family is not found');
    assert.deepEqual((await search(limay, 'garnier')).body.families.map((f) => f.lastName), ['Garnier']);
  });

  test('a pending change request is counted on its family', async () => {
    const family = new TestClient(t.app);
    const signedIn = await family.signIn(...DEMO.martin);
    const familyId = signedIn.body.user.familyId as string;
    const pull = await family.json('/api/sync?cursor=0');
    const record = pull.body.changes.families[0];
    const pushed = await family.json('/api/sync/push', {
      json: { clientId: crypto.randomUUID(), mutations: [{ mutationId: 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: familyId, values: { city: 'Limay' }, from: { city: record.city } }, baseVersion: record.version }] },
    });
    assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
    assert.ok(!('error' in pushed.body.results[0]), JSON.stringify(pushed.body));
    assert.equal((await search(mantes, 'martin')).body.families[0].pendingRequests, 1);
  });

  test('a search over 100 characters is refused by field; families and teachers get 403, anonymous 401', async () => {
    const long = await mantes.json(`/api/admin/families?q=${'x'.repeat(101)}`);
    assert.equal(long.status, 422);
    assert.match(long.body.error.fields.q, /100 caractères/);
    const family = new TestClient(t.app);
    await family.signIn(...DEMO.family);
    assert.equal((await search(family, '')).status, 403);
    const teacher = new TestClient(t.app);
    await teacher.signIn(...DEMO.teacher);
    assert.equal((await search(teacher, '')).status, 403);
    assert.equal((await search(new TestClient(t.app), '')).status, 401);
  });
});

describe('the secretariat and a family’s accounts', () => {
  const wrong = (c: TestClient) => c.signIn(DEMO.martin[0], 'Pas-le-bon-mot-de-passe');

  test('the family record lists its accounts; a lock set by failed sign-ins shows, and the desk lifts it', async () => {
    const guesser = new TestClient(t.app, '10.9.0.1');
    for (let i = 0; i < 5; i++) assert.equal((await wrong(guesser)).status, 401);
    assert.equal((await new TestClient(t.app, '10.9.0.2').signIn(...DEMO.martin)).status, 429);

    const martinFamily = (await search(mantes, 'famille.martin')).body.families[0];
    const record = await mantes.json(`/api/admin/families/${martinFamily.id}`);
    assert.equal(record.status, 200);
    const [account] = record.body.accounts;
    assert.equal(account.username, 'famille.martin');
    assert.ok(account.lockedMinutes >= 14 && account.lockedMinutes <= 15, String(account.lockedMinutes));

    const unlocked = await mantes.json(`/api/admin/accounts/${account.id}/unlock`, { method: 'POST' });
    assert.equal(unlocked.status, 200);
    assert.match(unlocked.body.message, /famille\.martin est débloqué/);
    assert.equal((await mantes.json(`/api/admin/families/${martinFamily.id}`)).body.accounts[0].lockedMinutes, 0);
    assert.equal((await new TestClient(t.app, '10.9.0.3').signIn(...DEMO.martin)).status, 200);
  });

  test('a password link goes to the account’s own e-mail, never a password; audited', async () => {
    const martinFamily = (await search(mantes, 'famille.martin')).body.families[0];
    const [account] = (await mantes.json(`/api/admin/families/${martinFamily.id}`)).body.accounts;
    const before = t.mails.length;
    const sent = await mantes.json(`/api/admin/accounts/${account.id}/reset-link`, { method: 'POST' });
    assert.equal(sent.status, 200);
    assert.match(sent.body.message, new RegExp(account.email.replace('.', '\\.')));
    const mail = t.mails.at(-1)!;
    assert.equal(t.mails.length, before + 1);
    assert.equal(mail.to, account.email);
    assert.match(mail.text, /\/mot-de-passe-perdu\/nouveau\?jeton=/);
    assert.doesNotMatch(mail.text, /Portee-demo-2026/);
  });

  test('another site’s account, a staff account or an unknown id: 404; families and teachers: 403', async () => {
    const martinFamily = (await search(mantes, 'famille.martin')).body.families[0];
    const [account] = (await mantes.json(`/api/admin/families/${martinFamily.id}`)).body.accounts;
    assert.equal((await limay.json(`/api/admin/accounts/${account.id}/unlock`, { method: 'POST' })).status, 404);
    assert.equal((await limay.json(`/api/admin/accounts/${account.id}/reset-link`, { method: 'POST' })).status, 404);
    const [staff] = await t.db.select({ id: user.id }).from(user).where(eq(user.username, 'secretariat.demo'));
    assert.equal((await mantes.json(`/api/admin/accounts/${staff.id}/unlock`, { method: 'POST' })).status, 404);
    assert.equal((await mantes.json('/api/admin/accounts/inconnu/reset-link', { method: 'POST' })).status, 404);
    const family = new TestClient(t.app);
    await family.signIn(...DEMO.family);
    assert.equal((await family.json(`/api/admin/accounts/${account.id}/unlock`, { method: 'POST' })).status, 403);
  });
});

describe('the stored search key (family_search, migration 0007)', () => {
  const staleCount = async () => (await t.db.select().from(familySearch).where(isNull(familySearch.searchKey))).length;

  test('the seed leaves every key computed; a family is found by its town', async () => {
    assert.equal(await staleCount(), 0);
    const found = (await search(mantes, 'MANTES-LA-JOLIE')).body;
    assert.ok(found.total > 0 && found.families.every((f) => f.city === 'Mantes-la-Jolie'), JSON.stringify(found.families.map((f) => f.city)));
  });

  test('a student renamed by the desk is found by the new name (accents ignored), no longer by the old', async () => {
    const [lefevre] = await t.db.select().from(familyTable).where(eq(familyTable.lastName, 'Lefèvre'));
    const [kid] = await t.db.select().from(student).where(eq(student.familyId, lefevre.id)).limit(1);
    assert.equal((await search(mantes, 'Anaïs-Bérénice')).body.total, 0);
    const { id: _id, familyId: _f, version: _v, ...fields } = kid;
    const put = await mantes.json(`/api/admin/students/${kid.id}`, { method: 'PUT', json: { ...fields, firstName: 'Anaïs-Bérénice' } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(await staleCount(), 0, 'the edit computed the key again in its transaction');
    assert.deepEqual((await search(mantes, 'anais-berenice')).body.families.map((f) => f.lastName), ['Lefèvre']);
    assert.equal((await search(mantes, `${kid.firstName} lefevre`)).body.total, 0, 'the old first name is gone from the key');
    assert.equal((await search(limay, 'anais-berenice')).body.total, 0, 'another site does not find it');
  });

  test('a change request approved: the family is found by the town it asked for', async () => {
    const family = new TestClient(t.app);
    const familyId = (await family.signIn(...DEMO.martin)).body.user.familyId as string;
    const record = (await family.json('/api/sync?cursor=0')).body.changes.families[0];
    await family.json('/api/sync/push', {
      json: { clientId: crypto.randomUUID(), mutations: [{ mutationId: 1, name: IDENTITY_CHANGE, args: { targetKind: 'family', targetId: familyId, values: { city: 'Conflans-Sainte-Honorine' }, from: { city: record.city } }, baseVersion: record.version }] },
    });
    assert.equal((await search(mantes, 'conflans')).body.total, 0, 'not before the desk approves');
    const requests = (await mantes.json<{ requests: Array<{ id: string; targetId: string }> }>('/api/admin/requests')).body.requests;
    const req = requests.find((r) => r.targetId === familyId)!;
    assert.equal((await mantes.json(`/api/admin/requests/${req.id}/approve`, { json: {} })).status, 200);
    assert.deepEqual((await search(mantes, 'conflans martin')).body.families.map((f) => f.lastName), ['Martin']);
  });

  test('a write that bypasses the app leaves the key stale: still found, then computed again', async () => {
    const [garnier] = await t.db.select().from(familyTable).where(eq(familyTable.lastName, 'Garnier'));
    await t.db.update(familyTable).set({ lastName: 'Zébulon' }).where(eq(familyTable.id, garnier.id));
    assert.equal(await staleCount(), 1, 'the trigger blanked the key');
    assert.deepEqual((await search(limay, 'zebulon')).body.families.map((f) => f.lastName), ['Zébulon']);
    assert.equal((await search(limay, 'zebulon famille.limay elodie.garnier')).body.total, 1, 'its identifiant and e-mail are still in the key');
    assert.equal((await search(mantes, 'zebulon')).body.total, 0, 'a stale family stays in its site');
    assert.equal(await refreshFamilySearch(t.db), 1);
    assert.deepEqual((await search(limay, 'ZEBULON')).body.families.map((f) => f.lastName), ['Zébulon']);
    await t.db.update(familyTable).set({ lastName: 'Garnier' }).where(eq(familyTable.id, garnier.id));
    await refreshFamilySearch(t.db);
  });

  test('more matches than the page: the first 50 by name (accents ignored), the total counts them all', async () => {
    const [limaySite] = await t.db.select().from(site).where(eq(site.name, 'Limay'));
    const names = Array.from({ length: 60 }, (_, i) => `${i % 2 ? 'É' : 'E'}paisse${String(59 - i).padStart(2, '0')}`);
    await t.db.insert(familyTable).values(names.map((lastName) => ({ siteId: limaySite.id, lastName, firstName: 'Nombreuse', city: 'Limay', version: 1 })));
    await refreshFamilySearch(t.db);
    const r = (await search(limay, 'nombreuse epaisse')).body;
    assert.equal(r.total, 60);
    assert.equal(r.families.length, 50);
    const expected = [...names].sort((a, b) => a.slice(-2).localeCompare(b.slice(-2))).slice(0, 50);
    assert.deepEqual(r.families.map((f) => f.lastName), expected);
    assert.equal((await search(mantes, 'nombreuse')).body.total, 0);
  });
});

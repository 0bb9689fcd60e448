import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { IDENTITY_CHANGE } from '../../shared/identity-schemas.ts';
import { changeRequest, family } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let martin: TestClient;
let secretariat: TestClient;
let familyId: string;
let record: { city: string; version: number };

before(async () => {
  t = await createTestApp();
  martin = new TestClient(t.app);
  secretariat = new TestClient(t.app);
  familyId = (await martin.signIn(...DEMO.martin)).body.user.familyId;
  assert.equal((await secretariat.signIn(...DEMO.secretariat)).status, 200);
  record = (await martin.json('/api/sync?cursor=0')).body.changes.families[0];
});
after(() => t.close());

let mutationId = 0;
const clientId = crypto.randomUUID();
const push = (mutation: { name?: string; args?: unknown; baseVersion?: number }) =>
  martin.json('/api/sync/push', {
    json: { clientId, mutations: [{ mutationId: ++mutationId, name: IDENTITY_CHANGE, baseVersion: record.version, ...mutation }] },
  });
const cityChange = (city: string, from: Record<string, unknown> = { city: record.city }) => ({ targetKind: 'family', targetId: familyId, values: { city }, from });

describe('writes come from Portée’s pages only', () => {
  test('a body an HTML form could send (text/plain, form-encoded) is refused before any handler: 415, nothing approved', async () => {
    assert.equal((await push({ args: cityChange('Limay') })).status, 200);
    const [pending] = await t.db.select().from(changeRequest).where(eq(changeRequest.familyId, familyId));
    assert.equal(pending.status, 'pending');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await secretariat.request(`/api/admin/requests/${pending.id}/approve`, { method: 'POST', headers: { 'content-type': type } });
      assert.equal(r.status, 415, type);
      assert.equal((await r.json()).error.code, 'unsupported_media_type');
    }
    const crossSite = await secretariat.request(`/api/admin/requests/${pending.id}/approve`, { json: {}, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(crossSite.status, 403);
    const sibling = await secretariat.request(`/api/admin/requests/${pending.id}/approve`, { json: {}, headers: { 'sec-fetch-site': 'same-site' } });
    assert.equal(sibling.status, 403);
    assert.equal((await t.db.select().from(changeRequest).where(eq(changeRequest.id, pending.id)))[0].status, 'pending');
    const own = await secretariat.request(`/api/admin/requests/${pending.id}/approve`, { json: {}, headers: { 'sec-fetch-site': 'same-origin' } });
    assert.equal(own.status, 200);
  });

  test('the family’s pull of the decided request does not carry who reviewed it', async () => {
    const pulled = (await martin.json('/api/sync?cursor=0')).body;
    const decided = pulled.changes.changeRequests.find((r: { status: string }) => r.status !== 'pending');
    assert.ok(decided, 'the approved request is in the pull');
    assert.equal('reviewedBy' in decided, false);
    assert.ok(decided.reviewedAt);
  });

  test('a JSON body over 512 KB is refused with 413', async () => {
    const r = await martin.json('/api/sync/push', { json: { clientId, mutations: [], padding: 'x'.repeat(600 * 1024) } });
    assert.equal(r.status, 413);
    assert.match(r.body.error.message, /512 Ko/);
  });

  test('a decision names at most 30 fields of at most 50 characters', async () => {
    const r = await secretariat.json('/api/admin/requests/x/approve', { json: { fields: Array.from({ length: 31 }, (_, i) => `f${i}`) } });
    assert.equal(r.status, 422);
  });
});

describe('push: what the device says is bounded', () => {
  test('names of Object.prototype are unknown mutations, answered in the body (no 500, queue not stuck)', async () => {
    for (const name of ['constructor', 'hasOwnProperty', 'toString', '__proto__']) {
      const r = await push({ name, args: cityChange('Rosny') });
      assert.equal(r.status, 200, name);
      assert.equal(r.body.results[0].error.code, 'unknown_mutation', name);
    }
  });

  test('a "from" value over 500 characters is refused; a base version newer than the record is brought back to it', async () => {
    const long = await push({ args: cityChange('Meulan', { city: 'x'.repeat(501) }) });
    assert.equal(long.status, 200);
    assert.ok(long.body.results[0].error, JSON.stringify(long.body));

    const future = await push({ args: { targetKind: 'family', targetId: familyId, values: { address: '1 place du Marché' }, from: {} }, baseVersion: 999_999 });
    assert.ok(!('error' in future.body.results[0]), JSON.stringify(future.body));
    const rows = await t.db.select().from(changeRequest).where(eq(changeRequest.familyId, familyId));
    const open = rows.find((r) => r.status === 'pending')!;
    const [onFile] = await t.db.select({ version: family.version }).from(family).where(eq(family.id, familyId));
    assert.equal(open.baseVersion, onFile.version);
  });
});

describe('billing inputs', () => {
  test('an invoice above what PayFiP can take, or dated outside 2000–2099, is refused by field', async () => {
    const big = await secretariat.json('/api/admin/billing/invoices', {
      json: { familyId, schoolYear: '2026/2027', label: 'X', date: '2026-11-28', dueDate: '2026-12-28', lines: [{ label: 'X', quantity: 99, unitPrice: '100 000' }] },
    });
    assert.equal(big.status, 422);
    assert.match(big.body.error.fields.lines, /100 000,00 €/);
    const old = await secretariat.json('/api/admin/billing/invoices', {
      json: { familyId, schoolYear: '2026/2027', label: 'X', date: '0001-01-01', dueDate: '2026-12-28', lines: [{ label: 'X', quantity: 1, unitPrice: '10' }] },
    });
    assert.equal(old.status, 422);
    assert.match(old.body.error.fields.date, /entre 2000 et 2099/);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentKindAdminView } from '../../shared/document-kinds.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let uploadDir: string;
let mantes: TestClient;
let family: TestClient;

before(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'portee-kinds-'));
  t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
  mantes = new TestClient(t.app);
  family = new TestClient(t.app);
  assert.equal((await mantes.signIn(...DEMO.secretariat)).status, 200);
  assert.equal((await family.signIn(...DEMO.family)).status, 200);
});
after(() => {
  t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const kinds = async (c = mantes) => (await c.json<{ kinds: DocumentKindAdminView[] }>('/api/admin/document-kinds')).body.kinds;

let sent = 0;
async function upload(kindId: string) {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${kindId} ${++sent}\n%%EOF\n`);
  const form = new FormData();
  form.set('kindId', kindId);
  form.set('idempotencyKey', `device-kinds:${sent}:${createHash('sha256').update(bytes).digest('hex')}`);
  form.set('file', new File([bytes], 'quotient.pdf', { type: 'application/pdf' }));
  const cookie = [...(family as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await t.app.request('/api/documents', { method: 'POST', body: form, headers: { cookie, 'x-test-client-ip': '127.0.0.1' } });
  return { status: res.status, body: await res.json() };
}

describe('the secretariat’s document kinds', () => {
  test('the site’s kinds, each with whom it is for, whether asked each year, and its documents on file', async () => {
    const list = await kinds();
    assert.ok(list.length >= 4);
    assert.ok(list.every((k) => k.active));
    assert.ok(list.some((k) => k.owner === 'family') && list.some((k) => k.owner === 'student'));
    assert.ok(list.some((k) => k.documents > 0), 'the demo has documents on file');
  });

  test('a new kind reaches the families with their next pull, and documents of it are accepted', async () => {
    const { cursor } = (await family.json('/api/sync?cursor=0')).body;
    const created = await mantes.json('/api/admin/document-kinds', { json: { label: ' Attestation de quotient familial ', owner: 'family', requiredEachYear: true } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.label, 'Attestation de quotient familial');
    const pulled = (await family.json(`/api/sync?cursor=${cursor}`)).body;
    assert.deepEqual(pulled.changes.documentKinds.map((k: { label: string }) => k.label), ['Attestation de quotient familial']);
    assert.equal((await upload(created.body.id)).status, 201);
    assert.equal((await kinds()).find((k) => k.id === created.body.id)!.documents, 1);
  });

  test('the same label twice for the same people (case and accents aside) is refused by field', async () => {
    const twice = await mantes.json('/api/admin/document-kinds', { json: { label: 'ATTESTATION DE QUOTIENT FAMILIAL', owner: 'family' } });
    assert.equal(twice.status, 422);
    assert.match(twice.body.error.fields.label, /déjà/);
    const bad = await mantes.json('/api/admin/document-kinds', { json: { label: '', owner: 'voisin' } });
    assert.equal(bad.status, 422);
    assert.ok(bad.body.error.fields.label && bad.body.error.fields.owner);
  });

  test('taken off the list: the families’ pull says so, new uploads of it are refused, documents on file stay', async () => {
    const kind = (await kinds()).find((k) => k.label === 'Attestation de quotient familial')!;
    const { cursor } = (await family.json('/api/sync?cursor=0')).body;
    const off = await mantes.json(`/api/admin/document-kinds/${kind.id}`, { method: 'PUT', json: { active: false } });
    assert.equal(off.status, 200);
    const pulled = (await family.json(`/api/sync?cursor=${cursor}`)).body;
    assert.equal(pulled.changes.documentKinds[0].active, false);
    assert.equal((await upload(kind.id)).status, 422);
    assert.equal((await kinds()).find((k) => k.id === kind.id)!.documents, 1);
    const renamed = await mantes.json(`/api/admin/document-kinds/${kind.id}`, { method: 'PUT', json: { label: 'Quotient familial (CAF)', active: true } });
    assert.equal(renamed.status, 200);
    assert.equal((await kinds()).find((k) => k.id === kind.id)!.label, 'Quotient familial (CAF)');
    const whom = await mantes.json(`/api/admin/document-kinds/${kind.id}`, { method: 'PUT', json: { owner: 'student' } });
    assert.equal(whom.status, 422, 'whom a kind is for never changes');
  });

  test('another site’s kind is 404; families and teachers get 403', async () => {
    const kind = (await kinds())[0];
    const limay = new TestClient(t.app);
    await limay.signIn(DEMO.secretariatLimay[0], DEMO.secretariatLimay[1], 'Limay');
    assert.equal((await limay.json(`/api/admin/document-kinds/${kind.id}`, { method: 'PUT', json: { active: false } })).status, 404);
    assert.ok(!(await kinds(limay)).some((k) => k.id === kind.id));
    assert.equal((await family.json('/api/admin/document-kinds')).status, 403);
    const teacher = new TestClient(t.app);
    await teacher.signIn(...DEMO.teacher);
    assert.equal((await teacher.json('/api/admin/document-kinds', { json: { label: 'X', owner: 'family' } })).status, 403);
  });
});

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, document, documentKind, site, user } from '../../server/db/schema/index.ts';
import { createTestApp, DEMO, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let uploadDir: string;
let domicileKind: string;
let otherFamilyKind: string;
let familyId: string;

before(async () => {
  uploadDir = mkdtempSync(join(tmpdir(), 'portee-uploads-'));
  t = await createTestApp({ env: { UPLOAD_DIR: uploadDir } });
  const [mantes] = await t.db.select().from(site).where(eq(site.name, 'Mantes'));
  domicileKind = (await t.db.select().from(documentKind).where(and(eq(documentKind.siteId, mantes.id), eq(documentKind.label, 'Justificatif de domicile'))))[0].id;
  familyId = (await t.db.select().from(user).where(eq(user.username, 'famille.demo')))[0].familyId!;
  otherFamilyKind = (await t.db.select().from(documentKind).where(and(eq(documentKind.siteId, mantes.id), eq(documentKind.owner, 'family'))))
    .find((k) => k.id !== domicileKind)!.id;
});
after(() => {
  t.close();
  rmSync(uploadDir, { recursive: true, force: true });
});

const cookieOf = (c: TestClient) => [...(c as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
let n = 0;

async function signedIn(account: readonly [string, string], siteName = 'Mantes') {
  const c = new TestClient(t.app);
  assert.equal((await c.signIn(account[0], account[1], siteName)).status, 200);
  return c;
}

/** famille.demo sends a small PDF; answers the new document. */
async function familyUpload(c: TestClient, name: string, replacesId?: string, kindId = domicileKind) {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${name} ${++n}\n%%EOF\n`);
  const form = new FormData();
  form.set('kindId', kindId);
  form.set('idempotencyKey', `device-admin-test:${n}:${createHash('sha256').update(bytes).digest('hex')}`);
  if (replacesId) form.set('replacesId', replacesId);
  form.set('file', new File([bytes], name, { type: 'application/pdf' }));
  const res = await t.app.request('/api/documents', { method: 'POST', body: form, headers: { cookie: cookieOf(c), 'x-test-client-ip': '127.0.0.1' } });
  const body = await res.json();
  return { status: res.status, body };
}

describe('/api/admin/documents', () => {
  test('families and teachers get 403, anonymous 401', async () => {
    for (const account of [DEMO.family, DEMO.teacher]) {
      const c = await signedIn(account);
      for (const [path, method] of [['/api/admin/documents', 'GET'], ['/api/admin/documents/missing', 'GET'], ['/api/admin/documents/x/accept', 'POST'], ['/api/admin/documents/x/file', 'GET']]) {
        const r = await c.json(path, { method });
        assert.equal(r.status, 403, `${account[0]} ${method} ${path}`);
        assert.equal(r.body.error.code, 'forbidden');
      }
    }
    assert.equal((await new TestClient(t.app).json('/api/admin/documents')).status, 401);
  });

  test('the queue lists received documents of the site, oldest first', async () => {
    const fam = await signedIn(DEMO.family);
    const a = await familyUpload(fam, 'premier.pdf');
    await new Promise((r) => setTimeout(r, 5));
    const b = await familyUpload(fam, 'second.pdf');
    const admin = await signedIn(DEMO.secretariat);
    const r = await admin.json('/api/admin/documents');
    assert.equal(r.status, 200);
    const names = r.body.documents.map((d: { fileName: string }) => d.fileName);
    // The seeded "received" document (last November) comes before today's uploads.
    assert.deepEqual(names, ['facture-electricite-octobre.pdf', 'premier.pdf', 'second.pdf']);
    const item = r.body.documents[1];
    assert.equal(item.id, a.body.document.id);
    assert.equal(item.kindLabel, 'Justificatif de domicile');
    assert.match(item.familyName, /Lefèvre/);
    assert.equal(item.storageKey, undefined);
    const dates = r.body.documents.map((d: { createdAt: string }) => d.createdAt);
    assert.deepEqual([...dates].sort(), dates);
    assert.ok(b.body.document.id);

    // The preview: the bytes, inline for a PDF asked as a preview.
    const file = await admin.request(`/api/admin/documents/${a.body.document.id}/file?apercu=1`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.match(file.headers.get('content-disposition')!, /^inline; /);
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await file.text(), /^%PDF-/);
    // Chrome's PDF viewer is an <embed>: the preview's policy lets it run, the app's would not.
    const previewPolicy = file.headers.get('content-security-policy')!;
    assert.match(previewPolicy, /object-src 'self'/);
    assert.match(previewPolicy, /frame-ancestors 'none'/);
    assert.doesNotMatch(previewPolicy, /object-src 'none'/);
    const download = await admin.request(`/api/admin/documents/${a.body.document.id}/file`);
    assert.match(download.headers.get('content-disposition')!, /^attachment; /);
    assert.match(download.headers.get('content-security-policy')!, /object-src 'none'/);
  });

  test('another site’s secretariat sees none of it and gets 404 on its documents', async () => {
    const fam = await signedIn(DEMO.family);
    const a = await familyUpload(fam, 'mantes-only.pdf');
    const limay = await signedIn(DEMO.secretariatLimay, 'Limay');
    const list = await limay.json('/api/admin/documents');
    assert.equal(list.status, 200);
    assert.ok(!list.body.documents.some((d: { familyId: string }) => d.familyId === familyId));
    assert.equal((await limay.json(`/api/admin/documents/${a.body.document.id}/accept`, { method: 'POST' })).status, 404);
    assert.equal((await limay.json(`/api/admin/documents/${a.body.document.id}/refuse`, { json: { reason: 'x' } })).status, 404);
    assert.equal((await limay.request(`/api/admin/documents/${a.body.document.id}/file`)).status, 404);
    const [row] = await t.db.select().from(document).where(eq(document.id, a.body.document.id));
    assert.equal(row.status, 'received');
  });

  test('accept: status, version bump seen by the family’s pull, audit, e-mail; twice → 409', async () => {
    const fam = await signedIn(DEMO.family);
    const a = await familyUpload(fam, 'a-accepter.pdf');
    const cursor = (await fam.json('/api/sync?cursor=0')).body.cursor;
    const mailsBefore = t.mails.length;
    const admin = await signedIn(DEMO.secretariat);
    const r = await admin.json(`/api/admin/documents/${a.body.document.id}/accept`, { method: 'POST' });
    assert.equal(r.status, 200);
    assert.equal(r.body.document.status, 'accepted');
    assert.ok(r.body.document.version > cursor);
    const pulled = await fam.json(`/api/sync?cursor=${cursor}`);
    const seen = pulled.body.changes.documents.find((d: { id: string }) => d.id === a.body.document.id);
    assert.equal(seen.status, 'accepted');
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, a.body.document.id)).orderBy(desc(auditLog.id));
    assert.equal(audit.action, 'document.accepted');
    assert.equal(audit.familyId, familyId);
    assert.equal(t.mails.length, mailsBefore + 1);
    const mail = t.mails.at(-1)!;
    assert.equal(mail.subject, 'Portée — document accepté');
    assert.match(mail.text, /Justificatif de domicile/);
    assert.match(mail.text, /a-accepter\.pdf/);
    const again = await admin.json(`/api/admin/documents/${a.body.document.id}/accept`, { method: 'POST' });
    assert.equal(again.status, 409);
    const queue = await admin.json('/api/admin/documents');
    assert.ok(!queue.body.documents.some((d: { id: string }) => d.id === a.body.document.id));
  });

  test('refuse needs a reason; the reason reaches the family by e-mail, in the pull and in the audit', async () => {
    const fam = await signedIn(DEMO.family);
    const a = await familyUpload(fam, 'flou.pdf');
    const admin = await signedIn(DEMO.secretariat);
    const empty = await admin.json(`/api/admin/documents/${a.body.document.id}/refuse`, { json: { reason: '  ' } });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.error.fields.reason, 'Indiquez le motif du refus.');
    const r = await admin.json(`/api/admin/documents/${a.body.document.id}/refuse`, { json: { reason: 'Document illisible' } });
    assert.equal(r.status, 200);
    assert.equal(r.body.document.status, 'rejected');
    assert.equal(r.body.document.rejectionReason, 'Document illisible');
    const mail = t.mails.at(-1)!;
    assert.equal(mail.subject, 'Portée — document refusé');
    assert.match(mail.text, /Motif : Document illisible/);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, a.body.document.id)).orderBy(desc(auditLog.id));
    assert.equal(audit.action, 'document.refused');
    assert.deepEqual((audit.details as { reason: string }).reason, 'Document illisible');
    const pulled = await fam.json('/api/sync?cursor=0');
    assert.equal(pulled.body.changes.documents.find((d: { id: string }) => d.id === a.body.document.id).rejectionReason, 'Document illisible');

    // The family replaces it: the refused one is gone (tombstone for the pull), the new one waits.
    const cursor = pulled.body.cursor;
    const other = await familyUpload(fam, 'pas-refuse.pdf');
    assert.equal((await familyUpload(fam, 'x.pdf', other.body.document.id)).status, 409, 'only a refused document can be replaced');
    const otherKind = await familyUpload(fam, 'autre.pdf', a.body.document.id, otherFamilyKind);
    assert.equal(otherKind.status, 422, 'a refused document is replaced by one of the same kind');
    assert.ok(otherKind.body.error.fields.kindId);
    const replacement = await familyUpload(fam, 'net.pdf', a.body.document.id);
    assert.equal(replacement.status, 201);
    assert.equal((await t.db.select().from(document).where(eq(document.id, a.body.document.id))).length, 0);
    const after = await fam.json(`/api/sync?cursor=${cursor}`);
    assert.ok(after.body.deleted.documents.includes(a.body.document.id));
    assert.ok(after.body.changes.documents.some((d: { id: string }) => d.id === replacement.body.document.id));
    const martin = await signedIn(DEMO.martin);
    const form = await familyUpload(martin, 'y.pdf', replacement.body.document.id);
    assert.equal(form.status, 404, 'another family’s document cannot be replaced');
  });

  test('missing kinds per family for the school year', async () => {
    const admin = await signedIn(DEMO.secretariat);
    const r = await admin.json('/api/admin/documents/missing');
    assert.equal(r.status, 200);
    assert.match(r.body.schoolYear, /^\d{4}\/\d{4}$/);
    const martin = r.body.families.find((f: { familyName: string }) => /Martin/.test(f.familyName));
    assert.ok(martin, 'the Martin family has sent nothing');
    const labels = martin.missing.map((m: { kindLabel: string }) => m.kindLabel);
    assert.ok(labels.includes("Avis d'imposition"));
    assert.ok(labels.includes('Justificatif de domicile'));
    const lefevre = r.body.families.find((f: { familyId: string }) => f.familyId === familyId);
    // The Lefèvre family sent both yearly family kinds; Hugo's insurance is there, not his sisters'.
    const lefevreMissing = (lefevre?.missing ?? []).map((m: { kindLabel: string; studentName: string | null }) => `${m.kindLabel}|${m.studentName ?? ''}`);
    assert.ok(!lefevreMissing.includes("Avis d'imposition|"));
    assert.ok(!lefevreMissing.includes('Justificatif de domicile|'));
    assert.ok(!lefevreMissing.some((s: string) => s.startsWith("Attestation d'assurance|Hugo")));
    assert.ok(r.body.families.every((f: { missing: Array<{ kindLabel: string }> }) => f.missing.every((m) => m.kindLabel !== 'Photo')), 'only kinds required each year');
    const bad = await admin.json('/api/admin/documents/missing?annee=2025');
    assert.equal(bad.status, 422);
  });
});
